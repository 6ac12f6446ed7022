// Plain SQL and Prisma must agree on every timestamp whatever the machine's time zone (servers in
// China run in Asia/Shanghai; Prisma keeps UTC in columns without a zone).
import { afterEach, beforeEach, expect, it } from "vitest";

import { makeDepartment, makePerson } from "../../prisma/seed/factories";

import { db } from "./db.server";
import { sql, sqlTransaction } from "./sql.server";

const zone = process.env.TZ;
let personId: string;

beforeEach(async () => {
  process.env.TZ = "Asia/Shanghai";
  personId = await db.$transaction(async (tx) => {
    const department = await makeDepartment(tx, { code: "D1", name: "催收一部" });
    return (await makePerson(tx, { employeeNo: "C9001", name: "王伟", departmentId: department.id })).id;
  });
});
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

it("a time written by Prisma reads back the same through plain SQL, and the other way round", async () => {
  const at = new Date("2026-11-29T23:30:00.000Z");
  await db.session.create({ data: { id: "s1", personId, createdAt: at, lastSeenAt: at, expiresAt: at } });
  const [row] = await sql<{ createdAt: Date }>(`SELECT "createdAt" FROM "Session" WHERE id = 's1'`);
  expect(row.createdAt.toISOString()).toBe(at.toISOString());

  const later = new Date("2026-11-30T01:15:00.000Z");
  await sql(`UPDATE "Session" SET "lastSeenAt" = $1::timestamptz WHERE id = 's1'`, [later]);
  expect((await db.session.findUniqueOrThrow({ where: { id: "s1" } })).lastSeenAt.toISOString()).toBe(
    later.toISOString(),
  );
  // Compared in SQL, too: the column against a parameter.
  expect(await sql(`SELECT 1 FROM "Session" WHERE "lastSeenAt" = $1::timestamptz::timestamp`, [later])).toHaveLength(1);
});

it("a transaction that throws leaves nothing behind", async () => {
  const at = new Date();
  await expect(
    sqlTransaction(async (client) => {
      await client.query(
        `INSERT INTO "Session" (id, "personId", "createdAt", "lastSeenAt", "expiresAt")
         VALUES ('s2', $1, $2::timestamptz, $2::timestamptz, $2::timestamptz)`,
        [personId, at],
      );
      throw new Error("second statement failed");
    }),
  ).rejects.toThrow("second statement failed");
  expect(await db.session.count()).toBe(0);
});
