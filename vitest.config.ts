// Test configuration; see docs/testing.md. (vite.config.ts, with the Remix plugin, is for the app
// build only: vitest reads this file instead.)
import tsconfigPaths from "vite-tsconfig-paths";
import { configDefaults, defineConfig } from "vitest/config";

const exclude = [...configDefaults.exclude, "build/**", "app/generated/**"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // The machine has 2 cores: at most 2 test processes at a time.
    pool: "forks",
    // One module graph per worker, not one per test file: importing the app costs ~1.5 s a file (unit
    // 50 s → 10 s, integration ~8 → ~3 min here). Vitest sets this for the whole run, not per project.
    // Each integration file still starts its own clock and reset rules (tests/setup/db-worker.ts); a file
    // that mocks an app module reloads the app first (vi.resetModules in vi.hoisted).
    poolOptions: { forks: { isolate: false } },
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
          exclude: [...exclude, "**/*.db.test.ts"],
          setupFiles: ["tests/setup/console-error.ts"],
          // A limit, not an assertion (vitest's default is 5 s). At load 17 on the 2 cores (2026-12-05, four helpers)
          // process-alive's zombie test failed at 5 s waiting for a `true` started by `sh` to end; idle: milliseconds.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["app/**/*.db.test.ts", "tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          exclude,
          globalSetup: ["tests/setup/global-db.ts"],
          // db-worker.ts must come before anything that imports app code.
          setupFiles: ["tests/setup/db-worker.ts", "tests/setup/console-error.ts"],
          // Limits, not assertions. Idle the slowest test under this default takes a few seconds; at load 12–16
          // on the 2 cores answer-submit-race's 20 rounds took 17.6 s and 24.6 s (failed at the former 20 s).
          // Tests that run a whole seed have their own (SEED_TEST_TIMEOUT_MS). A hung test still fails.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.e2e.ts", "tests/security/**/*.e2e.ts"],
          exclude,
          globalSetup: ["tests/setup/global-e2e.ts"],
          setupFiles: ["tests/setup/e2e-worker.ts"],
          // After the unit and integration tests; two worker processes (maxWorkers), each with a server and
          // database of its own (global-e2e.ts starts one per worker, e2e-worker.ts claims one), running
          // their files one after another. TEST_E2E_SERVERS=1: one process, as before.
          poolOptions: { forks: { singleFork: process.env.TEST_E2E_SERVERS === "1" } },
          sequence: { groupOrder: 1, concurrent: false },
          // A time limit, not an assertion: at load average 15 on the 2 cores, annual-plan, budget and
          // monthly-course passed 60 s, in one worker as in two; at load 13–18 (2026-12-05) annual-plan took 110 s
          // and sign-in's file 132 s, and at 23–28 annual-plan passed 120 s. A hung story still fails, later.
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
