// The clearance API's answers (ADR 0009), from an in-process snapshot refreshed in the background;
// app/fast-paths/clearance.server.ts puts them on HTTP. The snapshot holds each person's stored
// certification (ADR 0024) with the span it holds for: each check first recomputes the stale rows (a
// change, or a lapse or expiry that has come), so an answer outside its span is refused until then.
// A call the snapshot cannot answer (older than maxStaleMs, or the person's row stale) is answered from the
// database (live-answer.server.ts, ADR 0038), a few at a time; beyond them, and on any error, it fails closed:
// 503, "cleared": false.
// A change announced on the change feed (from any process on the database) is looked for at once; the
// fingerprint timer stays, for writers that do not announce (a quiz hand-in: see ADR 0020) and for a
// feed that is down.
import { refreshStaleCertifications } from "~/domain/certification/certification-store.server";
import { onChange } from "~/utils/change-feed.server";
import { now } from "~/utils/clock.server";
import { createPgPool } from "~/utils/pg-pool.server";

import { hashApiKey } from "./api-key-rules";
import { createCallLog } from "./call-log.server";
import { answerFromCertification, unavailableBody } from "./clearance-response";
import { fingerprint, loadChangedCertifications, loadSnapshot, type Snapshot } from "./clearance-snapshot.server";
import { parseEmployeeNoSegment } from "./employee-no-rules";
import { liveAnswer } from "./live-answer.server";
import { canReadChangesSince } from "./snapshot-horizon";

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
  /** Recomputes the stale stored certifications and returns the shared inputs' hash (tests replace it); calls
   * `recomputing` with the hash the rows will be computed with, before a recompute starts. */
  prepare?: (recomputing: (key: string) => void) => Promise<string>;
  /** Calls answered from the database at once when the snapshot cannot answer them; beyond, 503. */
  liveAtOnce?: number;
  /** A call answered from the database that takes longer is refused (503). */
  liveTimeoutMs?: number;
};

/** A status and its JSON body: 200 (the answer), 400 (not an employee number), 401 (no valid key),
 * 404 (no such person) or 503. */
export type ClearanceReply = { status: 200 | 400 | 401 | 404 | 503; json: string };

const UNAUTHORIZED: ClearanceReply = { status: 401, json: JSON.stringify({ error: "unauthorized" }) };
// Fixed: what was sent is never echoed.
const INVALID: ClearanceReply = { status: 400, json: JSON.stringify({ error: "invalidEmployeeNo" }) };
const LIVE_BACKOFF_MS = 1_000;
const unavailable = (employeeNo: string): ClearanceReply => ({ status: 503, json: unavailableBody(employeeNo) });
const notFound = (employeeNo: string): ClearanceReply => ({
  status: 404,
  json: JSON.stringify({ error: "notFound", employeeNo }),
});

