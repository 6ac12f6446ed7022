// The rule loop's figures through its pages, computed again here from the raw rows the test creates, in a
// year the demo company has no data in (so every row counted is one of ours), and scoped per department.
import { describe, expect, it } from "vitest";

import { rebuildRuleTally } from "~/domain/rule-tally/rebuild-tally.server";
import { loader as ruleLoader } from "~/routes/_app.rule-loop.$ruleId";
import { loader as listLoader } from "~/routes/_app.rule-loop._index";
import { db } from "~/utils/db.server";

import { cookieFor, FREE_YEAR, outcome, personId, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
// Years the demo never reaches: every answer, breach and session in them is created below.
const Y = FREE_YEAR + 3;
const DAY = 86_400_000;
const at = (md: string, hm = "10:00") => new Date(`${Y}-${md}T${hm}:00+08:00`);

type Answer = { who: string; at: Date; ruleIds: string[]; correct: boolean | null };
type Breach = { who: string; at: Date; ruleId: string };

async function fixture() {
  const quiz = await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" }, select: { id: true } });
  const question = await db.quizQuestion.create({
    data: {
      kind: "SINGLE",
      stem: "测试题：称呼对方为老赖是否可以？",
      explanation: "不可以",
      rules: { create: [{ ruleId: "B6" }] },
    },
  });
  await db.quizQuestion.create({
    data: { kind: "SINGLE", stem: "停用的题", explanation: "", active: false, rules: { create: [{ ruleId: "B6" }] } },
  });
  const [item, trainer] = await Promise.all([
    db.course.findFirstOrThrow({ select: { monthlyItemId: true } }),
    personId("T0002"),
  ]);
  const course = async (
    title: string,
    attendees: string[],
    sessions: Array<[Date, Date]>,
    opts: { state?: "APPROVED" | "DRAFT"; cancelled?: boolean } = {},
  ) => {
    const approval = await db.approval.create({ data: { subjectType: "Course", state: opts.state ?? "APPROVED" } });
    const c = await db.course.create({
      data: {
        title,
        monthlyItemId: item.monthlyItemId,
        capacity: 30,
        outline: "话术规范",
        lecturerKind: "INTERNAL",
        lecturerId: trainer,
        approvalId: approval.id,
        createdById: trainer,
        rules: { create: [{ ruleId: "B6" }] },
        sessions: { create: sessions.map(([startsAt, endsAt]) => ({ startsAt, endsAt, location: "A301" })) },
        attendees: { create: await Promise.all(attendees.map(async (no) => ({ personId: await personId(no) }))) },
      },
    });
    if (opts.cancelled)
      await db.courseDelivery.create({ data: { courseId: c.id, state: "CANCELLED", cancelledAt: at("01-02") } });
    return c.id;
  };
  const courseA = await course(
    "B6 复训（一部）",
    ["C0101", "C0102"],
    [
      [at("06-10", "09:00"), at("06-10", "12:00")],
      [at("06-11", "09:00"), at("06-11", "12:00")],
    ],
  );
  await course("B6 复训（二部）", ["C0201"], [[at("07-01", "09:00"), at("07-01", "12:00")]]);
  await course("已取消的课", ["C0101"], [[at("08-01", "09:00"), at("08-01", "12:00")]], { cancelled: true });
  await course("草稿课", ["C0101"], [[at("08-02", "09:00"), at("08-02", "12:00")]], { state: "DRAFT" });

  const answers: Answer[] = [
    { who: "C0101", at: at("06-01"), ruleIds: ["B6"], correct: false }, // 9 days before course A
    { who: "C0101", at: at("06-20"), ruleIds: ["B6"], correct: true }, // after course A
    { who: "C0102", at: at("06-25"), ruleIds: ["B6", "REC2"], correct: false },
    { who: "C0101", at: at("03-01"), ruleIds: ["B6"], correct: true },
    { who: "C0201", at: at("07-05"), ruleIds: ["B6"], correct: false },
    { who: "C0201", at: at("07-06"), ruleIds: ["B6"], correct: false },
    { who: "C0201", at: at("07-07"), ruleIds: ["B6"], correct: true },
    { who: "C0101", at: new Date(at("01-01", "00:00").getTime() - 1000), ruleIds: ["B6"], correct: false }, // last year
    { who: "C0101", at: at("09-01"), ruleIds: ["B6"], correct: null }, // attempt still open: not scored
  ];
  const breaches: Breach[] = [
    { who: "C0101", at: at("05-25"), ruleId: "B6" }, // 16 days before course A
    { who: "C0101", at: at("04-01"), ruleId: "B6" }, // more than 30 days before
    { who: "C0102", at: at("07-01"), ruleId: "B6" }, // 20 days after course A
    { who: "C0201", at: at("07-10"), ruleId: "B6" },
    { who: "C0201", at: at("07-11"), ruleId: "B6" },
    { who: "C0201", at: at("07-12"), ruleId: "REC2" },
    { who: "C0201", at: new Date(`${Y + 1}-01-01T00:00:00+08:00`), ruleId: "B6" }, // next year
  ];
  for (const [i, a] of answers.entries()) {
    const attempt = await db.quizAttempt.create({
      data: {
        quizId: quiz.id,
        personId: await personId(a.who),
        mode: "FULL",
        status: a.correct === null ? "OPEN" : "SUBMITTED",
        startedAt: new Date(a.at.getTime() - 60_000),
        deadlineAt: new Date(a.at.getTime() + 600_000),
        passPercent: 90,
        ruleVersions: {},
        questionCount: 1,
      },
    });
    await db.quizAttemptQuestion.create({
      data: {
        attemptId: attempt.id,
        questionId: question.id,
        position: i,
        optionOrder: [],
        multiple: false,
        answeredAt: a.at,
        correct: a.correct,
        ruleIds: a.ruleIds,
        redLine: true,
      },
    });
  }
  // Written past the hand-in: the rule tally is counted afresh from these rows.
  await rebuildRuleTally();
  for (const b of breaches)
    await db.caseRuleBreach.create({
      data: { at: b.at, personId: await personId(b.who), ruleId: b.ruleId, actionType: "CALL_DEBTOR" },
    });
  return { answers, breaches, courseA };
}

// The expected figures, from the rows above and the people's departments as stored.
async function expected(rows: Awaited<ReturnType<typeof fixture>>, ruleId: string, departmentCode: string | null) {
  const people = await db.person.findMany({
    select: { employeeNo: true, department: { select: { code: true, parent: { select: { code: true } } } } },
  });
  const inView = (no: string) => {
    const p = people.find((x) => x.employeeNo === no)!;
    return !departmentCode || p.department.code === departmentCode || p.department.parent?.code === departmentCode;
  };
  const from = new Date(`${Y}-01-01T00:00:00+08:00`);
  const to = new Date(`${Y + 1}-01-01T00:00:00+08:00`);
  const inYear = (d: Date) => d >= from && d < to;
  const answered = rows.answers.filter(
    (a) => a.correct !== null && inYear(a.at) && a.ruleIds.includes(ruleId) && inView(a.who),
  );
  const wrong = answered.filter((a) => a.correct === false).length;
  return {
    answered: answered.length,
    wrong,
    missRate: answered.length ? wrong / answered.length : null,
    breaches: rows.breaches.filter((b) => b.ruleId === ruleId && inYear(b.at) && inView(b.who)).length,
  };
}

const load = async <T>(fn: (args: never) => Promise<T>, employeeNo: string, path: string, params = {}) => {
  const cookie = await cookieFor(employeeNo);
  const result = await outcome(() => fn({ request: requestAs(cookie, path), params, ...ctx } as never));
  expect(result.status).toBe(200);
  return result.body as Awaited<T>;
};

describe("the rule loop for a year", () => {
  it("counts each rule's courses, questions, misses, gate and breaches company-wide", async () => {
    const rows = await fixture();
    const page = await load(listLoader, "G0001", `/rule-loop?year=${Y}`);
    const b6 = page.rows.find((r) => r.ruleId === "B6")!;
    const want = await expected(rows, "B6", null);
    expect(b6).toMatchObject({ ...want, courses: 2, sessions: 3, enforced: true, redLine: true });
    expect(b6.questions).toBe(await db.quizQuestionRule.count({ where: { ruleId: "B6", question: { active: true } } }));
    const rec2 = page.rows.find((r) => r.ruleId === "REC2")!;
    expect(rec2).toMatchObject({ ...(await expected(rows, "REC2", null)), courses: 0, enforced: true });
    expect(page.rows.find((r) => r.ruleId === "B12")).toMatchObject({ enforced: false, breaches: 0, missRate: null });
    // By breaches by default: B6 (4 this year) leads; by miss rate REC2 (1 of 1 wrong) does.
    expect(page.rows[0].ruleId).toBe("B6");
    expect((await load(listLoader, "G0001", `/rule-loop?year=${Y}&sort=misses`)).rows[0].ruleId).toBe("REC2");
  });

  it("D0101 sees 催收一部's figures only, whatever department is asked for; others may narrow to one", async () => {
    const rows = await fixture();
    const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" } });
    const head = await load(listLoader, "D0101", `/rule-loop?year=${Y}&department=${col2.id}`);
    expect(head.scoped).toBe(true);
    expect(head.departments.map((d) => d.name)).toEqual(["催收一部"]);
    expect(head.rows.find((r) => r.ruleId === "B6")).toMatchObject({
      ...(await expected(rows, "B6", "COL1")),
      courses: 1,
    });
    expect(head.rows.find((r) => r.ruleId === "REC2")).toMatchObject(await expected(rows, "REC2", "COL1"));

    const manager = await load(listLoader, "T0001", `/rule-loop?year=${Y}&department=${col2.id}`);
    expect(manager.department).toBe(col2.id);
    expect(manager.rows.find((r) => r.ruleId === "B6")).toMatchObject({
      ...(await expected(rows, "B6", "COL2")),
      courses: 1,
    });
  });
});

describe("a rule's page", () => {
  it("shows the figures per department, and each course's attendees before and after it", async () => {
    const rows = await fixture();
    const page = await load(ruleLoader, "T0001", `/rule-loop/B6?year=${Y}`, { ruleId: "B6" });
    expect(page.rule.id).toBe("B6");
    expect(page.rule.textZh).toContain("老赖");
    expect(page.totals).toMatchObject(await expected(rows, "B6", null));
    const byName = Object.fromEntries(page.departments.map((d) => [d.name, d]));
    expect(byName["催收一部"]).toMatchObject(await expected(rows, "B6", "COL1"));
    expect(byName["催收二部"]).toMatchObject(await expected(rows, "B6", "COL2"));
    expect(page.courses.map((c) => c.title)).toEqual(["B6 复训（一部）", "B6 复训（二部）"]);

    // Course A: first session 06-10 09:00, last ends 06-11 12:00; attendees C0101 and C0102.
    const a = page.courses.find((c) => c.id === rows.courseA)!;
    const first = at("06-10", "09:00").getTime();
    const last = at("06-11", "12:00").getTime();
    const attendees = ["C0101", "C0102"];
    const side = (lo: number, hi: number) => {
      const answered = rows.answers.filter(
        (x) => x.correct !== null && attendees.includes(x.who) && x.ruleIds.includes("B6") && +x.at >= lo && +x.at < hi,
      );
      const wrong = answered.filter((x) => !x.correct).length;
      const breaches = rows.breaches.filter(
        (x) => attendees.includes(x.who) && x.ruleId === "B6" && +x.at >= lo && +x.at < hi,
      ).length;
      return {
        answered: answered.length,
        missRate: answered.length ? wrong / answered.length : null,
        breaches,
        perAttendee: breaches / attendees.length,
      };
    };
    expect(a.attendees).toBe(2);
    expect(a.before).toEqual(side(first - 30 * DAY, first));
    expect(a.after).toEqual(side(last, last + 30 * DAY));
    expect(a.before).toMatchObject({ answered: 1, missRate: 1, breaches: 1, perAttendee: 0.5 });
    expect(a.after).toMatchObject({ answered: 2, missRate: 0.5, breaches: 1 });
  });

  it("D0101 sees only 催收一部 on the rule's page; an unknown rule is not found", async () => {
    const rows = await fixture();
    const page = await load(ruleLoader, "D0101", `/rule-loop/B6?year=${Y}`, { ruleId: "B6" });
    expect(page.departments.map((d) => d.name)).toEqual(["催收一部"]);
    expect(page.totals).toMatchObject(await expected(rows, "B6", "COL1"));
    expect(page.courses.map((c) => c.title)).toEqual(["B6 复训（一部）"]);
    const missing = await outcome(async () =>
      ruleLoader({ request: requestAs(await cookieFor("D0101"), "/rule-loop/B99"), params: { ruleId: "B99" }, ...ctx }),
    );
    expect(missing.status).toBe(404);
  });
});
