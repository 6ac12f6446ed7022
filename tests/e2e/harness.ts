/**
 * Helpers for browser tests (tests/e2e/*.e2e.ts). The server, database and build are prepared once
 * per run by tests/setup/global-e2e.ts; `baseURL` comes from there.
 *
 *   import { login, newPage, screenshot } from "./harness";
 *   test("...", async () => {
 *     const page = await newPage();
 *     await login(page, "E0001");
 *     await page.goto("/home");
 *     await screenshot(page, "dashboard");
 *   });
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { addYears } from "date-fns";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject, type TestContext } from "vitest";

import { companyDate } from "../../app/utils/company-calendar";
import { CHROMIUM_ARGS } from "../setup/chromium";

export const DEMO_PASSWORD = "TrainGate-demo-2026";
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.artifacts");

// Set by tests/setup/e2e-worker.ts once the server is up: this worker's own server.
export const baseURL = process.env.E2E_BASE_URL ?? "";

/** The port this worker's server sends its mail to: a test that reads the mail starts an SMTP server there. */
export function e2eSmtpPort(): number {
  const port = Number(process.env.E2E_SMTP_PORT);
  if (!port) throw new Error("E2E_SMTP_PORT is not set: tests/setup/e2e-worker.ts names the server's SMTP port");
  return port;
}
const executablePath = inject("chromiumPath");

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
// React's reports of a page that rendered differently in the browser than on the server (production
// builds name them by number: 418 text, 423 recovered root, 425 text content, 419/421/422 relatives).
const HYDRATION_ERROR = /Minified React error #(418|419|421|422|423|425)\b|hydrat/i;
const hydrationErrors: string[] = [];

/**
 * The shared Chromium of this test process (launched on first use, kept for the worker's later files: a
 * launch costs ~1 s of CPU; each file's pages and contexts are closed after it, so files share nothing
 * else). Launched again if it went away.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!browser?.isConnected()) {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }
  return browser;
}

export interface NewPageOptions {
  viewport?: { width: number; height: number };
  /** BCP 47 tag, e.g. "zh-CN" or "en-US" (sets navigator.language and Accept-Language). */
  locale?: string;
}

