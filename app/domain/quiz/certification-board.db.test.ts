// The board's keyset pages, counts and scope, read from the stored certification.
import { beforeEach, expect, it } from "vitest";

import { storedCertifications } from "~/domain/certification/certification-store.server";
import { freezeClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, seedDemoCompany } from "../../../tests/integration/support";

import { BOARD_PAGE_SIZE, certificationBoard } from "./certification-board.server";

beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
  // Enough agents for two pages: 60 more in a team of the second department.
  const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" } });
  const team = await db.department.findFirst({ where: { parentId: col2.id } });
  await db.person.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      employeeNo: `C9${String(i).padStart(3, "0")}`,
      name: `测试催收员${i}`,
      departmentId: (team ?? col2).id,
      post: "催收员",
    })),
  });
});

it("pages of 50 by employee number cover everyone once; counts match the stored states", async () => {
  const first = await certificationBoard(null);
  expect(first.rows).toHaveLength(BOARD_PAGE_SIZE);
  expect(first.nextAfter).toBe(first.rows[BOARD_PAGE_SIZE - 1].employeeNo);
  const seen = [...first.rows];
  let after = first.nextAfter;
  while (after) {
    const page = await certificationBoard(null, { after });
    seen.push(...page.rows);
    after = page.nextAfter;
  }
  const nos = seen.map((r) => r.employeeNo);
  expect(nos).toEqual([...nos].sort());
  expect(new Set(nos).size).toBe(nos.length);
  expect(nos.length).toBe(first.total);
  expect(first.summary.reduce((n, s) => n + s.total, 0)).toBe(first.total);
  // Each row's status is the function's, and the counts are those of the rows.
  const certs = await storedCertifications(seen.map((r) => r.id));
  for (const r of seen) expect(r.status, r.employeeNo).toBe(certs.get(r.id)!.status);
  const never = await certificationBoard(null, { status: "never" });
  expect(never.total).toBe(seen.filter((r) => r.status === "never").length);
  expect(never.rows.every((r) => r.status === "never")).toBe(true);
  expect(first.summary.reduce((n, s) => n + s.counts.never, 0)).toBe(never.total);
});

it("a department head's board never shows another department's people, on any page or search", async () => {
  const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
  const teams = await db.department.findMany({ where: { parentId: col1.id }, select: { id: true } });
  const scope = [col1.id, ...teams.map((t) => t.id)];
  const inScope = async (rows: Array<{ id: string }>) =>
    (await db.person.count({ where: { id: { in: rows.map((r) => r.id) }, departmentId: { notIn: scope } } })) === 0;
  const board = await certificationBoard(scope);
  expect(board.rows.length).toBeGreaterThan(0);
  expect(await inScope(board.rows)).toBe(true);
  expect(board.summary.map((s) => s.id)).toEqual([col1.id]);
  // The other department's new agents are not found by a search either.
  expect((await certificationBoard(scope, { q: "测试催收员" })).total).toBe(0);
  expect((await certificationBoard(null, { q: "测试催收员1" })).total).toBe(11);
  expect((await certificationBoard(scope, { after: "C9000" })).rows).toEqual([]);
});
