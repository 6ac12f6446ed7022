// JSON endpoints answered before express and Remix (server/main.ts asks each fast path first): for the
// few calls made so often that express, helmet and Remix's ~1 ms per request would decide the
// throughput. A fast path returns true when the request is its own; it then answers, always.
import type { IncomingMessage, ServerResponse } from "node:http";

import { isForbiddenCrossOriginWrite } from "./origin";

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** How the server knows a request came over https (express's `trust proxy` decides; see server/main.ts). */
export type FastPathOptions = { isSecure: (req: IncomingMessage) => boolean };

/**
 * What the app build gives the server (app/fast-paths/): the paths to ask in order, when they can first answer
 * (settled once their data has been loaded, or the load failed), and how to stop what they run (at shutdown).
 */
export type FastPaths = { paths: FastPath[]; ready?: Promise<void>; stop: () => Promise<void> };

/** A JSON answer's headers as a flat list of names and values (see sendJson): the clearance API's too. */
export const JSON_ANSWER_HEADERS: readonly string[] = [
  "Content-Type",
  "application/json; charset=utf-8",
  "Cache-Control",
  "no-store",
  "X-Content-Type-Options",
  "nosniff",
];
const JSON_HEADERS: readonly string[] = [
  ...JSON_ANSWER_HEADERS,
  "Referrer-Policy",
  "strict-origin-when-cross-origin",
  "X-Frame-Options",
  "DENY",
];

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  // A flat list, not `{ ...JSON_HEADERS, "Content-Length": n }`: on Node 20 such a spread object outlived the
  // next young-generation GC and was promoted (see app/fast-paths/clearance.server.ts).
  res.writeHead(status, [...JSON_HEADERS, "Content-Length", String(Buffer.byteLength(json))]);
  res.end(json);
  if (res.req) discardRest(res.req);
}

// How much of a body answered early is still taken in (and dropped) before the connection is cut.
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * For a request answered before its whole body arrived (refused, or too large): the rest is dropped as it comes,
 * never kept, and past 8 MB or 2 s the connection is cut. Cutting at once would lose the answer: a socket closed
 * with unread data sends a reset, and the client (a browser still uploading) never reads the 413 or 403. Node's
 * own handling would read the rest to the end, however large.
 */
export function discardRest(req: IncomingMessage) {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112, 6.3): nothing comes to drop. Such
  // a GET (a health probe, a quiz attempt's load) is not yet `complete` while it is answered, and a timer and
  // three listeners were armed for each.
  if (req.complete || req.socket.destroyed || !declaresBody(req)) return;
  let dropped = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped <= LINGER_BYTES) return;
    clearTimeout(timer);
    cut();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
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
 * not JSON. A body declared larger is refused before it is read, and one that grows past the limit is not kept:
 * the answer then drops at most a little more of it before cutting the connection (sendJson, discardRest).
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
