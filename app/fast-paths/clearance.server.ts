// GET /api/v1/clearance/{employeeNo} with `Authorization: Bearer <key>` (ADR 0009): the case system's
// question, answered before express and Remix from this process's snapshot (each WEB_CONCURRENCY
// process keeps one). Any error answers 503 with "cleared": false.
import type { IncomingMessage, ServerResponse } from "node:http";

import { bearerKey } from "~/domain/clearance/api-key-rules";
import {
  createClearanceAnswers,
  type ClearanceOptions,
  type ClearanceReply,
} from "~/domain/clearance/clearance-answers.server";
import { unavailableBody } from "~/domain/clearance/clearance-response";
import { parseEmployeeNoSegment } from "~/domain/clearance/employee-no-rules";
import { JSON_ANSWER_HEADERS } from "~/utils/fast-path.server";

export const CLEARANCE_PATH = "/api/v1/clearance/";

const CHALLENGE: readonly string[] = ["WWW-Authenticate", 'Bearer realm="traingate"'];

// The headers go as one flat list (names and values in turn, as Node's writeHead takes them), not as an object
// spread from the fixed ones: on Node 20, such a `{ ...HEADERS, "Content-Length": n }` outlived the next
// young-generation GC and was promoted (a bare node:http server: ~230 kB copied at each GC with it, 4 kB without).
// Each of those GCs holds every call in flight (docs/benchmarks.md, session 18).
function send(res: ServerResponse, status: number, json: string, extra: readonly string[] = []) {
  res.writeHead(status, [...JSON_ANSWER_HEADERS, "Content-Length", String(Buffer.byteLength(json)), ...extra]);
  res.end(json);
}

/** The path's segment after CLEARANCE_PATH, as sent (still percent-encoded). */
function segmentOf(url: string): string {
  const q = url.indexOf("?");
  return url.slice(CLEARANCE_PATH.length, q < 0 ? undefined : q);
}

/** The employee number the call's path names, when it names a valid one. */
function employeeNoIn(url: string): string | null {
  const checked = parseEmployeeNoSegment(segmentOf(url));
  return checked.ok ? checked.employeeNo : null;
}

export function createClearanceService(options: ClearanceOptions) {
  const answers = createClearanceAnswers(options);

  /** A FastPath: true when the request was this API's (answered, whatever the outcome). */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "";
    if (!url.startsWith(CLEARANCE_PATH)) return false;
    try {
      if (req.method !== "GET") {
        send(res, 405, JSON.stringify({ error: "methodNotAllowed" }), ["Allow", "GET"]);
        return true;
      }
      const rawNo = segmentOf(url);
      if (!rawNo || rawNo.includes("/")) {
        send(res, 404, JSON.stringify({ error: "notFound" }));
        return true;
      }
      const reply = answers.answer(bearerKey(req.headers.authorization), rawNo);
      // Nearly always answered at once; a call the snapshot cannot answer waits for the database.
      if (reply instanceof Promise)
        reply.then(
          (r) => sendReply(res, r),
          (error) => failed(res, error, url),
        );
      else sendReply(res, reply);
    } catch (error) {
      failed(res, error, url);
    }
    return true;
  }

  function sendReply(res: ServerResponse, reply: ClearanceReply) {
    if (res.destroyed) return; // the caller hung up while the database was asked
    send(res, reply.status, reply.json, reply.status === 401 ? CHALLENGE : undefined);
  }

  function failed(res: ServerResponse, error: unknown, url: string) {
    answers.onError(error);
    if (!res.headersSent) send(res, 503, unavailableBody(employeeNoIn(url)));
    else res.destroy();
  }

  const { refresh, ready, stop, flushLog, pendingLog } = answers;
  return { handle, refresh, ready, stop, flushLog, pendingLog };
}
export type ClearanceService = ReturnType<typeof createClearanceService>;
