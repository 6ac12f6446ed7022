/**
 * Two production servers on one database behave as one system (docs/operations.md, "Several instances"):
 * what is changed through instance A is used by instance B within a second. No browser: plain HTTP.
 *
 * Both run the build the e2e setup made, on the e2e database (already migrated and seeded: starting them
 * costs seconds, not the minute a fresh demo company takes). Everything they change there (a person's
 * access, a lockout, the company name) is put back afterwards for the browser tests that follow.
 */
import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, expect, it } from "vitest";

import { DEFAULT_SETTINGS } from "../../app/domain/settings/settings.schema";
import { freePort, ROOT, withClient } from "../setup/postgres";

import { DEMO_PASSWORD } from "./harness";

const databaseUrl = process.env.DATABASE_URL ?? "";
const COOKIE_SECRET = "two-instances-test-cookie-secret-0123456789abcdef";
// A second is the promise; the slack is for a loaded 2-core machine (without the feed the settings took 5 s).
const WITHIN_MS = 1_500;

type Instance = { child: ChildProcess; url: string; output: () => string };
let a: Instance;
let b: Instance;
let apiKey = "";
// Every server started, even one whose start failed: afterAll stops them all.
const spawned: ChildProcess[] = [];

function start(name: string, port: number): Promise<Instance> {
  const child = spawn(process.execPath, ["build/start/main.js"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: "production",
      TRAINGATE_DEMO: "1",
      // Same as the e2e server: a run under TEST_NOW pretends the same instant on every instance.
      TRAINGATE_TEST_CLOCK: "1",
      COOKIE_SECRET,
      // Mail is the e2e server's business; these two only serve.
      MAIL_WORKER: "0",
    },
  });
  spawned.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 100 s:\n${output}`)), 100_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output) && (!/Demo logins/.test(output) || /API key.*: \S+/.test(output))) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}) before listening:\n${output}`)));
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

const query = <T>(text: string, values: unknown[] = []) =>
  withClient(databaseUrl, async (c) => (await c.query(text, values)).rows as T[]);

