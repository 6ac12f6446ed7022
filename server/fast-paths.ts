import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Hot machine-to-machine endpoints answered before express and Remix (each costs ~1 ms of CPU per
 * request here). A fast path returns true when it answered the request. It sets its own headers.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export const FAST_PATHS: FastPath[] = [];

export function handledByFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  for (const path of FAST_PATHS) if (path(req, res)) return true;
  return false;
}
