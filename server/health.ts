// /healthz and /readyz, answered before express (like the fast paths) so that a busy or broken app
// still answers its proxy. /healthz: the process is alive (no database). /readyz: it can serve — the
// database answers, every migration of this build is applied (and none newer), the job queue runs where
// this process runs one, and it is not shutting down. JSON without secrets or error texts.
import type { IncomingMessage, ServerResponse } from "node:http";

import pg from "pg";

import { sendJson } from "../app/utils/fast-path.server";

import { appliedMigrations, judgeMigrations } from "./migrations";

export type QueueState = "running" | "not required" | "not running";

export type Readiness = {
  status: "ready" | "not ready";
  checks: { database: "ok" | "unreachable"; migrations: string; jobQueue: QueueState; shutdown?: "in progress" };
};

/** Pure: the answer from what was found. Migrations "ok", or what is wrong with them. */
export function readiness(found: {
  database: boolean;
  migrations: { pending: number; unknown: number } | null;
  jobQueue: QueueState;
  stopping: boolean;
}): Readiness {
  const migrations = !found.migrations
    ? "unknown"
    : found.migrations.unknown > 0
      ? "database is newer than this build"
      : found.migrations.pending > 0
        ? `${found.migrations.pending} pending`
        : "ok";
  const ok = found.database && migrations === "ok" && found.jobQueue !== "not running" && !found.stopping;
  return {
    status: ok ? "ready" : "not ready",
    checks: {
      database: found.database ? "ok" : "unreachable",
      migrations,
      jobQueue: found.jobQueue,
      ...(found.stopping ? { shutdown: "in progress" as const } : {}),
    },
  };
}

export type Health = {
  handled: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** From now on /readyz says "not ready", so the proxy sends new requests elsewhere. */
  stopping: () => void;
  stop: () => Promise<void>;
};

// Probes come every few seconds from each proxy and monitor: one check answers those within a second.
const FRESH_MS = 1_000;

export function createHealth(options: { databaseUrl: string; known: string[]; jobQueue: () => QueueState }): Health {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    connectionTimeoutMillis: 2_000,
    query_timeout: 2_000,
    idleTimeoutMillis: 30_000,
    application_name: "traingate-health",
  });
  // A dropped connection is reported by the next probe, not by crashing the process.
  pool.on("error", () => {});
  let stopping = false;
  let last: { at: number; answer: Promise<Readiness> } | undefined;

  const check = async (): Promise<Readiness> => {
    let database = false;
    let migrations: { pending: number; unknown: number } | null = null;
    try {
      const state = judgeMigrations(options.known, await appliedMigrations(pool));
      database = true;
      migrations = { pending: state.pending.length, unknown: state.unknown.length };
    } catch {
      database = false;
    }
    return readiness({ database, migrations, jobQueue: options.jobQueue(), stopping });
  };

  const answerReady = (res: ServerResponse) => {
    const at = performance.now();
    if (!last || at - last.at > FRESH_MS) last = { at, answer: check() };
    void last.answer.then((answer) => {
      // Re-judged now: a shutdown that began during the check is reported.
      const current: Readiness = stopping
        ? { status: "not ready", checks: { ...answer.checks, shutdown: "in progress" } }
        : answer;
      sendJson(res, current.status === "ready" ? 200 : 503, current);
    });
  };

  return {
    handled(req, res) {
      const path = (req.url ?? "").split("?", 1)[0];
      if (path !== "/healthz" && path !== "/readyz") return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendJson(res, 405, { error: "method not allowed" });
        return true;
      }
      if (path === "/healthz") sendJson(res, 200, { ok: true });
      else answerReady(res);
      return true;
    },
    stopping: () => {
      stopping = true;
    },
    stop: () => pool.end().catch(() => {}),
  };
}
