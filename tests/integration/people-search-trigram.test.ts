// A Chinese name search on the people list can use the trigram index. The test databases are made with
// collation C and ctype C.UTF-8 (tests/setup/postgres.ts, as a new embedded cluster: server/database.ts):
// under ctype C pg_trgm makes no trigrams of Chinese at all, and `name LIKE '%王小明%'` read the whole table.
import { expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文"];

/** `count` more people in one department, names of three characters, and two named 王小明. */
async function growPeople(count: number) {
  const department = await db.department.findUniqueOrThrow({ where: { code: "COL1" }, select: { id: true } });
  await db.person.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      employeeNo: `T${String(i).padStart(5, "0")}`,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${
        GIVEN[(i * 7) % GIVEN.length]
      }`,
      departmentId: department.id,
      post: "催收员",
    })),
  });
  await db.person.createMany({
    data: ["T90001", "T90002"].map((employeeNo) => ({
      employeeNo,
      name: "王小明",
      departmentId: department.id,
      post: "组长",
    })),
  });
}

it("the test database sorts text in byte order (collation C) and classifies characters as UTF-8", async () => {
  const [locale] = await db.$queryRaw<Array<{ collate: string; ctype: string }>>`
    SELECT datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = current_database()`;
  expect(locale).toEqual({ collate: "C", ctype: "C.UTF-8" });
});

it("pg_trgm makes trigrams of a Chinese name", async () => {
  const [row] = await db.$queryRaw<Array<{ trigrams: string[] }>>`SELECT show_trgm('王小明') AS trigrams`;
  expect(row!.trigrams.length).toBeGreaterThan(0);
  const [same] = await db.$queryRaw<Array<{ similarity: number }>>`
    SELECT similarity('王小明', '王小明') AS similarity`;
  expect(same!.similarity).toBe(1);
});

it("a search for part of a Chinese name reads the name's trigram index, and from it only the matches", async () => {
  await growPeople(3000);
  // Flushes the index's pending list and gathers statistics, as autovacuum would on a real table.
  await db.$executeRawUnsafe('VACUUM ANALYZE "Person"');
  // The people list's search as Prisma sends it (`name: { contains: q }`: LIKE with a bound pattern).
  const [row] = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": [{ Plan: PlanNode }] }>>(
    'EXPLAIN (ANALYZE, FORMAT JSON) SELECT "id" FROM "Person" WHERE "name"::text LIKE $1',
    "%王小明%",
  );
  const scans = nodes(row!["QUERY PLAN"][0].Plan).filter((n) => n["Index Name"] === "Person_name_trgm_idx");
  expect(scans).toHaveLength(1);
  expect(nodes(row!["QUERY PLAN"][0].Plan).some((n) => n["Node Type"] === "Seq Scan")).toBe(false);
  // Under ctype C the pattern has no trigram: the index hands back every person (3,000+) to be rechecked.
  expect(scans[0]!["Actual Rows"]).toBe(2);

  const found = await db.person.findMany({
    where: { name: { contains: "王小明" } },
    select: { employeeNo: true },
    orderBy: { employeeNo: "asc" },
  });
  expect(found.map((p) => p.employeeNo)).toEqual(["T90001", "T90002"]);
});

type PlanNode = { "Node Type": string; "Index Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}
