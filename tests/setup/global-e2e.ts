/**
 * globalSetup of the `e2e` project:
 *   1. checks Chromium (CHROMIUM_PATH, Debian's headless shell, /usr/bin/chromium); missing → fail under CI, or
 *      skip every browser test with a prominent notice (and a marker file for tests/run-all.mjs);
 *   2. builds the app once (`npm run build`: the Remix build and the server's, build/start/);
 *   3. gets PostgreSQL (TEST_DATABASE_URL or embedded) and a fresh `traingate_e2e`, a copy of the run's
 *      migrated database (postgres.ts), and seeds the demo company into it once, with the built seed the
 *      server runs under TRAINGATE_DEMO=1 (build/start/seed-demo.js);
 *   4. copies it for every further server (`traingate_e2e_2`, …: one per e2e worker, TEST_E2E_SERVERS,
 *      default 2) and starts the servers as `npm start` does, `node build/start/main.js` (DATABASE_URL,
 *      PORT, TRAINGATE_DEMO=1, NODE_ENV=production), each with its own port, database and SMTP port,
 *      and waits for "listening on http://localhost:<PORT>";
 *   5. writes the servers (or the error) to tests/.artifacts/e2e-server.json.
 * Steps 2–5 run in the background while the unit and integration tests run; each browser-test worker
 * claims a server of its own and waits for the file (e2e-worker.ts). The teardown stops the servers and
 * the database.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { BUILD_INPUTS, checkBuild, recordBuild } from "./build-fingerprint";
import { chromiumExists, chromiumPath, E2E_SKIPPED_MARKER } from "./chromium";
import {
  acquirePostgres,
  ARTIFACTS,
  cloneDatabase,
  dropDatabase,
  freePort,
  ident,
  log,
  recreateMigratedDatabase,
  releasePostgres,
  ROOT,
  run,
  withClient,
} from "./postgres";

export const E2E_DB = "traingate_e2e";
const E2E_READY_FILE = path.join(ARTIFACTS, "e2e-server.json");
// Idle, a server is up in a few seconds. At load 12–16 on the 2 cores two servers starting side by side were
// still loading after 60 s (2026-12-05: every browser test failed on it); a limit only bounds a hang.
const SERVER_START_TIMEOUT_MS = 180_000;
// Past the seed's own time limit (DEMO_SEED_TIMEOUT_MS, 5 min, prisma/seed/demo.ts), so that its error, which
// says what ran out, is the one reported; this only stops a seed process that hangs outside its transaction.
const SEED_TIMEOUT_MS = 360_000;

/** The servers' databases: the first one seeded, the others copies of it. */
const databaseOf = (i: number) => (i === 0 ? E2E_DB : `${E2E_DB}_${i + 1}`);
/** Server 1 logs to e2e-server.log as before; the others to e2e-server-2.log, … */
const serverLog = (i: number) => path.join(ARTIFACTS, i === 0 ? "e2e-server.log" : `e2e-server-${i + 1}.log`);

/** How many servers (and browser-test workers): TEST_E2E_SERVERS, 1–4, default 2. */
export function e2eServerCount(): number {
  const n = Number(process.env.TEST_E2E_SERVERS ?? "2");
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : 2;
}

