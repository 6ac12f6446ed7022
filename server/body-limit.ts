// How much a request may send before anything of the app sees it. A body is refused on its
// declared Content-Length at once, and counted while it streams in (chunked bodies declare none): past the limit
// the server answers 413 and keeps nothing more: it drops at most a little more of the body (so that the client
// reads the answer rather than a reset) and then cuts the connection (discardRest).
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { MAX_MATERIAL_BYTES } from "../app/domain/course/material-rules";
import { discardRest } from "../app/utils/fast-path.server";

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

/** 413; the rest of the body is dropped, not kept, and the connection cut past a little more of it. */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = tooLargeMessage();
  res.writeHead(413, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(body);
  discardRest(req);
}

/**
 * The request's body as a web stream that errors with BodyTooLarge (after calling `onTooLarge`) once more than
 * `limit` bytes arrived, and with an Error when the client went away mid-way (a cut body must not pass as whole).
 * It reads only as fast as the app consumes; `stop()` ends it where it is (the answer went out without it).
 */
export function limitedBody(req: IncomingMessage, limit: number, onTooLarge: () => void) {
  let received = 0;
  let done = false;
  let fail: (error: Error) => void = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        fail = (error: Error) => {
          if (done) return;
          done = true;
          controller.error(error);
        };
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          received += chunk.byteLength;
          if (received > limit) {
            fail(new BodyTooLarge());
            return onTooLarge();
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
        req.once("error", (error) => fail(error));
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return { stream, stop: () => fail(new Error("Answered without the rest of the body")) };
}
