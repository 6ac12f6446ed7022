// Remix behind express, as @remix-run/express 2.17 does it (createRemixRequest, sendRemixResponse), with one
// difference: the request's body is a size-limited stream (./body-limit.ts) instead of the raw socket, and
// the answer's body is written at the pace the client reads it (a streamed export is never queued whole).
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

import { discardRest } from "../app/utils/fast-path.server";

import { bodyLimitFor, declaredTooLarge, hasBody, limitedBody, refuseTooLarge } from "./body-limit";
import { createManifestCache, type CachedAnswer } from "./manifest-cache";

type Options = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
};

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  return headers;
}

async function send(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/**
 * Remix's writeReadableStreamToWritable without its one gap: it writes whatever the body yields without
 * waiting for the socket, so a slow client made the whole of a streamed export pile up in memory. A body
 * that fails cuts the connection (the client never sees a complete-looking file); a client that leaves
 * cancels the body, which stops whatever produces it.
 */
/** Resolves once the socket takes more, or is gone; leaves no listener behind either way. */
function drainOrClose(res: ExpressResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * The compression's flush (so what is written reaches the client now, not when gzip's buffer fills), once
 * per turn of the event loop: React hands a page over in chunks of ~2 kB, all in the same turn, and a flush
 * after each one cost a gzip sync point and a socket write per chunk (zlib and the socket writes went from
 * ~10 % to ~6.5 % of the server's busy CPU on the pages, and the pages shrank by a quarter to a third:
 * docs/benchmarks.md, session 10). Parts that come later (an export's rows, a deferred answer) are still
 * sent as soon as they are written.
 */
function flusher(res: ExpressResponse): () => void {
  const flushable = res as ExpressResponse & { flush?: () => void };
  if (!flushable.flush) return () => {};
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      if (!res.writableEnded && !res.destroyed) flushable.flush?.();
    });
  };
}

async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse) {
  const reader = body.getReader();
  const flushSoon = flusher(res);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) throw new Error("the client went away");
      const more = res.write(value);
      flushSoon();
      if (!more) await drainOrClose(res);
    }
    res.end();
  } catch (error) {
    void reader.cancel(error).catch(() => {});
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

function urlOf(req: ExpressRequest): string {
  // req.hostname follows "trust proxy" but has no port: take it from X-Forwarded-Host or Host, as the adapter does.
  const portOf = (header: string | undefined) => Number.parseInt(header?.split(":")[1] ?? "", 10);
  const forwarded = portOf(req.get("X-Forwarded-Host"));
  const host = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(host) ? host : "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

function sendCached(res: ExpressResponse, answer: CachedAnswer) {
  res.status(answer.status);
  for (const [key, value] of answer.headers) res.append(key, value);
  res.end(answer.body);
}

export function createRemixHandler({ build, getLoadContext }: Options) {
  const handle = createRequestHandler(build as ServerBuild, process.env.NODE_ENV);
  // Route discovery answers, per build and path shape (./manifest-cache.ts); not in development, where the
  // build changes under the server.
  let cache: ReturnType<typeof createManifestCache> | undefined;
  const manifests = () => (cache ??= createManifestCache((build as ServerBuild).routes ?? {}));
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const query = req.originalUrl.indexOf("?");
    const manifestKey =
      typeof build !== "function" && req.method === "GET" && req.path === "/__manifest" && query >= 0
        ? manifests().keyOf(req.originalUrl.slice(query + 1))
        : null;
    const known = manifestKey ? manifests().get(manifestKey) : undefined;
    if (known) return sendCached(res, known);
    const withBody = hasBody(req.method);
    const limit = bodyLimitFor(req);
    if (withBody && declaredTooLarge(req, limit)) return refuseTooLarge(req, res);
    // Loaders and actions stop once no answer can be written any more (the client left, or 413 went out).
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method,
      headers: headersOf(req),
      signal: controller.signal,
    };
    const body = withBody
      ? limitedBody(req, limit, () => {
          controller.abort();
          refuseTooLarge(req, res);
        })
      : null;
    if (body) {
      init.body = body.stream;
      init.duplex = "half";
    }
    try {
      const response = await handle(new Request(urlOf(req), init), getLoadContext(req, res));
      if (res.headersSent) return;
      if (manifestKey && response.status === 200) {
        const answer = {
          status: response.status,
          headers: [...response.headers.entries()],
          body: Buffer.from(await response.arrayBuffer()),
        };
        manifests().set(manifestKey, answer);
        return sendCached(res, answer);
      }
      await send(res, response);
      // Answered before the body was read (a refusal by permission, say): drop a little more of it, then cut.
      if (body && !req.complete) {
        body.stop();
        discardRest(req);
      }
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}
