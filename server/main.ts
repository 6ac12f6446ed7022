import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";

import { loadEnv, setDatabaseUrl } from "../app/utils/env.server";

import { createApp } from "./app";
import { type Database, migrate, startDatabase } from "./database";
import { appFastPaths, secureAsExpressSeesIt } from "./fast-paths";
import { startAppMail } from "./mail";
import { StartError, describeStartFailure } from "./postgres-rules";

const log = (line: string) => console.log(line);

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

// WEB_CONCURRENCY > 1 serves from that many processes (one per core); the first process owns the
// database start, migrations and seed, and the workers only serve.
const workers = config.WEB_CONCURRENCY;

// Set once the database runs, so a later failure of the start still stops it.
let started: Database | undefined;

async function main() {
  if (cluster.isWorker) return serve();
  const database = await startDatabase(config, log);
  started = database;
  setDatabaseUrl(database.url);
  log(
    database.embedded
      ? `Embedded PostgreSQL is running (data in ${config.TRAINGATE_DATA_DIR}).`
      : "Using the PostgreSQL server from DATABASE_URL.",
  );
  await migrate(database.url);
  log("Database schema is up to date.");

  // Demo data is created only on request (npm start) and only into an empty database.
  const { seedDemoIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../prisma/seed/demo");
  const { disconnectDb } = await import("../app/utils/db.server");
  if (demo) {
    const seeded = await seedDemoIfEmpty();
    log(seeded ? "Demo company created." : "Database already has data: demo seed skipped.");
  }
  const demoApiKey = demo ? await (await import("../prisma/seed/cases")).ensureDemoApiKey() : null;
  const printLogins = () => {
    if (!demo) return;
    log("");
    log(`Demo logins (every password: ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS) log(`  ${account.employeeNo.padEnd(12)} ${account.zh} / ${account.en}`);
    if (demoApiKey) log(`Case system API key (GET /api/v1/clearance/{employeeNo}): ${demoApiKey}`);
  };

  // The seed ran on this process's own copy of the app modules; serving uses the build's.
  await disconnectDb();
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
      // The workers finish their mail deliveries (up to 10 s) before the database stops under them.
      const exited = Promise.all(running.map((w) => new Promise((r) => (w.isDead() ? r(null) : w.once("exit", r)))));
      for (const worker of running) worker.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
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
  const entry = typeof build === "function" ? (await build()).entry.module : build.entry.module;
  const fastPaths = appFastPaths(entry, { isSecure: secureAsExpressSeesIt(app.get("trust proxy fn")) });
  const server: Server = createServer((req, res) => {
    if (!fastPaths.handled(req, res)) app(req, res);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    const known =
      error.code === "EADDRINUSE"
        ? new StartError(`port ${port} is in use by another program. Stop it, or set PORT to a free port.`)
        : error;
    console.error(describeStartFailure(known));
    // The fast paths' pools first, so they do not call a database that is shutting down.
    void fastPaths
      .stop()
      .then(() => options.stopDatabase?.())
      .catch(() => {})
      .finally(() => process.exit(1));
  });
  // The first process prints the line about mail; every process delivers.
  const mail = await startAppMail(entry, config, { log, announce: (cluster.worker?.id ?? 1) === 1 });
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
    server.close();
    server.closeAllConnections?.();
    await devServer?.close();
    // Lets a delivery under way finish (pg-boss waits up to 10 s), so it is not sent again later.
    await mail.stop();
    // Writes the clearance calls still queued and closes the build's pools.
    await fastPaths.stop();
    await options.stopDatabase?.();
    if (!cluster.isWorker) log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error: unknown) => {
  console.error(describeStartFailure(error));
  await started?.stop().catch(() => {});
  process.exit(1);
});
