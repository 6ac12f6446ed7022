// Pure: which uploaded files a course may keep (docs/decisions/0008-course-materials.md).
// The extension says what the uploader claims; the first bytes say what the file is. Both must agree, and an
// Office file must open: its zip directory is whole and holds the parts the format requires.
import { inspectXlsx, zipEntries } from "~/utils/xlsx-guard";

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
type Kind = {
  mime: string;
  magic: number[];
  /** An Office file is a ZIP holding [Content_Types].xml and this folder. */
  zipFolder?: string;
};

// A material is kept, not read by us; an .xlsx is still inflated once (counting, nothing kept) so that a broken or
// bomb-like workbook never reaches the people who open it. Excel's own row limit.
const MATERIAL_XLSX = { maxUncompressedBytes: 100_000_000, maxRows: 1_048_576 };

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

/** The Office file opens: a whole zip directory with the format's parts (for .xlsx: every part inflates). */
function officeProblem(ext: string, bytes: Uint8Array, folder: string): MaterialError | null {
  const names = zipEntries(bytes)?.map((e) => e.name);
  if (!names?.includes("[Content_Types].xml")) return "course.material.damaged";
  if (!names.some((n) => n.startsWith(folder))) return "course.material.contentMismatch";
  if (ext === "xlsx" && !inspectXlsx(bytes, MATERIAL_XLSX).ok) return "course.material.damaged";
  return null;
}

type MaterialError =
  | "course.material.empty"
  | "course.material.tooLarge"
  | "course.material.refusedType"
  | "course.material.contentMismatch"
  | "course.material.damaged";

export type MaterialCheck = { ok: true; mime: string; fileName: string } | { ok: false; error: MaterialError };

export function checkMaterial(fileName: string, bytes: Uint8Array): MaterialCheck {
  // Only the last path segment: some browsers send the client's full path.
  const name = fileName.split(/[\\/]/).pop()!.trim().slice(-200);
  if (bytes.byteLength === 0) return { ok: false, error: "course.material.empty" };
  if (bytes.byteLength > MAX_MATERIAL_BYTES) return { ok: false, error: "course.material.tooLarge" };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? "";
  const kind = MATERIAL_TYPES[ext];
  if (!kind) return { ok: false, error: "course.material.refusedType" };
  if (!startsWith(bytes, kind.magic)) return { ok: false, error: "course.material.contentMismatch" };
  const problem = kind.zipFolder ? officeProblem(ext, bytes, kind.zipFolder) : null;
  if (problem) return { ok: false, error: problem };
  return { ok: true, mime: kind.mime, fileName: name };
}
