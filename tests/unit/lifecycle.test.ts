// The pure parts of the server's lifecycle: the production configuration rules, the migration
// judgement, the readiness answer, the request log's route labels and request ids, the log level.
import { Writable } from "node:stream";

import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { parseEnv } from "../../app/utils/env.server";
import { createLogger, logJobRun, logLevelFor, requestIdFrom, setLogger } from "../../app/utils/logger.server";
import { caseKeyProblems, configProblems } from "../../server/config-rules";
import { readiness } from "../../server/health";
import { judgeMigrations, knownMigrations, newerDatabaseMessage } from "../../server/migrations";
import { routeLabeller } from "../../server/request-log";

const STRONG = "q8Yp3vR2xN7wK1mZ5tB9cD4fG6hJ0sLa";
const KEY = Buffer.alloc(32, 7).toString("base64");
const production = (extra: Record<string, string> = {}) =>
  parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://tg@db/tg", COOKIE_SECRET: STRONG, ...extra });

describe("a production server refuses a weak configuration", () => {
  it("a strong one passes, and the demo and development are exempt", () => {
    expect(configProblems(production({ PUBLIC_URL: "https://tg.example.com", TRUST_PROXY: "loopback" }))).toEqual([]);
    expect(
      configProblems(parseEnv({ NODE_ENV: "production", TRAINGATE_DEMO: "1", DATABASE_URL: "postgresql://x/y" })),
    ).toEqual([]);
    expect(configProblems(parseEnv({ DATABASE_URL: "postgresql://x/y", TRAINGATE_TEST_CLOCK: "1" }))).toEqual([]);
  });

  it("names a missing or weak COOKIE_SECRET without repeating it", () => {
    expect(configProblems(production({ COOKIE_SECRET: "" }))).toEqual([
      expect.stringMatching(/^COOKIE_SECRET: not set/),
    ]);
    const weak = configProblems(production({ COOKIE_SECRET: `${STRONG},aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` }));
    expect(weak).toEqual([expect.stringMatching(/^COOKIE_SECRET: entry 2 is too weak/)]);
    expect(weak.join()).not.toContain("aaaa");
    // On the embedded database (one machine) a secret made at start is enough.
    expect(configProblems(parseEnv({ NODE_ENV: "production" }))).toEqual([]);
  });

  it("refuses a test clock, plain http and https without a trusted proxy", () => {
    expect(configProblems(production({ TRAINGATE_TEST_NOW: "2026-03-02T09:00:00+08:00" }))[0]).toMatch(
      /^TRAINGATE_TEST_CLOCK/,
    );
    expect(configProblems(production({ PUBLIC_URL: "http://tg.example.com" }))).toEqual([
      expect.stringMatching(/^PUBLIC_URL: not https/),
    ]);
    expect(configProblems(production({ PUBLIC_URL: "http://localhost:3000" }))).toEqual([]);
    expect(configProblems(production({ PUBLIC_URL: "https://tg.example.com" }))).toEqual([
      expect.stringMatching(/^TRUST_PROXY: not set/),
    ]);
  });

  it("needs the case keys the stored numbers were written with", () => {
    const facts = { cases: 3, keyIds: ["2026a", "legacy"] };
    expect(caseKeyProblems(production(), { cases: 0, keyIds: [] })).toEqual([]);
    expect(caseKeyProblems(production(), facts)).toEqual([
      expect.stringMatching(/^CASE_DATA_KEYS: not set, but the database holds 3 case/),
    ]);
    expect(caseKeyProblems(production({ CASE_DATA_KEYS: `2026a:${KEY}` }), facts)).toEqual([
      'CASE_DATA_KEYS: lacks the key id(s) "legacy" that stored case numbers were written with. ' +
        "Add them (keep old keys until the numbers are re-encrypted).",
    ]);
    expect(caseKeyProblems(production({ CASE_DATA_KEYS: `2026a:${KEY},legacy:${KEY}` }), facts)).toEqual([]);
    expect(caseKeyProblems(production({ CASE_DATA_KEYS: "2026a:short" }), facts)[0]).toMatch(
      /^CASE_DATA_KEYS: .*32 bytes/,
    );
  });
});

