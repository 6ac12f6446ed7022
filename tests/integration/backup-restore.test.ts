// `npm run db:backup` and `npm run db:restore` as an operator runs them (child processes): the demo
// company backed up, restored into a new database, and checked there — every table's row count, a
// demo sign-in's password hash, a debtor's ID number decrypted with the demo key. Against the embedded
// PostgreSQL 18 the built-in format is taken (no pg_dump that new here); against CI's PostgreSQL 15
// pg_dump's, and then the built-in one too.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, expect, inject, it } from "vitest";

import { verifyPassword } from "~/domain/auth/password.server";
import { decryptNumber } from "~/domain/cases/case-crypto.server";

import { seedDemoCompany } from "./support";

const adminUrl = inject("dbAdminUrl");
const sourceUrl = process.env.DATABASE_URL!;
const restoredDb = `traingate_restore_w${process.env.VITEST_POOL_ID ?? "1"}`;
const restoredUrl = Object.assign(new URL(adminUrl), { pathname: `/${restoredDb}` }).toString();
const password = decodeURIComponent(new URL(adminUrl).password);
const user = decodeURIComponent(new URL(adminUrl).username);
const dir = mkdtempSync(path.join(tmpdir(), "tg-backup-"));

type Run = { code: number | null; stdout: string; stderr: string };

function cli(script: string, args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const recreateRestoredDb = async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${restoredDb}" WITH (FORCE)`);
  await query(adminUrl, `CREATE DATABASE "${restoredDb}" TEMPLATE template0`);
};

async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM public."${name}"`))[0].n;
  }
  return counts;
}

let sourceCounts: Record<string, number>;

afterAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${restoredDb}" WITH (FORCE)`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

async function backupAndRestore(format: "auto" | "builtin") {
  // beforeEach empties the worker's tables: the demo company goes back in for each test.
  await seedDemoCompany();
  sourceCounts = await rowCounts(sourceUrl);
  const file = path.join(dir, `demo-${format}.backup`);
  const backup = await cli("tools/db-backup.ts", [file, `--format=${format}`], sourceUrl);
  expect(backup.code, backup.stderr).toBe(0);
  await recreateRestoredDb();
  const restore = await cli("tools/db-restore.ts", [file], restoredUrl);
  expect(restore.code, restore.stderr).toBe(0);
  for (const run of [backup, restore]) {
    const said = run.stdout + run.stderr;
    // No URL with a password in it; and the password itself nowhere, unless it is also the user's name
    // (CI's server uses traingate:traingate), which the tools may name.
    expect(said).not.toMatch(/[a-z]+:\/\/[^\s/@:]+:[^\s/@]+@/i);
    if (password && password !== user) expect(said).not.toContain(password);
  }
  return { file, backup, restore };
}

async function expectSameCompany() {
  expect(await rowCounts(restoredUrl)).toEqual(sourceCounts);
  expect(sourceCounts.Person).toBeGreaterThan(10);

  // The login page's password check against the restored hash.
  const [person] = await query<{ hash: string }>(
    restoredUrl,
    `SELECT "passwordHash" AS hash FROM "Person" WHERE "employeeNo" = 'T0001'`,
  );
  expect(await verifyPassword(person.hash, "TrainGate-demo-2026")).toBe(true);
  expect(await verifyPassword(person.hash, "wrong-password")).toBe(false);

  // A debtor's ID number, decrypted with the demo key, is the one stored before.
  const sql = `SELECT "idNumberEnc" AS enc, "idNumberMasked" AS masked FROM "CollectionCase" ORDER BY id LIMIT 1`;
  const [restored] = await query<{ enc: string; masked: string }>(restoredUrl, sql);
  const [original] = await query<{ enc: string }>(sourceUrl, sql);
  const plain = decryptNumber(restored.enc);
  expect(plain).toBe(decryptNumber(original.enc));
  expect(plain.slice(-4)).toBe(restored.masked.slice(-4));

  // Sequences carry on after the restored rows.
  const [audit] = await query<{ max: string | null; next: string }>(
    restoredUrl,
    `SELECT (SELECT max(id)::text FROM "AuditEntry") AS max, nextval('"AuditEntry_id_seq"')::text AS next`,
  );
  if (audit.max) expect(BigInt(audit.next)).toBeGreaterThan(BigInt(audit.max));
}

// Four to seven child processes (tsx start-up is most of their time): 40-80 s
// were seen on a 2-core machine under a load average of 19, hence the generous timeout.
it("backs up the demo company and restores it into a new database, whole", { timeout: 180_000 }, async () => {
  const { file, backup } = await backupAndRestore("auto");
  await expectSameCompany();

  // A second restore into the now full database is refused, and changes nothing.
  const again = await cli("tools/db-restore.ts", [file], restoredUrl);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("is not empty");
  expect(await rowCounts(restoredUrl)).toEqual(sourceCounts);

  // Where pg_dump was taken (a server no newer than it), the built-in format gets its turn too.
  if (backup.stdout.includes("pg_dump")) {
    await backupAndRestore("builtin");
    await expectSameCompany();
  }
});
