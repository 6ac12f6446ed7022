// The board's keyset pages, counts and scope, read from the stored certification.
import { beforeEach, expect, it } from "vitest";

import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import { storedCertifications } from "~/domain/certification/certification-store.server";
import { freezeClock, now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, seedDemoCompany } from "../../../tests/integration/support";

import { COLLECTION_POSTS } from "./assignment-rules";
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

it("the total of a department or status filter is the number of people its pages list, for every filter", async () => {
  const everyone = await certificationBoard(null);
  const walk = async (query: { departmentId?: string; status?: (typeof everyone.rows)[number]["status"] }) => {
    let page = await certificationBoard(null, query);
    const total = page.total;
    let listed = page.rows.length;
    while (page.nextAfter) {
      page = await certificationBoard(null, { ...query, after: page.nextAfter });
      listed += page.rows.length;
    }
    return { total, listed };
  };
  const departments = [undefined, ...everyone.summary.map((d) => d.id), "no-such-department"];
  const statuses = [undefined, ...new Set(everyone.summary.flatMap((d) => Object.keys(d.counts)))] as Array<
    (typeof everyone.rows)[number]["status"] | undefined
  >;
  let nonEmpty = 0;
  for (const departmentId of departments)
    for (const status of statuses) {
      const { total, listed } = await walk({ departmentId, status });
      expect(total, `${departmentId} ${status}`).toBe(listed);
      if (total > 0 && (departmentId || status)) nonEmpty++;
    }
  expect(nonEmpty).toBeGreaterThan(2);
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

it("the most missed and broken rules count the board people's attempts and refused records of 90 days", async () => {
  const quizId = (await caseWorkQuizId())!;
  const [a, b, c, gone] = await db.person.findMany({
    where: { employeeNo: { startsWith: "C9" } },
    orderBy: { employeeNo: "asc" },
    take: 4,
    select: { id: true },
  });
  await db.person.update({ where: { id: gone.id }, data: { status: "LEFT" } });
  const daysAgo = (n: number) => new Date(now().getTime() - n * 86_400_000);
  const attempt = (personId: string, missedRuleIds: string[], days: number) => ({
    quizId,
    personId,
    mode: "FULL" as const,
    status: "SUBMITTED" as const,
    startedAt: daysAgo(days),
    deadlineAt: daysAgo(days),
    submittedAt: daysAgo(days),
    passPercent: 80,
    ruleVersions: {},
    questionCount: 5,
    correctCount: 3,
    scorePercent: 60,
    passed: false,
    missedRuleIds,
  });
  // B3 leads; the attempt of 91 days ago and the one of a person who left must not add to it.
  const lead = (await certificationBoard(null)).mostMissed[0]?.count ?? 0;
  await db.quizAttempt.createMany({
    data: [
      ...Array.from({ length: lead + 1 }, () => attempt(b.id, ["B3"], 20)),
      attempt(a.id, ["B3", "B5"], 1),
      attempt(a.id, ["B3", "B5"], 2),
      attempt(b.id, ["B3"], 10),
      attempt(c.id, ["OPS3", "B3"], 89),
      attempt(c.id, ["B3", "B3"], 91),
      attempt(gone.id, ["B3"], 1),
    ],
  });
  const breach = (personId: string, ruleId: string, days: number) => ({
    personId,
    ruleId,
    at: daysAgo(days),
    actionType: "CALL_DEBTOR" as const,
  });
  await db.caseRuleBreach.createMany({
    data: [
      breach(a.id, "B6", 1),
      breach(b.id, "B6", 3),
      breach(c.id, "B8", 5),
      breach(c.id, "B6", 91),
      breach(gone.id, "B6", 1),
    ],
  });

  // Expected: counted here from the rows, over the people the board lists.
  const since = daysAgo(90);
  const onBoard = new Set(
    (
      await db.person.findMany({
        where: {
          status: { not: "LEFT" },
          disabledAt: null,
          OR: [
            ...COLLECTION_POSTS.map((post) => ({ post: { contains: post } })),
            { quizAssignments: { some: { doneAt: null } } },
          ],
        },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  const tally = (ruleIds: string[]) => {
    const counts = new Map<string, number>();
    for (const r of ruleIds) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  };
  const attempts = await db.quizAttempt.findMany({
    where: { quizId, status: "SUBMITTED", submittedAt: { gte: since } },
    select: { personId: true, missedRuleIds: true },
  });
  const missed = tally(attempts.filter((x) => onBoard.has(x.personId)).flatMap((x) => x.missedRuleIds)).slice(0, 8);
  const breaches = await db.caseRuleBreach.findMany({ where: { at: { gte: since } } });
  const broken = tally(breaches.filter((x) => onBoard.has(x.personId)).map((x) => x.ruleId));
  const latest = async (ruleId: string) =>
    db.callRuleVersion.findFirstOrThrow({ where: { ruleId }, orderBy: { version: "desc" } });

  const board = await certificationBoard(null);
  expect(missed[0][0]).toBe("B3");
  expect(board.mostMissed.map((m) => [m.ruleId, m.count])).toEqual(missed);
  expect(board.mostBreached.map((m) => [m.ruleId, m.count])).toEqual(broken);
  for (const m of board.mostMissed) {
    const v = await latest(m.ruleId);
    expect([m.titleZh, m.titleEn, m.redLine]).toEqual([v.titleZh, v.titleEn, v.redLine]);
  }
  for (const m of board.mostBreached) expect(m.titleZh).toBe((await latest(m.ruleId)).titleZh);
});