export function createClearanceAnswers(options: ClearanceOptions) {
  const refreshMs = options.refreshMs ?? 250;
  const maxStaleMs = options.maxStaleMs ?? 1_000;
  const fullReloadMs = options.fullReloadMs ?? 60_000;
  const liveAtOnce = options.liveAtOnce ?? 4;
  const liveTimeoutMs = options.liveTimeoutMs ?? 1_500;
  const onError = options.onError ?? ((error: unknown) => console.error("[clearance]", error));
  const pool = createPgPool(options.connectionString, 2, onError);
  const prepare = options.prepare ?? (async (recomputing) => (await refreshStaleCertifications({}, recomputing)).key);
  const log = createCallLog(pool, onError);

  let snapshot: Snapshot | null = null;
  let seen: { key: string; whole: string; certs: string; horizon: bigint } | null = null;
  let loadedAt = 0;
  let freshAt = 0;
  // Set when a recompute under other shared inputs starts (a rule or settings change): every entry of the snapshot
  // is then known to be out of date, and calls are answered from the database until it is loaded again.
  let outdated = false;
  let stopped = false;
  let refreshing: Promise<void> | null = null;

  async function refreshOnce() {
    const started = Date.now();
    const key = await prepare((next) => {
      if (seen && next !== seen.key) outdated = true;
    });
    const f = await fingerprint(pool);
    const whole =
      !snapshot ||
      !seen ||
      seen.key !== key ||
      seen.whole !== f.whole ||
      !canReadChangesSince(seen.horizon, f.horizon) ||
      started - loadedAt > fullReloadMs;
    if (whole) {
      snapshot = await loadSnapshot(pool, key);
      seen = { key, ...f };
      loadedAt = started;
      outdated = false;
    } else if (seen!.certs !== f.certs) {
      // Only stored certifications changed (a hand-in, a recompute): read those rows, not everyone's.
      snapshot = await loadChangedCertifications(pool, key, snapshot!, seen!.horizon);
      seen = { key, ...f };
    }
    // The snapshot reflects everything committed before `started`.
    freshAt = started;
  }
  /** Checks for changes now (tests call it to avoid waiting for the timer): what was committed before the call is
   * in the snapshot once it resolves. A check under way may have read its fingerprint earlier: then the next. */
  let queued: Promise<void> | null = null;
  function refresh(): Promise<void> {
    if (refreshing)
      return (queued ??= refreshing
        .catch(() => {})
        .then(() => {
          queued = null;
          return stopped ? undefined : refresh();
        }));
    refreshing = refreshOnce().finally(() => (refreshing = null));
    return refreshing;
  }
  const refreshAfterChange = () => {
    if (!stopped) refresh().catch(onError);
  };
  const unsubscribe = onChange(["clearance", "settings", "quiz"], refreshAfterChange);

  let refreshTimer: NodeJS.Timeout | undefined;
  const loop = () =>
    refresh()
      .catch(onError)
      .finally(() => {
        if (!stopped) refreshTimer = setTimeout(loop, refreshMs).unref();
      });
  // Settles when the first load has been tried (loaded or failed): the server listens after it, so a fresh
  // process does not answer "unavailable" to the case system while it is already taking requests.
  const ready: Promise<void> = loop();
  // Small batches often: a batch's statements are each built in a fraction of a millisecond.
  const flushTimer = setInterval(() => void log.flush(), options.flushMs ?? 200).unref();

  // The case system sends the same key on every call: its hash is remembered instead of computed each time.
  // A few keys at most; emptied when full, so a caller sending made-up keys cannot make it grow.
  const keyHashes = new Map<string, string>();
  const hashOf = (key: string) => {
    let hash = keyHashes.get(key);
    if (hash === undefined) {
      if (keyHashes.size >= 16) keyHashes.clear();
      hash = hashApiKey(key);
      keyHashes.set(key, hash);
    }
    return hash;
  };

  /** Logs a call answered without a certification (not cleared) and returns its reply. */
  function refuse(at: number, apiKeyId: string | null, employeeNo: string, reply: ClearanceReply): ClearanceReply {
    log.add(at, apiKeyId, employeeNo, reply.status, false);
    return reply;
  }

  let live = 0;
  // After a failed answer from the database (down, say), none is tried for a second: a caller's flood of calls then
  // costs a 503 each, not a connection attempt and an error line each.
  let liveFailedAt = Number.NEGATIVE_INFINITY;
  /** The call answered from the database now (the snapshot cannot answer it): at most liveAtOnce at a time. */
  function answerLive(key: string, employeeNo: string, t: number): ClearanceReply | Promise<ClearanceReply> {
    if (live >= liveAtOnce || Date.now() - liveFailedAt < LIVE_BACKOFF_MS)
      return refuse(t, null, employeeNo, unavailable(employeeNo));
    live++;
    const work = liveAnswer(pool, hashOf(key), employeeNo).finally(() => live--);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), liveTimeoutMs)));
    return Promise.race([work, late])
      .then((r): ClearanceReply => {
        if (r === "late") return refuse(t, null, employeeNo, unavailable(employeeNo));
        if (r.status === 401) return refuse(t, null, employeeNo, UNAUTHORIZED);
        if (r.status === 404) return refuse(t, r.keyId, employeeNo, notFound(employeeNo));
        log.add(t, r.keyId, employeeNo, 200, r.cleared);
        return { status: 200, json: r.json };
      })
      .catch((error: unknown) => {
        liveFailedAt = Date.now();
        onError(error);
        return refuse(t, null, employeeNo, unavailable(employeeNo));
      })
      .finally(() => clearTimeout(timer));
  }

  /** The answer for the path segment `segment` (as sent, percent-encoded) to a caller holding `key` (the
   * bearer key, or null); every call is logged. The employee number is checked before anything else. A call the
   * snapshot cannot answer is answered from the database (a promise then). */
  function answer(key: string | null, segment: string): ClearanceReply | Promise<ClearanceReply> {
    const t = now().getTime();
    const current = snapshot;
    const checked = parseEmployeeNoSegment(segment);
    if (!checked.ok) return refuse(t, (key && current?.keys.get(hashOf(key))) || null, segment, INVALID);
    const { employeeNo } = checked;
    if (!current || outdated || Date.now() - freshAt > maxStaleMs)
      return key ? answerLive(key, employeeNo, t) : refuse(t, null, employeeNo, UNAUTHORIZED);
    const keyId = key ? current.keys.get(hashOf(key)) : undefined;
    if (!key || !keyId) return refuse(t, null, employeeNo, UNAUTHORIZED);
    const entry = current.people.get(employeeNo);
    if (!entry) return refuse(t, keyId, employeeNo, notFound(employeeNo));
    const c = entry.certification;
    if (!c || t < entry.from || t >= entry.until) {
      // Changed, or due to change now: answered from the database, and the check started at once.
      refreshAfterChange();
      return answerLive(key, employeeNo, t);
    }
    const cached = (entry.answer ??= answerFromCertification(
      entry.employeeNo,
      c,
      current.ruleIds,
      entry.from,
      entry.until,
    ));
    log.add(t, keyId, entry.employeeNo, 200, cached.cleared);
    return { status: 200, json: cached.json };
  }

  async function stop() {
    stopped = true;
    unsubscribe();
    clearTimeout(refreshTimer);
    clearInterval(flushTimer);
    await refreshing?.catch(() => {});
    await log.flush();
    await pool.end();
  }

  return { answer, refresh, ready, stop, onError, flushLog: () => log.flush(), pendingLog: () => log.pending() };
}
export type ClearanceAnswers = ReturnType<typeof createClearanceAnswers>;
