// The migrations this build of TrainGate knows (prisma/migrations), with Prisma's checksum: the
// SHA-256 of migration.sql, as `prisma migrate deploy` records it in _prisma_migrations.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type pg from "pg";

export type Migration = { name: string; checksum: string };
export type LocalMigration = Migration & { file: string };

export function localMigrations(dir = path.resolve("prisma/migrations")): LocalMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return { name, file, checksum: createHash("sha256").update(readFileSync(file)).digest("hex") };
    });
}

/** The migrations applied to a database, oldest first; null when it has no migrations table. */
export async function appliedMigrations(client: pg.Client | pg.PoolClient): Promise<Migration[] | null> {
  const { rows: exists } = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok");
  if (!exists[0].ok) return null;
  const { rows } = await client.query<Migration>(
    `SELECT migration_name AS name, checksum FROM public._prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/**
 * The local migrations that rebuild a backup's schema: every migration of the backup, in order,
 * known to this build with the same content. Otherwise a sentence saying why not.
 */
export function migrationsToReplay(
  backup: Migration[],
  local: LocalMigration[],
): { ok: true; replay: LocalMigration[] } | { ok: false; problem: string } {
  const byName = new Map(local.map((m) => [m.name, m]));
  const replay: LocalMigration[] = [];
  for (const m of backup) {
    const known = byName.get(m.name);
    if (!known) {
      return {
        ok: false,
        problem:
          `the backup's database has migration ${m.name}, which this version of TrainGate does not know ` +
          `(its newest is ${local.at(-1)?.name ?? "none"}): restore it with the version that took it, or a newer one.`,
      };
    }
    if (known.checksum !== m.checksum) {
      return {
        ok: false,
        problem: `migration ${m.name} of this version differs from the one the backup's database was migrated with.`,
      };
    }
    replay.push(known);
  }
  return { ok: true, replay };
}
