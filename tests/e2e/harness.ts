/**
 * Helpers for browser tests (tests/e2e/*.e2e.ts). The server, database and build are prepared once
 * per run by tests/setup/global-e2e.ts; `baseURL` comes from there.
 *
 *   import { login, newPage, screenshot } from "./harness";
 *   test("...", async () => {
 *     const page = await newPage();
 *     await login(page, "E0001");
 *     await screenshot(page, "dashboard");
 *   });
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, inject } from "vitest";
import { CHROMIUM_ARGS } from "../setup/chromium";

export const DEMO_PASSWORD = "TrainGate-demo-2026";
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.artifacts");

export const baseURL = inject("baseURL");
const executablePath = inject("chromiumPath");

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

/** The shared Chromium of this test file (launched on first use, closed after the file). */
export async function launchBrowser(): Promise<Browser> {
  if (!browser) {
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
  // Surface client-side crashes in the test output.
  page.on("pageerror", (error) => process.stdout.write(`[browser pageerror] ${error.message}\n`));
  return page;
}

/** Logs in through the real form on /login and waits until the browser has left /login. */
export async function login(page: Page, employeeNo: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="employeeNo"]').fill(employeeNo);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }),
    page.locator('input[name="password"]').press("Enter"),
  ]);
}

/** Full-page PNG at tests/.artifacts/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => {});
  await browser?.close();
  browser = undefined;
});