describe("migrations and readiness", () => {
  it("knows this build's migrations in order", () => {
    const known = knownMigrations();
    expect(known.length).toBeGreaterThan(5);
    expect([...known].sort()).toEqual(known);
  });

  it("finds what is pending and what only a newer version knows", () => {
    expect(judgeMigrations(["a", "b", "c"], ["a"])).toEqual({ pending: ["b", "c"], unknown: [] });
    const newer = judgeMigrations(["a", "b"], ["a", "b", "z2", "z1"]);
    expect(newer).toEqual({ pending: [], unknown: ["z1", "z2"] });
    const message = newerDatabaseMessage(["a", "b"], newer);
    expect(message).toContain("database at z2, this build knows up to b");
    expect(message).not.toContain("\n");
  });

  it("is ready only with the database, every migration and the queue, and not while stopping", () => {
    const ok = {
      database: true,
      migrations: { pending: 0, unknown: 0 },
      jobQueue: "running" as const,
      stopping: false,
    };
    expect(readiness(ok)).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", jobQueue: "running" },
    });
    expect(readiness({ ...ok, jobQueue: "not required" }).status).toBe("ready");
    expect(readiness({ ...ok, jobQueue: "not running" }).status).toBe("not ready");
    expect(readiness({ ...ok, database: false, migrations: null }).checks).toMatchObject({
      database: "unreachable",
      migrations: "unknown",
    });
    expect(readiness({ ...ok, migrations: { pending: 2, unknown: 0 } }).checks.migrations).toBe("2 pending");
    expect(readiness({ ...ok, migrations: { pending: 0, unknown: 1 } }).status).toBe("not ready");
    expect(readiness({ ...ok, stopping: true })).toMatchObject({
      status: "not ready",
      checks: { shutdown: "in progress" },
    });
  });
});

describe("the request log", () => {
  const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
    [id]: { id, parentId, path, index, caseSensitive: undefined, module: {} },
  });
  const routes = {
    ...route("root", undefined, ""),
    ...route("routes/_index", "root", undefined, true),
    ...route("routes/login", "root", "login"),
    ...route("routes/_app", "root"),
    ...route("routes/_app.people.$personId", "routes/_app", "people/:personId"),
  } as unknown as ServerBuild["routes"];
  const label = routeLabeller(routes);

  it("names the route pattern, never the ids or the query", () => {
    expect(label("/people/clx123?tab=cases&q=110101199001011234")).toBe("routes/_app.people.$personId");
    expect(label("/people/clx123.data?_routes=routes%2F_app")).toBe("routes/_app.people.$personId");
    expect(label("/_root.data")).toBe("routes/_index");
    expect(label("/login")).toBe("routes/login");
    expect(label("/no/such/page")).toBe("unmatched");
    expect(label("/api/v1/clearance/C0101?x=1")).toBe("api/v1/clearance/{employeeNo}");
    expect(label("/api/quiz/attempts/abc/answers")).toBe("api/quiz/attempts/{attemptId}/answers");
    expect(label("/api/quiz/attempts")).toBe("api/quiz/attempts");
    expect(label("/assets/entry-abc.js")).toBe("assets");
    expect(label("/readyz")).toBe("readyz");
  });

  it("takes a proxy's plain request id and makes one otherwise", () => {
    expect(requestIdFrom("req-0123456789abcdef")).toBe("req-0123456789abcdef");
    for (const bad of [undefined, "", "short", "has space in it!", "x".repeat(200), "a\nb-cdefghij"])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("LOG_LEVEL wins; otherwise info in production and warn where a person reads the console", () => {
    expect(logLevelFor(parseEnv({ NODE_ENV: "production" }))).toBe("info");
    expect(logLevelFor(parseEnv({ NODE_ENV: "production", TRAINGATE_DEMO: "1" }))).toBe("warn");
    expect(logLevelFor(parseEnv({}))).toBe("warn");
    expect(logLevelFor(parseEnv({ LOG_LEVEL: "debug" }))).toBe("debug");
  });

  it("writes one JSON line per job run, with the error's stack when it fails", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    setLogger(createLogger("info", sink));
    await logJobRun("reminders", { jobId: "j1" }, async () => 1);
    await expect(logJobRun("expiry", {}, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const [done, failed] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(done).toMatchObject({ level: "info", msg: "job", job: "reminders", jobId: "j1", outcome: "done" });
    expect(typeof done.durationMs).toBe("number");
    expect(failed).toMatchObject({ level: "error", job: "expiry", outcome: "failed", err: { message: "boom" } });
    expect(String((failed.err as { stack: string }).stack)).toContain("lifecycle.test.ts");
  });

  it("never writes the login or password of a connection string an error quotes", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    setLogger(createLogger("info", sink));
    const failure = () => Promise.reject(new Error("connect postgresql://tg:hunter2@db:5432/tg: timeout"));
    await expect(logJobRun("reminders", {}, failure)).rejects.toThrow("timeout");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("//tg");
    expect(JSON.parse(lines[0])).toMatchObject({ err: { message: "connect postgresql://***@db:5432/tg: timeout" } });
  });
});
