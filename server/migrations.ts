// Migrations at start: under a PostgreSQL advisory lock, so instances starting together migrate once (the
// others wait, then find nothing to do), and never onto a database a newer TrainGate has migrated: its
// schema may no longer be what this build's queries expect.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { StartError } from "./postgres-rules";

// Any fixed number, the same in every TrainGate version: the lock is "TrainGate is migrating this database".
export const MIGRATION_LOCK_KEY = 7_242_018_001;

/** The migrations this build ships, in order (their directory names start with a timestamp). */
export function knownMigrations(dir = path.resolve("prisma/migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export type MigrationState = { pending: string[]; unknown: string[] };

/** Pure: what this build would apply, and what the database has that this build does not know. */
export function judgeMigrations(known: readonly string[], applied: readonly string[]): MigrationState {
  const done = new Set(applied);
  const ours = new Set(known);
  return {
    pending: known.filter((name) => !done.has(name)),
    unknown: applied.filter((name) => !ours.has(name)).sort(),
  };
}

/** The refusal, on one line naming both versions. */
export function newerDatabaseMessage(known: readonly string[], state: MigrationState): string {
  return (
    `the database was migrated by a newer TrainGate (database at ${state.unknown.at(-1)}, this build knows up to ` +
    `${known.at(-1) ?? "none"}): start the newer version, or restore the backup taken before the upgrade.`
  );
}

type Queryable = { query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }> };

/** Finished migrations recorded by Prisma; none when the table does not exist yet (an empty database). */
export async function appliedMigrations(client: Queryable): Promise<string[]> {
  const table = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return [];
  const rows = await client.query(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows.rows.map((row) => String(row.migration_name));
}

/**
 * Takes the lock (waiting for an instance that migrates), refuses a newer database, applies what is
 * pending with `deploy` (prisma migrate deploy), and lets go. Resolves with the migrations it applied.
 */
export async function migrateUnderLock(
  url: string,
  deploy: (url: string) => Promise<void>,
  options: { log: (line: string) => void; known?: string[] },
): Promise<string[]> {
  const known = options.known ?? knownMigrations();
  const client = new pg.Client({ connectionString: url, application_name: "traingate-migrate" });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const state = judgeMigrations(known, await appliedMigrations(client));
    if (state.unknown.length > 0) throw new StartError(newerDatabaseMessage(known, state));
    if (state.pending.length === 0) return [];
    options.log(`Applying ${state.pending.length} database migration(s) …`);
    await deploy(url);
    return state.pending;
  } finally {
    // Ending the session releases the lock too; unlocking first lets a waiting instance go on at once.
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    await client.end().catch(() => {});
  }
}
