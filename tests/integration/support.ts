// Helpers for integration tests: the demo company as fixture, and requests made as one of its people.
import { db } from "~/utils/db.server";
import { TZDate } from "@date-fns/tz";
import { inject } from "vitest";
import { createSession, sessionCookieHeader } from "~/utils/session.server";
import { seedDemo } from "../../prisma/seed/demo";
import { freeYear } from "../../prisma/seed/demo-calendar";
import { emptyDatabase, lockWaiters, restoreDemoCompany } from "../setup/worker-db";

export const BASE = "http://localhost:3000";

/** The instant the demo company was seeded at; each test file's clock starts there. */
export const DEMO_AT = new Date(inject("demoFixtureAt"));

/** A year with no needs survey and no annual plan in the demo company, free for a test to plan. */
export const FREE_YEAR = freeYear(DEMO_AT);

/** The demo company (seeded once per run, copied back in a few milliseconds). */
export async function seedDemoCompany() {
  await restoreDemoCompany();
}

/** The demo company as it would stand on another day: a real seed, for the few tests that need one. */
export async function seedDemoCompanyAt(at: Date | string) {
  await emptyDatabase();
  await seedDemo(new Date(at));
}

export async function personId(employeeNo: string) {
  return (await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } })).id;
}

export async function cookieFor(employeeNo: string): Promise<string> {
  const id = await personId(employeeNo);
  const token = await db.$transaction((tx) => createSession(tx, id));
  const header = await sessionCookieHeader(new Request(BASE), token);
  return header.split(";")[0];
}

export function requestAs(cookie: string | null, path: string, init: { method?: string; form?: Record<string, string | string[]> } = {}) {
  const headers = new Headers({ Origin: BASE });
  if (cookie) headers.set("Cookie", cookie);
  let body: FormData | undefined;
  if (init.form) {
    body = new FormData();
    for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(BASE + path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns its Response, whether it returned or threw one. */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    // Single-fetch `data()` results carry their status in `init`.
    const maybe = result as { type?: string; data?: unknown; init?: { status?: number } } | null;
    if (maybe && maybe.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, location: null, body: maybe.data };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
}

/** The demo company's day (Asia/Shanghai) at a wall-clock time, e.g. `demoDayAt("10:00")`; `days` moves the day. */
export function demoDayAt(hm: string, days = 0): Date {
  const local = new TZDate(DEMO_AT.getTime(), "Asia/Shanghai");
  const [h, m] = hm.split(":").map(Number);
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, h, m, 0, 0, "Asia/Shanghai").getTime());
}

/**
 * For race tests: waits until some connection is waiting for a lock (the work was held back), or until
 * `work` settles (it was not), whichever comes first — a condition, not a guess at how long to sleep.
 */
export async function blockedOrSettled(work: Promise<unknown>, timeoutMs = 15_000): Promise<"blocked" | "settled"> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (settled) return "settled";
    if ((await lockWaiters()) > 0) return settled ? "settled" : "blocked";
    if (Date.now() > deadline) throw new Error(`the work neither waited for a lock nor settled within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