/** One running e2e server, as the ready file names it to the workers. */
export interface E2eServer {
  baseURL: string;
  pid: number;
  databaseUrl: string;
  smtpPort: number;
}

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
        `${reason}. The browser tests cannot run. Install it (apt-get install -y chromium-headless-shell) ` +
          `or set CHROMIUM_PATH to a Chromium executable.`,
      );
    }
    banner([
      "BROWSER (e2e) TESTS WERE NOT RUN",
      `${reason}.`,
      "Get Chromium with:   apt-get install -y chromium-headless-shell",
      "or point CHROMIUM_PATH at a Chromium/Chrome executable.",
    ]);
    fs.writeFileSync(path.join(ROOT, E2E_SKIPPED_MARKER), `${reason}\n`);
    project.provide("e2eSkipReason", reason);
    project.provide("e2eReadyFile", "");
    return;
  }
  project.provide("e2eSkipReason", "");
  log(`browser: ${chromiumPath()}`);

  // Off the critical path: the build, the database and the server start in the background while the
  // unit and integration tests run; e2e-worker.ts waits for the ready file before the first browser test.
  fs.rmSync(E2E_READY_FILE, { force: true });
  // The workers' claims on the servers (e2e-worker.ts) from an earlier run.
  const claims = `${path.basename(E2E_READY_FILE)}.claim-`;
  for (const name of fs.readdirSync(ARTIFACTS)) {
    if (name.startsWith(claims)) fs.rmSync(path.join(ARTIFACTS, name), { force: true });
  }
  const count = e2eServerCount();
  // Mail goes to an SMTP server that the browser tests start themselves on their server's port
  // (smtp-server); until one listens, the app's outbox keeps retrying, as it would with a real server down.
  const smtpPorts: number[] = [];
  for (let i = 0; i < count; i++) smtpPorts.push(await freePort());
  // The first server's (a worker reads its own server's port from E2E_SMTP_PORT: harness.ts).
  project.provide("e2eSmtpPort", smtpPorts[0]);
  const children: ChildProcess[] = [];
  const serverPromise = acquirePostgres();
  const preparing = (async () => {
    const t0 = Date.now();
    const building = (async () => {
      // A build made by this set-up from the same sources is used again (build-fingerprint.ts).
      const { inputs, reuse } = checkBuild(ROOT);
      if (reuse) {
        log(
          `app build reused: made from these sources (${BUILD_INPUTS.length} inputs hashed in ${Date.now() - t0} ms)`,
        );
        return;
      }
      const build = await run("npm", ["run", "build"], { env: { ...process.env, NODE_ENV: "production" } });
      if (build.code !== 0) throw new Error(`"npm run build" failed (exit ${build.code}):\n${build.output}`);
      recordBuild(ROOT, inputs);
      log(`app built in ${Date.now() - t0} ms`);
    })();
    building.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    try {
      const server = await serverPromise;
      await recreateMigratedDatabase(server, E2E_DB);
      const seededUrl = server.urlFor(E2E_DB);
      log(`e2e database ready in ${Date.now() - t0} ms`);
      await building;
      // The demo company once, as the server seeds it (same build, same environment); the other servers'
      // databases are copies, made in milliseconds instead of a seed each.
      const ts = Date.now();
      await seedDemo(seededUrl, smtpPorts[0]);
      await withClient(server.adminUrl, async (c) => {
        for (let i = 1; i < count; i++) {
          await c.query(`DROP DATABASE IF EXISTS ${ident(databaseOf(i))} WITH (FORCE)`);
          await cloneDatabase(c, E2E_DB, databaseOf(i));
        }
      });
      log(`demo company seeded${count > 1 ? ` and copied ${count - 1}×` : ""} in ${Date.now() - ts} ms`);
      const t = Date.now();
      const servers = await Promise.all(
        smtpPorts.map(async (smtpPort, i) => {
          const databaseUrl = server.urlFor(databaseOf(i));
          const started = await startServer(databaseUrl, await freePort(), smtpPort, serverLog(i));
          children.push(started.child);
          return { baseURL: started.baseURL, pid: started.child.pid ?? 0, databaseUrl, smtpPort };
        }),
      );
      const logs = servers.map((_, i) => path.relative(ROOT, serverLog(i))).join(", ");
      log(`${count} server(s) listening at ${servers.map((x) => x.baseURL).join(", ")} after ${Date.now() - t} ms`);
      log(`(server logs: ${logs})`);
      announce({ servers });
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
    await Promise.all(children.map((child) => stopServer(child)));
    const server = await serverPromise.catch(() => null);
    if (server?.kind === "external") {
      for (let i = 0; i < count; i++) await dropDatabase(server, databaseOf(i)).catch(() => {});
    }
    await releasePostgres();
  };
}

/** Writes the ready file whole, in one rename: a watcher never sees it half-written. */
function announce(ready: { servers: E2eServer[] } | { error: string }) {
  fs.writeFileSync(`${E2E_READY_FILE}.tmp`, JSON.stringify(ready));
  fs.renameSync(`${E2E_READY_FILE}.tmp`, E2E_READY_FILE);
}

/** The environment of an e2e server (and of the seed it would run at its start, without a port). */
function serverEnv(databaseUrl: string, port: number | undefined, smtpPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    TRAINGATE_DEMO: "1",
    // Lets browser tests move the server clock (POST /__test/clock); the route 404s without it.
    TRAINGATE_TEST_CLOCK: "1",
    NODE_ENV: "production",
  };
  if (port) env.PORT = String(port);
  else delete env.PORT;
  return env;
}

/**
 * Seeds the demo company into the empty database at `databaseUrl` with the built seed that
 * `node build/start/main.js` forks under TRAINGATE_DEMO=1 (server/seed-demo.ts), in the server's
 * environment; the servers started afterwards find it there ("demo seed skipped").
 */
function seedDemo(databaseUrl: string, smtpPort: number): Promise<void> {
  const entry = path.join(ROOT, "build/start/seed-demo.js");
  if (!fs.existsSync(entry)) return Promise.reject(new Error(`Cannot seed the demo company: ${entry} does not exist.`));
  const child = fork(entry, [], {
    cwd: ROOT,
    env: serverEnv(databaseUrl, undefined, smtpPort),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    let answer: { seeded?: boolean; error?: string } | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), SEED_TIMEOUT_MS);
    child.on("message", (message: { seeded?: boolean; error?: string }) => (answer = message));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (answer?.seeded) resolve();
      else
        reject(
          new Error(
            `seeding the e2e demo company failed (exit ${code ?? signal}): ${answer?.error ?? "no answer"}\n${output}`,
          ),
        );
    });
  });
}

async function startServer(
  databaseUrl: string,
  port: number,
  smtpPort: number,
  logFile: string,
): Promise<{ child: ChildProcess; baseURL: string }> {
  const entry = path.join(ROOT, "build/start/main.js");
  if (!fs.existsSync(entry)) throw new Error(`Cannot start the server: ${entry} does not exist.`);
  const logStream = fs.createWriteStream(logFile);
  // The built server in one process (as `npm start` runs it, without the build step): no npm/sh
  // wrappers that could outlive a kill, and Ctrl-C in a terminal
  // reaches the server like the rest of the run.
  const child = spawn(process.execPath, ["build/start/main.js"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: serverEnv(databaseUrl, port, smtpPort),
  });
  let output = "";
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (why: string) => {
      // Only the first reason: stopping the server after the time limit also makes it exit.
      if (failed) return;
      failed = true;
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
