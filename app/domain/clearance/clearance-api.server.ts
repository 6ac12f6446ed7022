// GET /api/v1/clearance/{employeeNo} with `Authorization: Bearer <key>`: answered from the
// in-process snapshot before express and Remix (server/clearance-fast-path.ts). Time-dependent
// lapse and expiry are evaluated at the request's instant. Fails closed: a snapshot older than
// MAX_STALE_MS, or any error, answers 503 with "cleared": false.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createPgPool } from "~/utils/pg-pool.server";
import { now } from "~/utils/clock.server";
import { bearerKey, hashApiKey } from "./api-key-rules";
import { createCallLog } from "./call-log.server";
import { answerFor } from "./clearance-response";
import { fingerprint, loadSnapshot, type Snapshot } from "./clearance-snapshot.server";

export const CLEARANCE_PATH = "/api/v1/clearance/";

export type ClearanceOptions = {
  connectionString: string;
  /** How often the fingerprint is checked (a revoked key or certification is refused within this, plus the query). */
  refreshMs?: number;
  /** Older than this, the snapshot is not trusted and every call is refused (503). */
  maxStaleMs?: number;
  flushMs?: number;
  /** A full reload at least this often, whatever the fingerprint says. */
  fullReloadMs?: number;
  onError?: (error: unknown) => void;
};

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function send(res: ServerResponse, status: number, json: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...HEADERS, "Content-Length": Buffer.byteLength(json), ...extra });
  res.end(json);
}

export function createClearanceService(options: ClearanceOptions) {
  const refreshMs = options.refreshMs ?? 250;
  const maxStaleMs = options.maxStaleMs ?? 1_000;
  const fullReloadMs = options.fullReloadMs ?? 60_000;
  const onError = options.onError ?? ((error: unknown) => console.error("[clearance]", error));
  const pool = createPgPool(options.connectionString, 2, onError);
  const log = createCallLog(pool, onError);

  let snapshot: Snapshot | null = null;
  let seen = "";
  let loadedAt = 0;
  let freshAt = 0;
  let stopped = false;
  let refreshing: Promise<void> | null = null;

  async function refreshOnce() {
    const started = Date.now();
    const f = await fingerprint(pool);
    if (f !== seen || !snapshot || started - loadedAt > fullReloadMs) {
      snapshot = await loadSnapshot(pool);
      seen = f;
      loadedAt = started;
    }
    // The snapshot reflects everything committed before `started`.
    freshAt = started;
  }
  /** Checks for changes now (tests call it to avoid waiting for the timer). */
  function refresh(): Promise<void> {
    refreshing ??= refreshOnce().finally(() => (refreshing = null));
    return refreshing;
  }

  let refreshTimer: NodeJS.Timeout | undefined;
  const loop = () => {
    refresh()
      .catch(onError)
      .finally(() => {
        if (!stopped) refreshTimer = setTimeout(loop, refreshMs).unref();
      });
  };
  loop();
  const flushTimer = setInterval(() => void log.flush(), options.flushMs ?? 1_000).unref();

  function answer(req: IncomingMessage, res: ServerResponse, rawNo: string) {
    const at = now();
    let employeeNo = rawNo;
    try {
      employeeNo = decodeURIComponent(rawNo).trim();
    } catch {
      /* a malformed escape is just an unknown number */
    }
    const current = snapshot;
    if (!current || Date.now() - freshAt > maxStaleMs) {
      log.push({ at: at.getTime(), apiKeyId: null, employeeNo, status: 503, cleared: false });
      return send(res, 503, JSON.stringify({ employeeNo, cleared: false, reasons: ["unavailable"], validUntil: null, rules: {} }));
    }
    const key = bearerKey(req.headers.authorization);
    const keyId = key ? current.keys.get(hashApiKey(key)) : undefined;
    if (!keyId) {
      log.push({ at: at.getTime(), apiKeyId: null, employeeNo, status: 401, cleared: false });
      return send(res, 401, JSON.stringify({ error: "unauthorized" }), { "WWW-Authenticate": 'Bearer realm="traingate"' });
    }
    const entry = current.people.get(employeeNo) ?? current.people.get(employeeNo.toUpperCase());
    if (!entry) {
      log.push({ at: at.getTime(), apiKeyId: keyId, employeeNo, status: 404, cleared: false });
      return send(res, 404, JSON.stringify({ error: "notFound", employeeNo }));
    }
    const t = at.getTime();
    let cached = entry.answer;
    if (!cached || t < cached.from || t >= cached.until) cached = entry.answer = answerFor(entry.employeeNo, entry.person, current.rules, entry.attempts, at, current.policy);
    log.push({ at: t, apiKeyId: keyId, employeeNo: entry.employeeNo, status: 200, cleared: cached.cleared });
    send(res, 200, cached.json);
  }

  /** A FastPath: true when the request was this API's (answered, whatever the outcome). */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "";
    if (!url.startsWith(CLEARANCE_PATH)) return false;
    try {
      if (req.method !== "GET") {
        send(res, 405, JSON.stringify({ error: "methodNotAllowed" }), { Allow: "GET" });
        return true;
      }
      const q = url.indexOf("?");
      const rawNo = url.slice(CLEARANCE_PATH.length, q < 0 ? undefined : q);
      if (!rawNo || rawNo.includes("/")) {
        send(res, 404, JSON.stringify({ error: "notFound" }));
        return true;
      }
      answer(req, res, rawNo);
    } catch (error) {
      onError(error);
      if (!res.headersSent) send(res, 503, JSON.stringify({ cleared: false, reasons: ["unavailable"], validUntil: null, rules: {} }));
      else res.destroy();
    }
    return true;
  }

  async function stop() {
    stopped = true;
    clearTimeout(refreshTimer);
    clearInterval(flushTimer);
    await refreshing?.catch(() => {});
    await log.flush();
    await pool.end();
  }

  return { handle, refresh, stop, flushLog: () => log.flush(), pendingLog: () => log.pending() };
}
export type ClearanceService = ReturnType<typeof createClearanceService>;
