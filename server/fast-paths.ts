import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { FastPath, FastPathOptions } from "../app/utils/fast-path.server";

/**
 * Hot endpoints answered before express and Remix (each costs ~1 ms of CPU per request here). A fast
 * path returns true when it answered the request. It sets its own headers. The clearance API is
 * registered by server/clearance-fast-path.ts, the app's own (the quiz attempt calls) come from the
 * build's entry module (app/fast-paths/).
 */
export const FAST_PATHS: FastPath[] = [];

export function handledByFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  for (const path of FAST_PATHS) if (path(req, res)) return true;
  return false;
}

type EntryWithFastPaths = { createFastPaths?: (options: FastPathOptions) => FastPath[] };

/** https as express sees it: a TLS socket, or X-Forwarded-Proto from a proxy express trusts. */
export function secureAsExpressSeesIt(trustProxy: (address: string, hop: number) => boolean) {
  return (req: IncomingMessage) => {
    if ((req.socket as TLSSocket).encrypted) return true;
    if (!trustProxy(req.socket.remoteAddress ?? "", 0)) return false;
    const proto = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim();
    return proto === "https";
  };
}

export function registerAppFastPaths(entry: unknown, options: FastPathOptions) {
  FAST_PATHS.push(...((entry as EntryWithFastPaths).createFastPaths?.(options) ?? []));
}
