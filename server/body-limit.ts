// How much a request may send before anything of the app sees it (issue #11, item 3). A body is refused on its
// declared Content-Length at once, and counted while it streams in (chunked bodies declare none): past the limit
// the server answers 413, stops reading and closes the connection, so nothing past the limit is ever held.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { MAX_MATERIAL_BYTES } from "../app/domain/course/material-rules";

/**
 * Forms and JSON. The largest legitimate one is the question editor at its maxima (stem 1,000 + explanation
 * 2,000 + six options of 300 characters, all Chinese: ~4,800 characters × 9 bytes url-encoded ≈ 43 KB); assigning
 * 500 cases sends ~25 KB. 64 KiB lets both through and refuses anything that is not a form.
 */
export const FORM_BODY_LIMIT = 64 * 1024;

/** Room for the multipart boundaries, part headers and the small fields sent beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Multipart bodies: the largest file any route accepts (a course material, 10 MiB; the imports take 2–5 MB), plus the
 * form around it. Each route then holds its own upload to its own, smaller total (app/utils/upload.server.ts).
 */
export const UPLOAD_BODY_LIMIT = MAX_MATERIAL_BYTES + MULTIPART_OVERHEAD;

export class BodyTooLarge extends Error {}

export function hasBody(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD";
}

export function bodyLimitFor(req: IncomingMessage): number {
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

/** The declared length is over the limit: refused before a byte of the body is read. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > limit;
}

// The message comes from the catalogs (errors.tooLarge); the app's i18n needs Vite, so the server reads the two
// files itself, once. Both languages: the visitor may not be signed in, and this page has no layout to choose.
let message: string | undefined;
function tooLargeMessage(): string {
  if (message) return message;
  const read = (locale: string) =>
    (JSON.parse(readFileSync(path.resolve("app/locales", locale, "errors.json"), "utf8")) as { tooLarge: string })
      .tooLarge;
  return (message = `${read("zh-CN")}\n${read("en")}\n`);
}

/** 413, and the connection closes after it: the rest of the body is never read. */
export function refuseTooLarge(res: ServerResponse) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = tooLargeMessage();
  res.writeHead(413, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
}

/**
 * The request's body as a web stream that errors with BodyTooLarge (after calling `onTooLarge`) once more than
 * `limit` bytes arrived, and with an Error when the client went away mid-way (a cut body must not pass as whole).
 * It reads only as fast as the app consumes.
 */
export function limitedBody(req: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (error: Error) => {
          if (done) return;
          done = true;
          req.pause();
          controller.error(error);
        };
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          received += chunk.byteLength;
          if (received > limit) {
            onTooLarge();
            return fail(new BodyTooLarge());
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.once("close", () => {
          if (!req.complete) fail(new Error("The request's body was cut off"));
        });
        req.once("error", fail);
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
