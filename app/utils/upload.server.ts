import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type UploadResult = { ok: true; form: FormData } | { ok: false; reason: "tooLarge" | "unreadable" };

/**
 * Reads a multipart form in memory with a per-part limit, so an oversized file is refused without
 * being kept. "unreadable" is the browser's request (not multipart, cut off mid-way), not our bug.
 */
export async function readMultipart(request: Request, maxPartBytes: number): Promise<UploadResult> {
  try {
    return {
      ok: true,
      form: await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }),
      ),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof MaxPartSizeExceededError ? "tooLarge" : "unreadable" };
  }
}

/** The non-empty file sent in a field, or null. */
export async function uploadedFile(form: FormData, name = "file"): Promise<UploadedFile | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
