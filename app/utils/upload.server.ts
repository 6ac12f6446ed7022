import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type UploadResult = { ok: true; form: FormData } | { ok: false; reason: "tooLarge" | "unreadable" };

export type UploadLimits = {
  /** The file's own limit. */
  maxFileBytes: number;
  /** Every part together; by default the file plus room for the few small fields beside it. */
  maxTotalBytes?: number;
  /** Our upload forms send a file and a handful of fields; thousands of tiny parts are an attack, not a form. */
  maxParts?: number;
};

class TotalTooLarge extends Error {}
class TooManyParts extends Error {}

const FIELDS_ROOM = 64 * 1024;
const MAX_PARTS = 20;

/**
 * Reads a multipart form in memory, counting while it streams: each part, all parts together and their number
 * are limited, so an oversized or many-part body is refused without being kept. Call it only after the
 * permission check: a refused person's body is then never read (the server closes the connection instead).
 * "unreadable" is the browser's request (not multipart, cut off mid-way, too many parts), not our bug.
 */
export async function readMultipart(request: Request, limits: UploadLimits): Promise<UploadResult> {
  const maxTotal = limits.maxTotalBytes ?? limits.maxFileBytes + FIELDS_ROOM;
  const maxParts = limits.maxParts ?? MAX_PARTS;
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFileBytes });
  let parts = 0;
  let total = 0;
  async function* counted(data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > maxTotal) throw new TotalTooLarge();
      yield chunk;
    }
  }
  const handler: UploadHandler = (part) => {
    if (++parts > maxParts) throw new TooManyParts();
    return memory({ ...part, data: counted(part.data) });
  };
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, handler) };
  } catch (error) {
    const tooLarge = error instanceof MaxPartSizeExceededError || error instanceof TotalTooLarge;
    return { ok: false, reason: tooLarge ? "tooLarge" : "unreadable" };
  }
}

/** The non-empty file sent in a field, or null. */
export async function uploadedFile(form: FormData, name = "file"): Promise<UploadedFile | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
