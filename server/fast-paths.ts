import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

import type { FastPathOptions, FastPaths } from "../app/utils/fast-path.server";

/**
 * Hot endpoints answered before express and Remix (each costs ~1 ms of CPU per request here): the
 * clearance API and the quiz attempt calls, which come from the build's entry module (app/fast-paths/)
 * so that they run on the build's own modules. A fast path returns true when it answered the request.
 */
export type AppFastPaths = {
  handled: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Settles when the fast paths have their data, or `waitMs` has passed (a slow database must not keep the
   * server from listening: they answer "unavailable" until then). */
  ready: (waitMs: number) => Promise<void>;
  stop: () => Promise<void>;
};

type EntryWithFastPaths = { createFastPaths?: (options: FastPathOptions) => FastPaths };

/** https as express sees it: a TLS socket, or X-Forwarded-Proto from a proxy express trusts. */
export function secureAsExpressSeesIt(trustProxy: (address: string, hop: number) => boolean) {
  return (req: IncomingMessage) => {
    if ((req.socket as TLSSocket).encrypted) return true;
    if (!trustProxy(req.socket.remoteAddress ?? "", 0)) return false;
    const proto = String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      .trim();
    return proto === "https";
  };
}

export function appFastPaths(entry: unknown, options: FastPathOptions): AppFastPaths {
  const { paths, ready, stop } = (entry as EntryWithFastPaths).createFastPaths?.(options) ?? {
    paths: [],
    stop: async () => {},
  };
  return {
    handled(req, res) {
      for (const path of paths) if (path(req, res)) return true;
      return false;
    },
    ready(waitMs) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
      return Promise.race([ready ?? Promise.resolve(), waited]).finally(() => clearTimeout(timer));
    },
    stop,
  };
}
