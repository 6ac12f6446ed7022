import fs from "node:fs";

// Debian's two builds of one Chromium (same source, same version): the headless shell (package
// chromium-headless-shell), which is what Playwright itself runs for headless tests, and the full browser
// (package chromium), whose `--headless` has been the whole browser since Chromium 132. The shell does the
// same stories with ~40 % less CPU (ADR 0039); the full browser is the fall-back where only it is installed.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const FULL_CHROMIUM = "/usr/bin/chromium";

const executable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Chromium executable for the browser tests: CHROMIUM_PATH, else Debian's headless shell, else /usr/bin/chromium. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return executable(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM;
}

export function chromiumExists(): boolean {
  return executable(chromiumPath());
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
