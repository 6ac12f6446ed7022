import { afterEach, beforeEach, expect, it } from "vitest";

import { certificationsFor } from "~/domain/certification/certification-queries.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { saveAnswer } from "./answer-question.server";
import { certificationBoard } from "./certification-board.server";
import { publishRuleVersion } from "./publish-rule-version.server";
import { startAttempt } from "./start-attempt.server";
import { finaliseAttempt } from "./submit-attempt.server";

// The demo company's own instant: its certifications are dated from there.
const T = DEMO_AT;
const at = (days: number, seconds = 0) => new Date(T.getTime() + days * 86_400_000 + seconds * 1000);

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(T);
  await seedDemoCompany();
});
afterEach(() => setClock(null));

async function statuses() {
  const agents = await db.person.findMany({
    where: { employeeNo: { startsWith: "C0" } },
    select: { id: true, employeeNo: true, status: true },
  });
  const certs = await certificationsFor(agents);
  return new Map(agents.map((a) => [a.employeeNo, certs.get(a.id)!]));
}

async function passRequiz(employeeNo: string) {
  const id = await personId(employeeNo);
  const quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  const started = await startAttempt({ id }, quizId, "REQUIZ");
  if (!started.ok) throw new Error(started.error);
  const rows = await db.quizAttemptQuestion.findMany({
    where: { attemptId: started.attemptId },
    select: {
      position: true,
      ruleIds: true,
      question: { select: { options: { where: { isCorrect: true }, select: { id: true } } } },
    },
  });
  expect(rows.every((r) => r.ruleIds.includes("B8"))).toBe(true);
  for (const r of rows)
    await saveAnswer(
      id,
      started.attemptId,
      r.position,
      r.question.options.map((o) => o.id),
    );
  expect(await finaliseAttempt(started.attemptId, { auto: false })).toEqual({ finalised: true, passed: true });
}

it(
  "a new version of a rule lapses exactly the certifications that covered it, after the grace period, " +
    "unless the re-quiz is passed",
  async () => {
    const before = await statuses();
    const cleared = [...before]
      .filter(([, c]) => c.cleared)
      .map(([no]) => no)
      .sort();
    expect(cleared.length).toBeGreaterThan(10);
    expect(before.get("C0101")!.status).toBe("never");

    const trainer = { id: await personId("T0001"), employeeNo: "T0001" };
    const rule = (await db.callRuleVersion.findFirstOrThrow({ where: { ruleId: "B8" } }))!;
    const published = await publishRuleVersion(trainer, "B8", {
      titleZh: rule.titleZh,
      titleEn: rule.titleEn,
      textZh: `${rule.textZh}（含短信、语音留言）`,
      textEn: rule.textEn,
      redLine: true,
      changeNote: "第三方联系次数包括短信和语音留言。",
    });
    expect(published).toMatchObject({ ok: true, version: 2, affected: cleared.length });

    // Everyone affected is told through the to-do list.
    const todos = await db.todoItem.findMany({
      where: { kind: "quizRequiz", doneAt: null, params: { path: ["rules"], string_contains: "B8" } },
      select: { person: { select: { employeeNo: true } } },
    });
    expect(todos.map((t) => t.person.employeeNo).sort()).toEqual(cleared);

    freezeClock(at(2));
    await passRequiz(cleared[0]);

    freezeClock(at(6, 86_399));
    const inGrace = await statuses();
    for (const no of cleared) expect(inGrace.get(no)!.cleared, no).toBe(true);
    expect(inGrace.get(cleared[1])!.status).toBe("grace");

    freezeClock(at(7, 1));
    const after = await statuses();
    const lapsed = [...after]
      .filter(([no, c]) => before.get(no)!.cleared && c.status === "lapsed")
      .map(([no]) => no)
      .sort();
    expect(lapsed).toEqual(cleared.filter((no) => no !== cleared[0]));
    expect(after.get(cleared[0])!.cleared).toBe(true);
    // Nobody who was not cleared before changed state because of B8.
    for (const [no, c] of before) if (!c.cleared) expect(after.get(no)!.status, no).toBe(c.status);
    expect(
      (await db.todoItem.findFirst({ where: { kind: "quizRequiz", person: { employeeNo: cleared[0] } } }))?.doneAt,
    ).not.toBeNull();
  },
);

it("the board counts by department; a department head sees only their own department", async () => {
  const all = await certificationBoard(null);
  expect(all.summary.map((s) => s.name)).toEqual(["催收一部", "催收二部"]);
  expect(all.rows.find((r) => r.employeeNo === "C0101")?.status).toBe("never");
  expect(all.summary.reduce((n, s) => n + s.counts.expiring, 0)).toBeGreaterThan(0);
  expect(all.summary.reduce((n, s) => n + s.counts.lapsed, 0)).toBe(2);
  expect(all.mostMissed.length).toBeGreaterThan(0);
  const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
  const teams = await db.department.findMany({ where: { parentId: col1.id }, select: { id: true } });
  const head = await certificationBoard([col1.id, ...teams.map((t) => t.id)]);
  expect(head.rows.every((r) => r.employeeNo.startsWith("C01"))).toBe(true);
  expect(head.summary.map((s) => s.name)).toEqual(["催收一部"]);
});
