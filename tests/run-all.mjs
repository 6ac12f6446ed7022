#!/usr/bin/env node
// `npm test`: runs every vitest project (unit, integration, e2e) once, with the default reporter
// plus a JSON report, and ends with one plain line: "N passed, N failed[, N skipped]".
// Extra arguments go to vitest: `npm test -- --project unit`, `node tests/run-all.mjs app/domain`.
// The counts are also written as JSON to tests/.artifacts/test-summary.json (or $TEST_SUMMARY_JSON).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = path.join(root, "tests/.artifacts");
const resultsFile = path.join(artifacts, "vitest-results.json");
const summaryFile = process.env.TEST_SUMMARY_JSON
  ? path.resolve(process.env.TEST_SUMMARY_JSON)
  : path.join(artifacts, "test-summary.json");
// Written by tests/setup/global-e2e.ts when Chromium is missing (outside CI).
const e2eSkippedMarker = path.join(root, "tests/.artifacts/e2e-skipped.txt");

fs.mkdirSync(artifacts, { recursive: true });
for (const f of [resultsFile, summaryFile, e2eSkippedMarker]) fs.rmSync(f, { force: true });

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const args = [
  vitestBin,
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
];

const started = Date.now();
// TEST_NOW=2026-12-31T23:30:00+08:00 npm test: the whole run (demo seeds, app clocks, browser server)
// pretends it is that instant (docs/testing.md, "Any date").
const env = { ...process.env };
if (env.TEST_NOW) {
  if (Number.isNaN(Date.parse(env.TEST_NOW))) {
    console.error(`TEST_NOW: expected an ISO instant such as 2026-12-31T23:30:00+08:00, got "${env.TEST_NOW}"`);
    process.exit(2);
  }
  env.TRAINGATE_TEST_NOW = new Date(env.TEST_NOW).toISOString();
  console.log(`TEST_NOW: the run pretends it is ${env.TEST_NOW}`);
}
const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env });
// Ctrl-C in a terminal reaches vitest directly (same process group); a second SIGINT would make it
// skip its teardown, so don't forward SIGINT. Forward SIGTERM, which only reaches this process.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
const { code, signal } = await new Promise((resolve) =>
  child.on("exit", (code, signal) => resolve({ code, signal })),
);

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

if (fs.existsSync(resultsFile)) {
  const report = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed without a failing test (import error, error in a hook outside a test):
  // count it as one failure, or the summary would look green.
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
    if (file.status === "failed" && failedTests === 0) {
      failed++;
      notes.push(`test file failed outside its tests: ${path.relative(root, file.name)}`);
    }
  }
} else {
  notes.push("vitest wrote no JSON results (it failed before or while running the tests; see above)");
}

const exitCode = signal ? 1 : (code ?? 1);
if (exitCode !== 0 && failed === 0) {
  failed = 1;
  notes.push(`vitest exited with code ${signal ?? exitCode} without a failing test (e.g. an error in a globalSetup or an unhandled error; see above): counted as 1 failure`);
}

fs.writeFileSync(summaryFile, JSON.stringify({ passed, failed, skipped, exitCode }) + "\n");

console.log("");
for (const note of notes) console.log(`NOTE: ${note}`);
if (fs.existsSync(e2eSkippedMarker)) {
  const reason = fs.readFileSync(e2eSkippedMarker, "utf8").trim();
  console.log("");
  console.log(`!! BROWSER (e2e) TESTS WERE NOT RUN: ${reason}.`);
  console.log("!! Install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH, then run again.");
}
console.log(`(vitest finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${signal ?? exitCode})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(exitCode === 0 && failed === 0 ? 0 : 1);
