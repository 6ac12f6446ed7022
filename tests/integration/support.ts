// Helpers for integration tests: the demo company as fixture, and requests made as one of its people.
import { TZDate } from "@date-fns/tz";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { inject } from "vitest";

import { db } from "~/utils/db.server";
import { readFlash, type Flash } from "~/utils/flash.server";
import { createI18n, type Locale } from "~/utils/i18n";
import { createSession, sessionCookieHeader } from "~/utils/session.server";

import { DEMO_SEED_TIMEOUT_MS, seedDemo } from "../../prisma/seed/demo";
import { DEMO_ZONE, freeYear } from "../../prisma/seed/demo-calendar";
import { emptyDatabase, lockWaiters, restoreDemoCompany, startEveryTestWithDemo } from "../setup/worker-db";

export const BASE = "http://localhost:3000";

/** The instant the demo company was seeded at; each test file's clock starts there. */
export const DEMO_AT = new Date(inject("demoFixtureAt"));

/** A year with no needs survey and no annual plan in the demo company, free for a test to plan. */
export const FREE_YEAR = freeYear(DEMO_AT);

/** The demo company (seeded once per run, copied back in a few milliseconds). */
export async function seedDemoCompany() {
  await restoreDemoCompany();
}

/**
 * Call at the top of a test file whose every test starts from the demo company: the reset before each
 * test then puts back only what the previous test changed, instead of emptying everything and copying
 * the whole company in again.
 */
export function demoCompanyBeforeEachTest() {
  startEveryTestWithDemo();
}

/**
 * The demo's approved courses as step 007 leaves them, for tests of steps 008–010 that start from there:
 * standard checklists untouched, nobody asked to confirm, nothing published or sent. (The demo seed has
 * moved them on to what a clerk's desk looks like on the seed's day.)
 */
export async function untouchedDeliveries() {
  await db.$transaction([
    db.sessionInvite.deleteMany(),
    db.headConfirmation.deleteMany(),
    db.outboxMessage.deleteMany(),
    db.todoItem.deleteMany({ where: { sourceType: "HeadConfirmation" } }),
    db.preparationItem.deleteMany({ where: { key: null } }),
    db.preparationItem.updateMany({ data: { doneAt: null, doneById: null, doneByName: null, note: null } }),
    db.courseDelivery.updateMany({
      data: {
        state: "PREPARING",
        institutionContact: null,
        agreedFeeFen: null,
        bringItems: "",
        confirmBy: null,
        lecturerNotifiedAt: null,
        publishedAt: null,
        publishedById: null,
        version: 0,
      },
    }),
  ]);
}

/** The demo company as it would stand on another day: a real seed, for the few tests that need one. */
/**
 * The time limit of a test that runs the whole demo seed: the seed's own limit (DEMO_SEED_TIMEOUT_MS) and a
 * minute for the test's reads. Idle a seed takes seconds; at load 12–16 on the 2 cores one took over 90 s.
 */
export const SEED_TEST_TIMEOUT_MS = DEMO_SEED_TIMEOUT_MS + 60_000;

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

export function requestAs(
  cookie: string | null,
  path: string,
  init: { method?: string; form?: Record<string, string | string[]> } = {},
) {
  const headers = new Headers({ Origin: BASE });
  if (cookie) headers.set("Cookie", cookie);
  let body: FormData | undefined;
  if (init.form) {
    body = new FormData();
    for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(BASE + path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

export type Outcome = { status: number; location: string | null; body: unknown; headers: Headers };

/** Runs a loader or action and returns its Response, whether it returned or threw one. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get("Location"), body: null, headers: result.headers };
    // Single-fetch `data()` results carry their status and headers in `init`.
    const maybe = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } } | null;
    if (maybe && maybe.type === "DataWithResponseInit")
      return {
        status: maybe.init?.status ?? 200,
        location: null,
        body: maybe.data,
        headers: new Headers(maybe.init?.headers),
      };
    return { status: 200, location: null, body: result, headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get("Location"), body: null, headers: thrown.headers };
    throw thrown;
  }
}

/** The demo company's day (Asia/Shanghai) at a wall-clock time, e.g. `demoDayAt("10:00")`; `days` moves the day. */
export function demoDayAt(hm: string, days = 0): Date {
  const local = new TZDate(DEMO_AT.getTime(), DEMO_ZONE);
  const [h, m] = hm.split(":").map(Number);
  return new Date(
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, h, m, 0, 0, DEMO_ZONE).getTime(),
  );
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

/** The flash cookie an answer sets ("tg_flash=…"), to send with the next request; null if none. */
export function flashCookieOf(result: Outcome): string | null {
  return (
    result.headers
      .getSetCookie()
      .find((c) => c.startsWith("tg_flash="))
      ?.split(";")[0] ?? null
  );
}

/**
 * The flash message an answer carries to the next page (`{ tone, message }`, message a catalog key),
 * or null: `expect(await flashOf(result)).toMatchObject({ message: "people.notices.saved" })`.
 */
export async function flashOf(result: Outcome): Promise<Flash | null> {
  const cookie = flashCookieOf(result);
  return cookie ? (await readFlash(new Request(BASE, { headers: { Cookie: cookie } }))).flash : null;
}

type RouteModule = { loader?: unknown; default?: ComponentType; ErrorBoundary?: ComponentType };

const pages = import.meta.glob<RouteModule>("../../app/routes/_app.*.tsx");

/**
 * Server-renders a page of the signed-in layout (`file` as in app/routes, e.g. "_app.people.$personId")
 * as a browser's first request gets it: the layout's and the page's loaders run, and a thrown
 * Response lands in the nearest ErrorBoundary. A redirect comes back as its location.
 */
export async function renderInLayout(cookie: string | null, url: string, file: string, locale: Locale = "zh-CN") {
  const [layout, page] = await Promise.all([import("~/routes/_app"), pages[`../../app/routes/${file}.tsx`]()]);
  const path = file
    .split(".")
    .filter((part) => !part.startsWith("_"))
    .map((part) => part.replace(/^\$/, ":"))
    .join("/");
  const route = (id: string, module: RouteModule) => ({
    id,
    loader: module.loader as never,
    Component: module.default,
    ErrorBoundary: module.ErrorBoundary,
  });
  const routes = [
    {
      id: "root",
      path: "/",
      Component: Outlet,
      children: [{ ...route("routes/_app", layout), children: [{ ...route(`routes/${file}`, page), path }] }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(requestAs(cookie, url));
  if (context instanceof Response)
    return { status: context.status, location: context.headers.get("Location"), html: "" };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n(locale) },
      createElement(StaticRouterProvider, { router, context, hydrate: false }),
    ),
  );
  return { status: context.statusCode, location: null, html };
}
