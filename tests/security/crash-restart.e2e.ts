// Attack: kill -9 the server (a crash, the OOM killer) and run `npm start` again on the same data
// directory. The embedded PostgreSQL used to stay behind as an orphan and every later start printed
// `undefined` and exited 1. Runs its own servers (no DATABASE_URL, a fresh data directory), not the
// shared e2e server.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { isProcessAlive } from "../../server/process-alive";
import { freePort } from "../setup/postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const START_MS = 150_000;
const STOP_MS = 30_000;

let dataDir = "";
let pgPort = 0;
const servers: ChildProcess[] = [];

type Started = { child: ChildProcess; baseURL: string; output: () => string };

/** Waits on a condition (vitest's waitFor re-checks it), failing with `what` past the deadline. */
function until<T>(what: string, check: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T>> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (!value) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
      return value as NonNullable<T>;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

function postmasterPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

/** The watchdog shell of server/postgres-process.ts that watches this postmaster. */
function watchdogOf(postmaster: number): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (args.includes("traingate-pg-watchdog") && args.at(-1) === String(postmaster)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

async function serverEnv(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    TRAINGATE_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    TRAINGATE_DEMO: "0",
    WEB_CONCURRENCY: "1",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  // A production server refuses a test clock: under `TEST_NOW=… npm test` it would not start at all.
  delete env.TRAINGATE_TEST_NOW;
  delete env.TRAINGATE_TEST_CLOCK;
  return env;
}

async function startServer(): Promise<Started> {
  const env = await serverEnv();
  const child = spawn(process.execPath, ["build/start/main.js"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const match = await until(
    "the server says it is listening",
    () => {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
      return /listening on (http:\/\/localhost:\d+)/.exec(output);
    },
    START_MS,
  );
  return { child, baseURL: match[1], output: () => output };
}

async function killHard(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function healthz(baseURL: string) {
  const response = await fetch(`${baseURL}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const password = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({ host: "localhost", port: pgPort, user: "traingate", password, database: "traingate" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "traingate-crash-"));
  // Run as root, PostgreSQL runs as its own user, which must be able to reach ./pg inside.
  fs.chmodSync(dataDir, 0o755);
  pgPort = await freePort();
});

afterAll(async () => {
  for (const child of servers) if (child.exitCode === null && child.signalCode === null) await killHard(child);
  const pid = postmasterPid();
  if (pid && isProcessAlive(pid)) {
    const watchdog = watchdogOf(pid);
    if (watchdog) process.kill(watchdog, "SIGKILL");
    process.kill(pid, "SIGINT");
    await until("the test's PostgreSQL stops", () => !isProcessAlive(pid), STOP_MS).catch(() =>
      process.kill(pid, "SIGKILL"),
    );
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(process.platform !== "linux")("a server killed with SIGKILL", () => {
  test("takes its PostgreSQL with it", { timeout: START_MS + STOP_MS + 10_000 }, async () => {
    const server = await startServer();
    expect(await healthz(server.baseURL)).toEqual({ status: 200, body: { ok: true } });
    const postmaster = postmasterPid();
    expect(postmaster).not.toBeNull();
    expect(isProcessAlive(postmaster!)).toBe(true);
    await withDatabase((db) =>
      db.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('crash-probe', '"before the kill"', now())`),
    );

    await killHard(server.child);

    await until("PostgreSQL stops after its server was killed", () => !isProcessAlive(postmaster!), STOP_MS);
    await until("its watchdog ends", () => watchdogOf(postmaster!) === null, STOP_MS);
  });

  test(
    "and again with its watchdog: the next start stops the orphan and serves the same data",
    {
      timeout: 2 * START_MS + STOP_MS,
    },
    async () => {
      const first = await startServer();
      const orphan = postmasterPid()!;
      const watchdog = await until("the watchdog runs", () => watchdogOf(orphan), STOP_MS);
      // The crash the watchdog cannot help with: it dies together with the server.
      process.kill(watchdog, "SIGKILL");
      await until("the watchdog is gone", () => !isProcessAlive(watchdog), STOP_MS);
      await killHard(first.child);
      expect(isProcessAlive(orphan)).toBe(true);

      const second = await startServer();
      expect(second.output()).toContain(`A PostgreSQL from an earlier run (pid ${orphan}) is still running on`);
      expect(second.output()).toContain(`Stopped the earlier PostgreSQL (pid ${orphan}).`);
      expect(second.output()).not.toMatch(/^undefined$/m);
      expect(isProcessAlive(orphan)).toBe(false);
      expect(postmasterPid()).not.toBe(orphan);
      expect(await healthz(second.baseURL)).toEqual({ status: 200, body: { ok: true } });
      const kept = await withDatabase((db) => db.query(`SELECT value FROM "Setting" WHERE key = 'crash-probe'`));
      expect(kept.rows).toEqual([{ value: "before the kill" }]);

      // A second start on the same data directory while this one runs: refused, and this one goes on.
      const env = await serverEnv();
      const refused = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ["build/start/main.js"], { cwd: ROOT, env });
        servers.push(child);
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("exit", (code) => resolve({ code, output }));
      });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `TrainGate could not start: TrainGate (pid ${second.child.pid}) is still running`,
      );
      expect(await healthz(second.baseURL)).toEqual({ status: 200, body: { ok: true } });

      // A normal stop still stops PostgreSQL and leaves no watchdog behind.
      const postmaster = postmasterPid()!;
      const exited = new Promise((resolve) => second.child.once("exit", resolve));
      second.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(isProcessAlive(postmaster)).toBe(false);
      await until("the dismissed watchdog ends", () => watchdogOf(postmaster) === null, STOP_MS);
    },
  );
});
