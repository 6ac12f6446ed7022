import path from "node:path";

import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler } from "express";

import { currentRequest, logger } from "../app/utils/logger.server";

import { createRemixHandler } from "./remix-handler";
import { cspNonce, hstsOverHttps, noStoreByDefault, refuseCrossOriginWrites, securityHeaders } from "./security";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as express sees it (behind TRUST_PROXY, the forwarded one): sign-in throttling. */
    clientAddress?: string;
  }
}

type Options = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  dev?: { middlewares: express.RequestHandler };
  trustProxy: boolean | number | string;
};

export function createApp({ build, dev, trustProxy }: Options) {
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy !== false) app.set("trust proxy", trustProxy);
  // gzip level 2, not the default 6: on the case list, the board and a course it costs 0.1–0.6 ms of CPU per
  // page instead of 0.5–1.4 ms, for 9–12 % more bytes (2.4 kB on the largest page): docs/benchmarks.md, session 15.
  app.use(compression({ level: 2 }));
  app.use(cspNonce);
  app.use(securityHeaders(Boolean(dev)));
  app.use(hstsOverHttps);
  app.use(refuseCrossOriginWrites);
  if (dev) {
    app.use(dev.middlewares);
  } else {
    const client = path.resolve("build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    // Only the few top-level files of public/ are looked up on disk; every page and data request
    // would otherwise cost a failed file-system lookup first.
    const publicFiles = express.static(client, { maxAge: "1h", index: false, redirect: false });
    app.use((req, res, next) =>
      /^\/[^/]+\.(svg|ico|png|txt|webmanifest)$/.test(req.path) ? publicFiles(req, res, next) : next(),
    );
  }
  app.use(noStoreByDefault);
  app.all(
    "*",
    createRemixHandler({
      build,
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientAddress: req.ip ?? "" }),
    }),
  );
  app.use(logErrors);
  return app;
}

// What escapes Remix (its own errors go through handleError in app/entry.server.tsx): logged with its
// stack and the request's id, answered with a bare 500 that shows nothing of it.
const logErrors: ErrorRequestHandler = (error, _req, res, next) => {
  logger().error({ err: error, requestId: currentRequest()?.requestId }, "request failed");
  if (res.headersSent) return next(error);
  res.status(500).type("text/plain").send("Internal Server Error");
};
