// The pure parts of `npm run db:backup` / `db:restore` (tools/backup): what goes to pg_dump's command
// line, which migrations rebuild a built-in backup's schema, how a file's format is recognised.
import { describe, expect, it } from "vitest";

import { describeUrl, libpqConnection } from "../../tools/backup/connection";
import { countRows, kindOf } from "../../tools/backup/format";
import { migrationsToReplay } from "../../tools/backup/migrations";

describe("the connection handed to pg_dump and pg_restore", () => {
  const url = "postgresql://tg%40ops:s%3Acret@db.example:6432/traingate?schema=public&sslmode=require";

  it("keeps the password out of the command line and Prisma's parameters out of libpq", () => {
    const { dbname, env } = libpqConnection(url);
    expect(dbname).not.toContain("s%3Acret");
    expect(dbname).toBe("postgresql://tg%40ops@db.example:6432/traingate?sslmode=require");
    expect(env).toEqual({ PGPASSWORD: "s:cret" });
  });

  it("names a database without its password", () => {
    expect(describeUrl(url)).toBe("tg@ops@db.example:6432/traingate");
  });
});

describe("the migrations that rebuild a built-in backup", () => {
  const local = [
    { name: "1_init", checksum: "a", file: "/m/1/migration.sql" },
    { name: "2_more", checksum: "b", file: "/m/2/migration.sql" },
  ];

  it("are the backup's own, in order, when this build knows them all", () => {
    const plan = migrationsToReplay([{ name: "1_init", checksum: "a" }], local);
    expect(plan).toEqual({ ok: true, replay: [local[0]] });
  });

  it("are refused when the backup comes from a newer version or another migration", () => {
    const newer = migrationsToReplay([...local, { name: "3_newer", checksum: "c" }], local);
    expect(newer.ok).toBe(false);
    expect(!newer.ok && newer.problem).toContain("3_newer");
    const changed = migrationsToReplay([{ name: "1_init", checksum: "x" }], local);
    expect(!changed.ok && changed.problem).toContain("differs");
  });
});

describe("a backup file's format", () => {
  it("is told by its first bytes", () => {
    expect(kindOf(Buffer.from("PGDMP\x01\x0e"))).toBe("pg_dump");
    expect(kindOf(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe("builtin");
    expect(kindOf(Buffer.from("-- SQL"))).toBe("unknown");
  });

  it("counts COPY rows by their line ends", () => {
    expect(countRows(Buffer.from("1\ta\\nb\n2\tc\n"))).toBe(2);
  });
});
