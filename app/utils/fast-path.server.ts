// JSON endpoints answered before express and Remix (server/main.ts asks each fast path first): for the
// few calls made so often that express, helmet and Remix's ~1 ms per request would decide the
// throughput. A fast path returns true when the request is its own; it then answers, always.
import type { IncomingMessage, ServerResponse } from "node:http";

import { isForbiddenCrossOriginWrite } from "./origin";

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** How the server knows a request came over https (express's `trust proxy` decides; see server/main.ts). */
export type FastPathOptions = { isSecure: (req: IncomingMessage) => boolean };

/**
 * What the app build gives the server (app/fast-paths/): the paths to ask in order, and how to stop what they run
 * (at shutdown).
 */
export type FastPaths = { paths: FastPath[]; stop: () => Promise<void> };

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  // Answered before the whole body arrived (refused, or too large): close instead of reading the rest.
  const unread = res.req && !res.req.complete ? { Connection: "close" } : {};
  res.writeHead(status, { ...JSON_HEADERS, ...unread, "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

/** The same refusal of cross-site writes as every other request (app/utils/origin.ts). */
export function isCrossOriginWrite(req: IncomingMessage, secure: boolean): boolean {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return isForbiddenCrossOriginWrite({
    method: req.method ?? "GET",
    origin: header("origin"),
    secFetchSite: header("sec-fetch-site"),
    expectedOrigin: `${secure ? "https" : "http"}://${header("host") ?? ""}`,
    hasBearerToken: false,
  });
}

export class BodyTooLarge extends Error {}

/**
 * The request's JSON body (undefined when empty); throws BodyTooLarge past `limit` bytes and SyntaxError when it is
 * not JSON. A body declared larger is refused before it is read, and one that grows past the limit is read no
 * further: the answer then closes the connection (sendJson) instead of draining the rest.
 */
export function readJsonBody(req: IncomingMessage, limit = 16 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on("data", onData);
    req.on("end", () => {
      if (size > limit) return;
      if (size === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}
