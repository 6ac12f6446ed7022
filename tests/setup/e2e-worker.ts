/**
 * setupFiles entry of the `e2e` project:
 * - waits until global-e2e.ts has built the app and started the server in the background (the file
 *   it writes), and hands the base URL to the harness (E2E_BASE_URL);
 * - when global-e2e.ts found no Chromium (outside CI), every browser test is reported as skipped;
 * - registers the harness's hooks for this file (a failing test prints what its pages said; a story
 *   whose pages hydrated with errors fails; the browser closes after the file).
 */
import fs from "node:fs";
import path from "node:path";

import { afterAll, afterEach, beforeEach, expect, inject } from "vitest";

const skipReason = inject("e2eSkipReason");
const readyFile = inject("e2eReadyFile");
const WAIT_MS = 300_000;

/** Resolves when `file` exists: woken by the file system, not by polling. */
function fileAppears(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const watcher = fs.watch(path.dirname(file), () => fs.existsSync(file) && done());
    const timer = setTimeout(
      () => done(new Error(`the e2e server was not ready within ${timeoutMs / 1000} s (${file})`)),
      timeoutMs,
    );
    if (fs.existsSync(file)) done();
  });
}

if (!skipReason && !process.env.E2E_BASE_URL) {
  await fileAppears(readyFile, WAIT_MS);
  const ready = JSON.parse(fs.readFileSync(readyFile, "utf8")) as {
    baseURL?: string;
    pid?: number;
    databaseUrl?: string;
    error?: string;
  };
  if (!ready.baseURL) throw new Error(`the e2e server did not start: ${ready.error}`);
  process.env.E2E_BASE_URL = ready.baseURL;
  // The server's process id: security tests read its memory (/proc/<pid>/status).
  process.env.E2E_SERVER_PID = String(ready.pid ?? "");
  // A browser test may set up what its story starts from (an approved course) with the app's own
  // modules, in the server's database; what it then checks goes through the pages.
  if (ready.databaseUrl) process.env.DATABASE_URL = ready.databaseUrl;
}

// After E2E_BASE_URL is set: the harness reads it when it loads.
const { closeBrowser, reportPagesOnFailure, takeHydrationErrors } = await import("../e2e/harness");

beforeEach((context) => {
  if (skipReason) context.skip(`browser tests not run: ${skipReason}`);
  reportPagesOnFailure(context);
});

// A page the browser renders differently from the server re-renders and flickers (dates formatted in
// another zone or hour cycle did, in English): every story fails on it, with the page and React's error.
afterEach(() => {
  expect(takeHydrationErrors(), "pages that hydrated with errors").toEqual([]);
});

// Reported after the file's last story ended: still a failure of this file.
afterAll(async () => {
  const late = takeHydrationErrors();
  await closeBrowser();
  expect(late, "pages that hydrated with errors").toEqual([]);
});
