/**
 * setupFiles entry of the `e2e` project:
 * - waits until global-e2e.ts has built the app and started the servers in the background (the file
 *   it writes), claims one server for this worker process, and hands its base URL to the harness
 *   (E2E_BASE_URL), its database (DATABASE_URL), pid and SMTP port;
 * - when global-e2e.ts found no Chromium (outside CI), every browser test is reported as skipped;
 * - registers the harness's hooks for this file (a failing test prints what its pages said; a story
 *   whose pages hydrated with errors fails; the pages close after the file, the browser with the worker).
 */
import fs from "node:fs";
import path from "node:path";

import { afterAll, afterEach, beforeEach, expect, inject } from "vitest";

import { isProcessAlive } from "../../server/process-alive";

const skipReason = inject("e2eSkipReason");
const readyFile = inject("e2eReadyFile");
// Build, seed and server start, on a loaded machine (global-e2e.ts allows 6 min for the seed, 3 for a start).
const WAIT_MS = 600_000;

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

interface E2eServer {
  baseURL: string;
  pid: number;
  databaseUrl: string;
  smtpPort: number;
}

/**
 * The server this worker process uses for all its files: the first one no other live worker has claimed
 * (a claim is a file created exclusively, naming the worker's pid). global-e2e.ts starts one server per
 * worker, so each browser-test worker has its own server, database and server clock; with more workers
 * than servers (a changed maxWorkers), the extra ones share by process id.
 */
function claimServer(servers: E2eServer[]): E2eServer {
  const runId = path.basename(readyFile) + ":" + fs.statSync(readyFile).mtimeMs;
  for (const [i, server] of servers.entries()) {
    const claim = `${readyFile}.claim-${i + 1}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(claim, JSON.stringify({ pid: process.pid, runId }), { flag: "wx" });
        return server;
      } catch {
        // Taken: free it again if its worker is gone or it is left from an earlier run.
        let owner: { pid?: number; runId?: string } = {};
        try {
          owner = JSON.parse(fs.readFileSync(claim, "utf8")) as typeof owner;
        } catch {
          // half-written by a worker claiming it right now: taken
          break;
        }
        if (owner.runId === runId && owner.pid && isProcessAlive(owner.pid)) break;
        fs.rmSync(claim, { force: true });
      }
    }
  }
  return servers[process.pid % servers.length];
}

if (!skipReason && !process.env.E2E_BASE_URL) {
  await fileAppears(readyFile, WAIT_MS);
  const ready = JSON.parse(fs.readFileSync(readyFile, "utf8")) as { servers?: E2eServer[]; error?: string };
  if (!ready.servers?.length) throw new Error(`the e2e server did not start: ${ready.error}`);
  const server = claimServer(ready.servers);
  process.env.E2E_BASE_URL = server.baseURL;
  // The server's process id: security tests read its memory (/proc/<pid>/status).
  process.env.E2E_SERVER_PID = String(server.pid);
  // The port of the SMTP server a browser test starts for its server's mail (harness.ts, e2eSmtpPort()).
  process.env.E2E_SMTP_PORT = String(server.smtpPort);
  // A browser test may set up what its story starts from (an approved course) with the app's own
  // modules, in the server's database; what it then checks goes through the pages.
  process.env.DATABASE_URL = server.databaseUrl;
}

// After E2E_BASE_URL is set: the harness reads it when it loads.
const { closePages, reportPagesOnFailure, takeHydrationErrors } = await import("../e2e/harness");

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
  await closePages();
  expect(late, "pages that hydrated with errors").toEqual([]);
});
