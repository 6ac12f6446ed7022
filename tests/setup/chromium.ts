import fs from "node:fs";

/** Chromium executable for the browser tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function chromiumExists(): boolean {
  try {
    fs.accessSync(chromiumPath(), fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** File written by global-e2e.ts when the browser tests were skipped; read by tests/run-all.mjs. */
export const E2E_SKIPPED_MARKER = "tests/.artifacts/e2e-skipped.txt";
