/**
 * setupFiles entry of the `e2e` project:
 * - waits until global-e2e.ts has built the app and started the server in the background (the file
 *   it writes), and hands the base URL to the harness (E2E_BASE_URL);
 * - when global-e2e.ts found no Chromium (outside CI), every browser test is reported as skipped.
 */
import fs from "node:fs";

import { beforeEach, inject } from "vitest";

const skipReason = inject("e2eSkipReason");
const readyFile = inject("e2eReadyFile");
const WAIT_MS = 300_000;

if (!skipReason && !process.env.E2E_BASE_URL) {
  const deadline = Date.now() + WAIT_MS;
  while (!fs.existsSync(readyFile)) {
    if (Date.now() > deadline)
      throw new Error(`the e2e server was not ready within ${WAIT_MS / 1000} s (${readyFile})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ready = JSON.parse(fs.readFileSync(readyFile, "utf8")) as { baseURL?: string; error?: string };
  if (!ready.baseURL) throw new Error(`the e2e server did not start: ${ready.error}`);
  process.env.E2E_BASE_URL = ready.baseURL;
}

beforeEach((context) => {
  if (skipReason) context.skip(`browser tests not run: ${skipReason}`);
});
