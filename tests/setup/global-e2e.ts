/**
 * globalSetup of the `e2e` project:
 *   1. checks Chromium (CHROMIUM_PATH or /usr/bin/chromium); missing → fail under CI, otherwise
 *      skip every browser test with a prominent notice (and a marker file for tests/run-all.mjs);
 *   2. builds the app once (`npm run build`: the Remix build and the server's, build/start/);
 *   3. gets PostgreSQL (TEST_DATABASE_URL or embedded) and a fresh, migrated `traingate_e2e`;
 *   4. starts the server as `npm start` does, `node build/start/main.js` (DATABASE_URL, PORT,
 *      TRAINGATE_DEMO=1, NODE_ENV=production)
 *      and waits for "listening on http://localhost:<PORT>";
 *   5. writes the base URL (or the error) to tests/.artifacts/e2e-server.json.
 * Steps 2–5 run in the background while the unit and integration tests run; the browser tests wait
 * for the file (e2e-worker.ts). The teardown stops the server and the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { chromiumExists, chromiumPath, E2E_SKIPPED_MARKER } from "./chromium";
import {
  acquirePostgres,
  ARTIFACTS,
  dropDatabase,
  freePort,
  log,
  migrate,
  recreateDatabase,
  releasePostgres,
  ROOT,
  run,
} from "./postgres";

export const E2E_DB = "traingate_e2e";
const E2E_READY_FILE = path.join(ARTIFACTS, "e2e-server.json");
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_LOG = path.join(ARTIFACTS, "e2e-server.log");

function banner(lines: string[]) {
  const inner = Math.max(...lines.map((l) => l.length));
  const bar = "!".repeat(inner + 6);
  const body = lines.map((l) => `!! ${l.padEnd(inner)} !!`).join("\n");
  process.stdout.write(`\n${bar}\n${body}\n${bar}\n\n`);
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.rmSync(path.join(ROOT, E2E_SKIPPED_MARKER), { force: true });
  project.provide("chromiumPath", chromiumPath());

  if (!chromiumExists()) {
    const reason = `Chromium not found at ${chromiumPath()}`;
    if (process.env.CI) {
      throw new Error(
        `${reason}. The browser tests cannot run. Install it (apt-get install -y chromium) ` +
          `or set CHROMIUM_PATH to a Chromium executable.`,
      );
    }
    banner([
      "BROWSER (e2e) TESTS WERE NOT RUN",
      `${reason}.`,
      "Get Chromium with:   apt-get install -y chromium",
      "or point CHROMIUM_PATH at a Chromium/Chrome executable.",
    ]);
    fs.writeFileSync(path.join(ROOT, E2E_SKIPPED_MARKER), `${reason}\n`);
    project.provide("e2eSkipReason", reason);
    project.provide("e2eReadyFile", "");
    return;
  }
  project.provide("e2eSkipReason", "");

  // Off the critical path: the build, the database and the server start in the background while the
  // unit and integration tests run; e2e-worker.ts waits for the ready file before the first browser test.
  fs.rmSync(E2E_READY_FILE, { force: true });
  // Mail goes to an SMTP server that the browser tests start themselves on this port (smtp-server);
  // until one listens, the app's outbox keeps retrying, as it would with a real server down.
  const smtpPort = await freePort();
  project.provide("e2eSmtpPort", smtpPort);
  let child: ChildProcess | undefined;
  const serverPromise = acquirePostgres();
  const preparing = (async () => {
    const t0 = Date.now();
    const building = (async () => {
      const build = await run("npm", ["run", "build"], { env: { ...process.env, NODE_ENV: "production" } });
      if (build.code !== 0) throw new Error(`"npm run build" failed (exit ${build.code}):\n${build.output}`);
      log(`app built in ${Date.now() - t0} ms`);
    })();
    building.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    try {
      const server = await serverPromise;
      await recreateDatabase(server, E2E_DB);
      const databaseUrl = server.urlFor(E2E_DB);
      await migrate(databaseUrl);
      log(`e2e database ready in ${Date.now() - t0} ms`);
      await building;
      const t = Date.now();
      const started = await startServer(databaseUrl, await freePort(), smtpPort);
      child = started.child;
      log(
        `server listening at ${started.baseURL} after ${Date.now() - t} ms (log: ${path.relative(ROOT, SERVER_LOG)})`,
      );
      announce({ baseURL: started.baseURL, pid: child.pid ?? 0, databaseUrl });
    } catch (error) {
      await building.catch(() => {}); // never leave the build running behind a failure
      announce({ error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  })();
  preparing.catch(() => {}); // reported to the browser tests through the ready file
  project.provide("e2eReadyFile", E2E_READY_FILE);

  return async () => {
    await preparing.catch(() => {});
    if (child) await stopServer(child);
    const server = await serverPromise.catch(() => null);
    if (server?.kind === "external") await dropDatabase(server, E2E_DB).catch(() => {});
    await releasePostgres();
  };
}

/** Writes the ready file whole, in one rename: a watcher never sees it half-written. */
function announce(ready: { baseURL: string; pid: number; databaseUrl: string } | { error: string }) {
  fs.writeFileSync(`${E2E_READY_FILE}.tmp`, JSON.stringify(ready));
  fs.renameSync(`${E2E_READY_FILE}.tmp`, E2E_READY_FILE);
}

async function startServer(
  databaseUrl: string,
  port: number,
  smtpPort: number,
): Promise<{ child: ChildProcess; baseURL: string }> {
  const entry = path.join(ROOT, "build/start/main.js");
  if (!fs.existsSync(entry)) throw new Error(`Cannot start the server: ${entry} does not exist.`);
  const logStream = fs.createWriteStream(SERVER_LOG);
  // The built server in one process (as `npm start` runs it, without the build step): no npm/sh
  // wrappers that could outlive a kill, and Ctrl-C in a terminal
  // reaches the server like the rest of the run.
  const child = spawn(process.execPath, ["build/start/main.js"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      TRAINGATE_DEMO: "1",
      // Lets browser tests move the server clock (POST /__test/clock); the route 404s without it.
      TRAINGATE_TEST_CLOCK: "1",
      NODE_ENV: "production",
    },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopServer(child).then(() =>
        reject(
          new Error(`The TrainGate server did not start: ${why}\n--- server output ---\n${output.slice(-20_000)}`),
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`no "listening on" line within ${SERVER_START_TIMEOUT_MS / 1000} s`),
      SERVER_START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      logStream.write(text);
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        // Keep draining into the log file so the server never blocks on a full pipe.
        child.stdout?.on("data", (d) => logStream.write(d));
        child.stderr?.on("data", (d) => logStream.write(d));
        resolve({ child, baseURL: match[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", (e) => fail(String(e)));
    child.on("exit", (code, signal) => {
      if (!/listening on/.test(output)) fail(`it exited (code ${code}, signal ${signal})`);
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The server stops gracefully on SIGTERM (closes connections and its pool); give it 10 s.
  child.kill("SIGTERM");
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000).unref()),
  ]);
  if (timedOut) {
    log("server did not stop within 10 s of SIGTERM: killing it");
    child.kill("SIGKILL");
    await exited;
  }
}
