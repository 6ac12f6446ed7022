// Pure: which uploaded files a course may keep (docs/decisions/0008-course-materials.md).
// The extension says what the uploader claims; the first bytes say what the file is. Both must agree.

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
type Kind = { mime: string; magic: number[]; /** An Office file is a ZIP holding this folder. */ zipFolder?: string };

export const MATERIAL_TYPES: Record<string, Kind> = {
  pdf: { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: ZIP,
    zipFolder: "word/",
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: ZIP,
    zipFolder: "ppt/",
  },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP, zipFolder: "xl/" },
  png: { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
};

export const ACCEPT = Object.keys(MATERIAL_TYPES)
  .map((e) => `.${e}`)
  .join(",");

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// ZIP entry names are stored as plain text in the archive's directories.
function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
}

export type MaterialCheck =
  | { ok: true; mime: string; fileName: string }
  | {
      ok: false;
      error:
        | "course.material.empty"
        | "course.material.tooLarge"
        | "course.material.refusedType"
        | "course.material.contentMismatch";
    };

export function checkMaterial(fileName: string, bytes: Uint8Array): MaterialCheck {
  // Only the last path segment: some browsers send the client's full path.
  const name = fileName.split(/[\\/]/).pop()!.trim().slice(-200);
  if (bytes.byteLength === 0) return { ok: false, error: "course.material.empty" };
  if (bytes.byteLength > MAX_MATERIAL_BYTES) return { ok: false, error: "course.material.tooLarge" };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? "";
  const kind = MATERIAL_TYPES[ext];
  if (!kind) return { ok: false, error: "course.material.refusedType" };
  if (!startsWith(bytes, kind.magic) || (kind.zipFolder && !containsAscii(bytes, kind.zipFolder)))
    return { ok: false, error: "course.material.contentMismatch" };
  return { ok: true, mime: kind.mime, fileName: name };
}
