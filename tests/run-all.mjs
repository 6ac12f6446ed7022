#!/usr/bin/env node
// `npm test`: checks formatting and lint (`prettier --check .` and `eslint .`, side by side), then runs
// every vitest project (unit, integration, e2e) once, with the default reporter plus a JSON report, and
// ends with one plain line: "N passed, N failed[, N skipped]". A failed check counts as 1 failed test.
// Extra arguments go to vitest: `npm test -- --project unit`, `node tests/run-all.mjs app/domain`. Such a
// narrowed run skips the checks, and so does `--no-lint`.
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
const binOf = (pkg, name = pkg) => {
  const manifest = require(`${pkg}/package.json`);
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[name];
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin);
};
const vitestArgs = process.argv.slice(2).filter((a) => a !== "--no-lint");
const lint = !process.argv.includes("--no-lint") && vitestArgs.length === 0;
const args = [
  binOf("vitest"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsFile}`,
  ...vitestArgs,
];

const notes = [];
let lintFailed = 0;

// Formatting and lint, both at once (one core each), before the tests. Each one's output is held back
// and printed whole, so the two do not interleave. Their caches (node_modules/.cache) make a re-run check
// only the files that changed; a fresh install (CI) checks everything.
if (lint) {
  const cache = path.join(root, "node_modules/.cache");
  const checks = [
    {
      name: "prettier --check .",
      // Not prettier's default cache file: any run of prettier without --cache (`npx prettier --check .`, `npm run
      // format:check`) deletes that one, and the next check here then took ~20 s instead of ~3.
      argv: [binOf("prettier"), "--check", ".", "--cache", `--cache-location=${cache}/prettier-npm-test/cache`],
    },
    {
      name: "eslint . --max-warnings 0",
      argv: [
        binOf("eslint"),
        ".",
        "--max-warnings=0",
        "--cache",
        "--cache-strategy=content",
        `--cache-location=${cache}/eslint/`,
      ],
    },
  ];
  const results = await Promise.all(
    checks.map(
      ({ name, argv }) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const proc = spawn(process.execPath, argv, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          proc.stdout.on("data", (chunk) => (output += chunk));
          proc.stderr.on("data", (chunk) => (output += chunk));
          const took = () => ((Date.now() - t0) / 1000).toFixed(1);
          proc.on("error", (error) => resolve({ name, code: 1, output: `${output}${error.message}\n`, took: took() }));
          proc.on("close", (code, signal) => resolve({ name, code: signal ? 1 : code, output, took: took() }));
        }),
    ),
  );
  for (const { name, code, output, took } of results) {
    console.log(`\n---- ${name}: ${code === 0 ? "ok" : "FAILED"} (${took} s)`);
    if (output.trim()) console.log(output.trimEnd());
    if (code !== 0) {
      lintFailed++;
      notes.push(`${name} failed (counted as 1 failure): \`bash tools/format-all.sh\` fixes most of it`);
    }
  }
  console.log("");
}

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
const { code, signal } = await new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));

let passed = 0;
let failed = 0;
let skipped = 0;
// Each failing test's file, name and the first line of its message (for the first three, the message's
// last lines too): CI shows only the tail of the log, so the closing lines must say which test failed and why.
const failures = [];

if (fs.existsSync(resultsFile)) {
  const report = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed without a failing test (import error, error in a hook outside a test):
  // count it as one failure, or the summary would look green.
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
    for (const t of (file.assertionResults ?? []).filter((t) => t.status === "failed")) {
      const [firstLine = "", ...rest] = String(t.failureMessages?.[0] ?? "").split("\n");
      // The message's further lines (a child process's output, say), without the stack: CI keeps only the tail.
      const detail = rest.filter((line) => line.trim() && !/^\s+at /.test(line)).slice(-15);
      const title = `${path.relative(root, file.name)} > ${t.fullName ?? t.title}: ${firstLine.slice(0, 300)}`;
      const shown = failures.length < 3 ? detail.map((line) => `\n    | ${line.slice(0, 200)}`).join("") : "";
      failures.push(title + shown);
    }
    if (file.status === "failed" && failedTests === 0) {
      failed++;
      const message = String(file.message ?? "")
        .split("\n")[0]
        .slice(0, 300);
      notes.push(
        `test file failed outside its tests: ${path.relative(root, file.name)}${message ? `: ${message}` : ""}`,
      );
    }
  }
} else {
  notes.push("vitest wrote no JSON results (it failed before or while running the tests; see above)");
}

const exitCode = signal ? 1 : (code ?? 1);
if (exitCode !== 0 && failed === 0) {
  failed = 1;
  notes.push(
    `vitest exited with code ${signal ?? exitCode} without a failing test ` +
      "(e.g. an error in a globalSetup or an unhandled error; see above): counted as 1 failure",
  );
}

failed += lintFailed;

fs.writeFileSync(summaryFile, JSON.stringify({ passed, failed, skipped, exitCode, failures, notes }) + "\n");

console.log("");
for (const failure of failures) console.log(`FAILED: ${failure}`);
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