/** Signs in through `instance`: the session cookie, or the refusal's status. */
async function signIn(instance: Instance, employeeNo: string, password = DEMO_PASSWORD) {
  // Single fetch's data URL: the refusal's message key comes back as is.
  const response = await fetch(`${instance.url}/login.data`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: instance.url },
    body: new URLSearchParams({ employeeNo, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("tg_session="));
  return { status: response.status, cookie, body: await response.text() };
}

async function post(instance: Instance, cookie: string, path: string, form: Record<string, string>) {
  const response = await fetch(`${instance.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: instance.url, Cookie: cookie },
    body: new URLSearchParams(form),
  });
  expect(response.status, await response.text()).toBeLessThan(400);
}

async function clearance(instance: Instance, employeeNo: string) {
  const response = await fetch(`${instance.url}/api/v1/clearance/${employeeNo}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  return (await response.json()) as { cleared: boolean; reasons: string[] };
}

/** Polls `read` until `expected` holds; returns how long it took. */
async function within<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<number> {
  const started = performance.now();
  await expect.poll(async () => expected(await read()), { timeout: WITHIN_MS, interval: 20 }).toBe(true);
  return performance.now() - started;
}

type ThrottleRow = Record<string, unknown>;
let throttles: ThrottleRow[] = [];
let companyNameBefore: string | null = null;
const LOCKED_AGENT = "C0118";
let clearedAgent: { id: string; employeeNo: string } | null = null;

beforeAll(async () => {
  // The sign-in throttle of this machine's address, as the browser tests left it (put back afterwards).
  throttles = await query<ThrottleRow>(`SELECT * FROM "LoginSourceThrottle"`);
  const [portA, portB] = [await freePort(), await freePort()];
  // One after the other: starting together is the lifecycle tests' subject (migrations under a lock).
  a = await start("instance A", portA);
  b = await start("instance B", portB);
  apiKey = /API key[^:]*: (\S+)/.exec(a.output())?.[1] ?? "";
  expect(apiKey).not.toBe("");
}, 120_000);

afterAll(async () => {
  try {
    if (clearedAgent) await query(`UPDATE "Person" SET "disabledAt" = NULL WHERE id = $1`, [clearedAgent.id]);
    await query(`DELETE FROM "LoginAttemptCounter" WHERE "employeeNo" = $1`, [LOCKED_AGENT]);
    if (databaseUrl) {
      await query(`DELETE FROM "LoginSourceThrottle"`);
      await query(
        `INSERT INTO "LoginSourceThrottle" SELECT * FROM json_populate_recordset(NULL::"LoginSourceThrottle", $1)`,
        [JSON.stringify(throttles)],
      );
    }
    if (companyNameBefore !== null) {
      await query(`UPDATE "Setting" SET value = $1::jsonb WHERE key = 'companyName'`, [
        JSON.stringify(companyNameBefore),
      ]);
      // The e2e server keeps its copy of the settings until it hears of a change.
      await query(`SELECT pg_notify('traingate_changes', 'settings')`);
    }
  } finally {
    await Promise.all(spawned.map(stop));
  }
}, 40_000);

it("a certification withdrawn, then restored, through A is refused, then cleared, by B's clearance API", async () => {
  const admin = await signIn(a, "A0001");
  expect(admin.cookie).toBeDefined();
  // An agent no browser test signs in as, certified in the demo.
  const candidates = await query<{ id: string; employeeNo: string }>(
    `SELECT id, "employeeNo" FROM "Person" WHERE "employeeNo" BETWEEN 'C0206' AND 'C0218'
       AND "employeeNo" NOT IN ('C0219', 'C0220') AND "disabledAt" IS NULL ORDER BY "employeeNo"`,
  );
  // A fresh instance opens its port once its first snapshot is loaded: its first answer is a real one.
  expect((await clearance(b, candidates[0].employeeNo)).reasons).not.toContain("unavailable");
  for (const c of candidates) if (!clearedAgent && (await clearance(b, c.employeeNo)).cleared) clearedAgent = c;
  expect(clearedAgent, "a certified agent among C0206–C0218").not.toBeNull();
  const agent = clearedAgent!;

  await post(a, admin.cookie!, `/people/${agent.id}`, { intent: "access", disabled: "true", reason: "test" });
  const refusedAfter = await within(
    () => clearance(b, agent.employeeNo),
    (answer) => !answer.cleared,
  );
  await post(a, admin.cookie!, `/people/${agent.id}`, { intent: "access", disabled: "false", reason: "test" });
  const clearedAfter = await within(
    () => clearance(b, agent.employeeNo),
    (answer) => answer.cleared,
  );
  console.info(
    `clearance on B: refused after ${refusedAfter.toFixed(0)} ms, cleared after ${clearedAfter.toFixed(0)} ms`,
  );
});

it("a lockout made through A holds on B", async () => {
  for (let i = 0; i < 5; i++) expect((await signIn(a, LOCKED_AGENT, "wrong-password")).cookie).toBeUndefined();
  const onB = await signIn(b, LOCKED_AGENT);
  expect(onB.cookie).toBeUndefined();
  expect(onB.body).toContain("auth.locked");
  // Another account from the same address still signs in on B: the lock is the account's.
  expect((await signIn(b, "C0115")).cookie).toBeDefined();
});

it("a settings change saved through A is used by B within a second", async () => {
  const admin = await signIn(a, "A0001");
  const onB = await signIn(b, "A0001");
  // The page's data (single fetch's encoding) carries the company name as text.
  const read = async () => (await fetch(`${b.url}/settings.data`, { headers: { Cookie: onB.cookie! } })).text();
  const stored = await query<{ key: string; value: unknown }>(`SELECT key, value FROM "Setting"`);
  const before: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of stored) if (key in before) before[key] = value;
  companyNameBefore = String(before.companyName);
  // B has just read (and keeps) its copy.
  expect(await read()).toContain(companyNameBefore);
  const renamed = `${companyNameBefore}（双实例）`;
  const form = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, String(v)]));
  await post(a, admin.cookie!, "/settings", { ...form, companyName: renamed });
  const after = await within(read, (text) => text.includes(renamed));
  console.info(`settings on B: changed after ${after.toFixed(0)} ms`);
});
