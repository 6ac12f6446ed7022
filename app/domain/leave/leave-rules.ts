// Pure: which attachments a leave form takes, and until when it can be filed.

/** A photo of a note or a scan: big enough for a phone's photo, small enough for the database. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** What the file input offers; the server looks at the bytes, not at this. */
export const ATTACHMENT_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf,.heic,.pdf";

type Kind = { mime: string; ext: string; matches: (b: Uint8Array) => boolean };

const at = (bytes: Uint8Array, offset: number, text: string) =>
  [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

// The first bytes say what a file is; its name and the browser's stated type are what someone claims.
const KINDS: Kind[] = [
  { mime: "image/jpeg", ext: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", ext: "png", matches: (b) => at(b, 0, "\x89PNG\r\n\x1a\n") },
  { mime: "image/webp", ext: "webp", matches: (b) => at(b, 0, "RIFF") && at(b, 8, "WEBP") },
  // HEIC (an iPhone's photo): an ISO media file whose brand is one of HEIF's.
  {
    mime: "image/heic",
    ext: "heic",
    matches: (b) => at(b, 4, "ftyp") && ["heic", "heix", "heim", "heis", "mif1", "msf1"].some((x) => at(b, 8, x)),
  },
  { mime: "application/pdf", ext: "pdf", matches: (b) => at(b, 0, "%PDF-") },
];

export type AttachmentCheck =
  | { ok: true; mime: string; fileName: string }
  | { ok: false; error: "leave.attachment.tooLarge" | "leave.attachment.refusedType" };

/** An image (JPEG, PNG, WebP, HEIC) or a PDF by content, within the size limit. */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: "leave.attachment.tooLarge" };
  const kind = KINDS.find((k) => k.matches(bytes));
  if (!kind) return { ok: false, error: "leave.attachment.refusedType" };
  // Only the last path segment (some browsers send the whole path), and an extension that tells the truth.
  const base =
    (fileName.split(/[\\/]/).pop() ?? "")
      .trim()
      .replace(/\.[^.]*$/, "")
      .slice(0, 120) || "attachment";
  return { ok: true, mime: kind.mime, fileName: `${base}.${kind.ext}` };
}

/** Leave is asked for in advance: once the session has started it is too late (the clerk marks the day). */
export function tooLateToFile(session: { startsAt: Date }, at: Date): boolean {
  return at.getTime() >= session.startsAt.getTime();
}

/** Images are shown in the browser; a PDF is downloaded (a viewer plug-in is not our origin's business). */
export function showsInline(mime: string): boolean {
  return mime.startsWith("image/") && mime !== "image/heic";
}
