import { randomBytes } from "node:crypto";

import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

import { isForbiddenCrossOriginWrite } from "../app/utils/origin";

export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders(dev: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": dev
          ? ["'self'", "'unsafe-inline'"]
          : ["'strict-dynamic'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": dev ? ["'self'", "ws:"] : ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // Sent only over https (below); a plain-http intranet install must not be told to upgrade.
    strictTransportSecurity: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xContentTypeOptions: true,
  });
}

export function hstsOverHttps(req: Request, res: Response, next: NextFunction) {
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

export function refuseCrossOriginWrites(req: Request, res: Response, next: NextFunction) {
  const forbidden = isForbiddenCrossOriginWrite({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    expectedOrigin: `${req.protocol}://${req.get("host")}`,
    hasBearerToken: /^Bearer\s/i.test(req.get("authorization") ?? ""),
  });
  if (forbidden) {
    res.status(403).type("text/plain").send("Cross-origin request refused");
    return;
  }
  next();
}

/**
 * Pages, `.data` requests, downloads and API answers are one signed-in person's: no browser cache,
 * back button on a shared PC or proxy may keep them. Applied to whatever reaches Remix (the static
 * assets, with their long cache, are answered before); a route that chose its own Cache-Control
 * keeps it. Set just before the headers go out, because Remix appends its headers to ours.
 */
export function noStoreByDefault(_req: Request, res: Response, next: NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
  next();
}
