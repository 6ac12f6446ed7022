// The server's lifecycle as an operator meets it, on production processes (the e2e build; no browser):
// two instances migrating one empty database at once, the JSON request log, /readyz, SIGTERM with a
// request in flight, and the refusals at start (a newer database, a weak configuration).
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { freePort } from "../setup/postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DB = `traingate_life_${process.pid}`;
const COOKIE_SECRET = "lifecycle-test-secret-0123456789-abcdefgh";
const PASSWORD = "Wrong-Secret-Pass-42";

type Server = { child: ChildProcess; output: () => string; exited: Promise<number | null>; baseURL?: string };
const children: ChildProcess[] = [];
let admin: pg.Client;
let databaseUrl = "";

async function start(env: Record<string, string | undefined>): Promise<Server> {
  const child = spawn(process.execPath, ["build/start/main.js"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      TRAINGATE_DEMO: "0",
      TRAINGATE_TEST_CLOCK: undefined,
      TRAINGATE_TEST_NOW: undefined,
      WEB_CONCURRENCY: "1",
      MAIL_WORKER: "0",
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      COOKIE_SECRET,
      PORT: String(await freePort()),
      ...env,
    },
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function listening(server: Server): Promise<string> {
  const match = await vi.waitFor(
    () => {
      if (server.child.exitCode !== null) throw new Error(`exited (${server.child.exitCode}):\n${server.output()}`);
      const found = /listening on (http:\/\/localhost:\d+)/.exec(server.output());
      if (!found) throw new Error("not listening yet");
      return found;
    },
    { timeout: 90_000, interval: 100 },
  );
  server.baseURL = match[1];
  return match[1];
}

function jsonLines(output: string): Array<Record<string, unknown>> {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

let a: Server;
let b: Server;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = "/postgres";
  admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  url.pathname = `/${DB}`;
  databaseUrl = url.href;
  // Two instances on one empty database at once: one migrates, the other waits for the lock.
  [a, b] = await Promise.all([start({ LOG_LEVEL: "debug" }), start({})]);
  await Promise.all([listening(a), listening(b)]);
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => {});
  await admin.end();
});

describe("two instances starting together", () => {
  test("both serve, and each migration was applied once", async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const rows = await db.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1`,
    );
    await db.end();
    expect(rows.rows.length).toBeGreaterThan(5);
    expect(rows.rows.filter((r) => r.n !== 1)).toEqual([]);
    for (const server of [a, b]) {
      const ready = await fetch(`${server.baseURL}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: "ready",
        checks: { database: "ok", migrations: "ok", jobQueue: "not required" },
      });
      expect(await (await fetch(`${server.baseURL}/healthz`)).json()).toEqual({ ok: true });
    }
  });
});

describe("the request log", () => {
  test("one JSON line per request: the proxy's id, the route pattern, the person's id, never a query", async () => {
    const created = spawn(process.execPath, ["--import", "tsx", "tools/create-admin.ts", "A9001", "运维测试"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", COOKIE_SECRET },
    });
    let said = "";
    created.stdout.on("data", (d) => (said += d));
    await new Promise((resolve) => created.once("exit", resolve));
    const oneTime = /One-time password[^:]*: (\S+)/.exec(said)?.[1] ?? "";
    expect(oneTime).not.toBe("");
    const login = await fetch(`${b.baseURL}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: b.baseURL ?? "", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ employeeNo: "A9001", password: oneTime }),
    });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const page = await fetch(`${b.baseURL}/password?name=110101199001011234`, {
      headers: { Cookie: cookie, "X-Request-Id": "proxy-request-0001" },
    });
    expect(page.headers.get("x-request-id")).toBe("proxy-request-0001");
    const line = await vi.waitFor(
      () => {
        const found = jsonLines(b.output()).find((l) => l.requestId === "proxy-request-0001");
        if (!found) throw new Error("no line yet");
        return found;
      },
      { timeout: 5_000 },
    );
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", route: "routes/password" });
    expect(line.status).toBe(page.status);
    expect(typeof line.durationMs).toBe("number");
    expect(line.personId).toMatch(/^c[a-z0-9]{20,}$/);
    expect(b.output()).not.toContain(oneTime);
    expect(b.output()).not.toContain("110101199001011234");
    expect(b.output()).not.toContain("运维测试");
    expect(b.output()).not.toContain(cookie.split("=")[1]);
  });
});

describe("SIGTERM", () => {
  test("a request in flight completes, then the process exits 0", async () => {
    const { port } = new URL(a.baseURL ?? "");
    const body = new URLSearchParams({ employeeNo: "C0101", password: PASSWORD }).toString();
    const answer = new Promise<{ status: number }>((resolve, reject) => {
      const req = http.request(
        {
          host: "localhost",
          port,
          path: "/login",
          method: "POST",
          headers: {
            Origin: a.baseURL,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        },
      );
      req.on("error", reject);
      // Half the body now, the rest once the server is stopping: the request is in flight meanwhile.
      req.write(body.slice(0, 10));
      void vi
        .waitFor(
          () => {
            if (!a.output().includes("SIGTERM: stopping")) throw new Error("not stopping yet");
          },
          { timeout: 10_000, interval: 50 },
        )
        .then(() => req.end(body.slice(10)), reject);
    });
    // Told to stop once it has the request (its start is logged at debug).
    await vi.waitFor(
      () => {
        const started = jsonLines(a.output()).some((l) => l.msg === "request started" && l.route === "routes/login");
        if (!started) throw new Error("the request has not reached the server yet");
      },
      { timeout: 10_000, interval: 50 },
    );
    a.child.kill("SIGTERM");
    const { status } = await answer.catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${a.output().slice(-4_000)}`);
    });
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(await a.exited).toBe(0);
    const login = jsonLines(a.output()).find((l) => l.msg === "request" && l.route === "routes/login");
    expect(login).toMatchObject({ msg: "request", status });
    expect(a.output()).not.toContain(PASSWORD);
    expect(a.output()).toContain("Stopped.");
  });
});

describe("refusing to start", () => {
  test("a database migrated by a newer version: exit 1, one line naming both versions", async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29990101000000_from_a_newer_version', now(), 1)`,
    );
    await db.end();
    const c = await start({});
    expect(await c.exited).toBe(1);
    const refusal =
      c
        .output()
        .split("\n")
        .find((l) => l.includes("newer TrainGate")) ?? "";
    expect(refusal).toMatch(/database at 29990101000000_from_a_newer_version, this build knows up to \d{14}_\w+/);
    // The instance already serving stops calling itself ready.
    await vi.waitFor(
      async () => {
        const ready = await fetch(`${b.baseURL}/readyz`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ checks: { migrations: "database is newer than this build" } });
      },
      { timeout: 5_000, interval: 200 },
    );
  });

  test("a weak configuration: exit 1 naming each missing or weak variable", async () => {
    const c = await start({ COOKIE_SECRET: "", PUBLIC_URL: "http://traingate.example.com" });
    expect(await c.exited).toBe(1);
    expect(c.output()).toContain("COOKIE_SECRET: not set");
    expect(c.output()).toContain("PUBLIC_URL: not https");
  });
});