/** A page in a fresh browser context (own cookies), with relative URLs resolved against baseURL. */
export async function newPage(options: NewPageOptions = {}): Promise<Page> {
  if (!baseURL) throw new Error("No baseURL: the e2e globalSetup did not start the server.");
  const b = await launchBrowser();
  const context = await b.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? "zh-CN",
  });
  contexts.push(context);
  const page = await context.newPage();
  pages.push(page);
  // Surface client-side crashes in the test output.
  page.on("pageerror", (error) => {
    process.stdout.write(`[browser pageerror] ${error.message}\n`);
    if (HYDRATION_ERROR.test(error.message)) hydrationErrors.push(`${page.url()}: ${error.message.slice(0, 300)}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && HYDRATION_ERROR.test(message.text()))
      hydrationErrors.push(`${page.url()}: ${message.text().slice(0, 300)}`);
  });
  return page;
}

/**
 * Signs the page's browser context in as `employeeNo`, the way the login form does (its fields, posted to /login from
 * the page's origin), without drawing the login page: the context's cookie jar keeps the session cookie, as the
 * browser's would, and the page stays where it was (a new page: blank), so the story goes on with its next `goto`.
 * The form costs a page load, two typed fields and the landing page: 1.3–1.5 CPU-s of the full Chromium
 * (docs/benchmarks.md, "Session 21") for each of the dozens of people the stories sign in, most of whom go on
 * elsewhere at once. The stories about the login form itself use `loginThroughForm`.
 */
export async function login(page: Page, employeeNo: string, password: string = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post("/login", {
    form: { employeeNo, password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  if (response.status() !== 302 || location.startsWith("/login")) {
    const said = (await response.text()).replace(/\s+/g, " ").slice(0, 300);
    throw new Error(`logging in as ${employeeNo}: /login answered ${response.status()} ("${location}"): ${said}`);
  }
}

/** Logs in through the real form on /login and waits until the browser has left /login. */
export async function loginThroughForm(page: Page, employeeNo: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="employeeNo"]').fill(employeeNo);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }),
    page.locator('input[name="password"]').press("Enter"),
  ]);
}

/**
 * Resolves once the page is ready for a person's next step: React has hydrated it (app/root.tsx marks
 * `<html data-hydrated>` in an effect of the hydration commit) and Remix's router has nothing under way (no
 * navigation, revalidation or fetcher), then two frames later, so a render scheduled by the hydration's effects
 * has been committed too (see typed-before-scripts.e2e.ts). It replaces `waitForLoadState("networkidle")`,
 * which waited for 500 ms without a request after every page, a condition that only happened to imply these.
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      interface RouterState {
        navigation: { state: string };
        revalidation: string;
        fetchers: Map<string, { state: string }>;
      }
      if (!document.documentElement.hasAttribute("data-hydrated")) return false;
      const router = (window as unknown as { __remixRouter?: { state: RouterState } }).__remixRouter;
      if (!router) return false;
      const { navigation, revalidation, fetchers } = router.state;
      return (
        navigation.state === "idle" &&
        revalidation === "idle" &&
        [...fetchers.values()].every((f) => f.state === "idle")
      );
    },
    undefined,
    { timeout },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Full-page PNG at tests/.artifacts/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The server's clock (it may run at TRAINGATE_TEST_NOW, or be moved by a test): "today" for a browser test. */
export async function serverNow(): Promise<Date> {
  const response = await fetch(`${baseURL}/__test/clock`);
  if (!response.ok)
    throw new Error(`GET /__test/clock answered ${response.status}: is TRAINGATE_TEST_CLOCK=1 set on the server?`);
  return new Date(((await response.json()) as { now: string }).now);
}

/** Moves the server's test clock (TRAINGATE_TEST_CLOCK=1) by `minutes`, or back to where it was with `reset`. */
export async function moveServerClock(change: { minutes: number } | "reset"): Promise<Date> {
  const body: Record<string, string> =
    change === "reset" ? { reset: "1" } : { advanceMinutes: String(Math.round(change.minutes)) };
  const response = await fetch(`${baseURL}/__test/clock`, {
    method: "POST",
    headers: { Origin: baseURL },
    body: new URLSearchParams(body),
  });
  if (!response.ok) throw new Error(`POST /__test/clock answered ${response.status}`);
  return new Date(((await response.json()) as { now: string }).now);
}

/**
 * A needs survey may be opened for this year and next only. A story that surveys `year` moves the server's
 * clock ahead by whole years until `year` is next year (in December the demo has planned next year already);
 * undo it with moveServerClock("reset") after the story.
 */
export async function makeNextYear(year: number): Promise<void> {
  const at = await serverNow();
  const years = year - 1 - companyDate(at, "Asia/Shanghai").year;
  if (years > 0) await moveServerClock({ minutes: (addYears(at, years).getTime() - at.getTime()) / 60_000 });
}

/** The company's date `days` after the server's now, as a date field takes it ("2027-01-15"). */
export async function serverDayAfter(days: number): Promise<string> {
  const d = companyDate(new Date((await serverNow()).getTime() + days * 86_400_000), "Asia/Shanghai");
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** What a page shows a person: its URL, its alerts and the start of its main text. */
export async function whatThePageSaid(page: Page): Promise<string> {
  if (page.isClosed()) return "(page closed)";
  const said = await page
    .evaluate(() => {
      const text = (e: Element | null) => (e as HTMLElement | null)?.innerText?.trim().replace(/\s+/g, " ") ?? "";
      const alerts = [...document.querySelectorAll('[role="alert"], [role="status"], .alert')]
        .map(text)
        .filter(Boolean);
      return { alerts, main: text(document.querySelector("main") ?? document.body).slice(0, 600) };
    })
    .catch((error: unknown) => ({ alerts: [] as string[], main: `(could not read the page: ${String(error)})` }));
  return [`  url: ${page.url()}`, ...said.alerts.map((a) => `  alert: ${a}`), `  text: ${said.main}`].join("\n");
}

// The hooks below are registered for every test file by tests/setup/e2e-worker.ts: this module is loaded
// once per test process (the workers keep one module graph), so hooks written here would serve only the
// first file.

/** Before each test: a failing browser test prints what each of its pages said, and keeps a screenshot of each. */
export function reportPagesOnFailure(context: TestContext) {
  const first = pages.length;
  context.onTestFailed(async () => {
    const mine = pages.slice(first);
    const lines = [`\n[what the page said] ${context.task.name}`];
    for (const [i, page] of mine.entries()) {
      lines.push(`page ${i + 1} of ${mine.length}:`, await whatThePageSaid(page));
      if (!page.isClosed()) await screenshot(page, `FAILED-${context.task.name.slice(0, 60)}-${i + 1}`).catch(() => {});
    }
    process.stdout.write(lines.join("\n") + "\n");
  });
}

/** The hydration errors the pages reported since the last call (every story must end with none). */
export function takeHydrationErrors(): string[] {
  return hydrationErrors.splice(0);
}

/** After each test file: its pages and contexts are closed (the browser stays for the worker's next file). */
export async function closePages() {
  pages.length = 0;
  for (const context of contexts.splice(0)) await context.close().catch(() => {});
}

/** Closes the pages and Chromium (the worker's last file is done, or a test wants a fresh browser). */
export async function closeBrowser() {
  await closePages();
  await browser?.close().catch(() => {});
  browser = undefined;
}

// Chromium goes with the worker process: vitest ends its workers with process.exit, which runs "exit"
// handlers only (no async work), and Playwright's own exit handler kills the browsers it launched.
