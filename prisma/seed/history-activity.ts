// The closed year seen from the rules: case-work quiz attempts after the courses that end with the quiz
// (question by question, so miss rates exist per rule and month), and the breaches the case system refused
// in both collection departments. B6 is breached often until a department's course teaching it, and much
// less after it, so the rule loop's before/after shows an effect.
//
// Certification must read today as it did before the history: an agent certified today only gets history
// attempts before their first passed full attempt; an agent never certified only gets failed attempts that
// missed no red-line rule (their "last attempt missed a red line" stays as it was).
import { randomUUID } from "node:crypto";

import { rebuildRuleTally } from "../../app/domain/rule-tally/rebuild-tally.server";
import type { Prisma } from "../../app/generated/prisma/client";
import { companyDate } from "../../app/utils/company-calendar";
import type { Tx } from "../../app/utils/db.server";

import { insertRows } from "./history-insert";
import { employedAt, isAgent, PROTECTED, type HPerson } from "./history-people";
import type { HCourse } from "./history-plans";
import { DAY, HOUR, MINUTE, wallClock, workingDays, ZONE } from "./history-time";

type Month = { year: number; month: number };
type Question = { id: string; kind: string; options: Array<{ id: string; isCorrect: boolean }>; ruleIds: string[] };

// How often a rule's question is answered wrong (the rest: 4%).
const MISS: Record<string, number> = {
  B8: 0.22,
  B12: 0.16,
  OPS4: 0.15,
  B16: 0.14,
  REC3: 0.14,
  B13: 0.1,
  B3: 0.08,
  B11: 0.08,
};
const NON_RED_FALLBACK = ["B16", "REC3", "B11", "B13", "OPS4", "REC1", "B10"];
// Breaches per department and working day (B6 apart).
const BREACH_RATE: Record<string, number> = {
  B8: 0.12,
  REC3: 0.09,
  B10: 0.07,
  B3: 0.05,
  REC1: 0.04,
  B12: 0.04,
  REC2: 0.03,
  OPS4: 0.03,
  B13: 0.03,
  B16: 0.03,
  B5: 0.02,
  B11: 0.02,
};
const B6_RATE = 0.4;
/** B6 breaches left after each course that teaches it to the department. */
const B6_AFTER_COURSE = 0.3;
const THIRD_PARTY = new Set(["B8", "B13", "OPS2"]);
const PRESENT = new Set(["PRESENT", "PRESENT_PAPER", "LATE"]);

export async function seedHistoryActivity(
  tx: Tx,
  input: {
    people: HPerson[];
    courses: HCourse[];
    marks: Map<string, string>;
    quizId: string | null;
    months: Month[];
    rng: () => number;
  },
): Promise<void> {
  const { people, courses, rng, months } = input;
  const taughtB6 = (c: HCourse) => c.template.rules.includes("B6");
  // When each person (and each department) was last taught B6 in the history.
  const b6Courses = courses.filter(taughtB6).map((c) => ({ c, end: c.sessions.at(-1)!.endsAt.getTime() }));
  if (input.quizId) await seedAttempts(tx, { ...input, quizId: input.quizId, b6Courses });

  const breaches: Prisma.CaseRuleBreachCreateManyInput[] = [];
  for (const department of ["COL1", "COL2"]) {
    const ends = b6Courses.filter(({ c }) => c.template.audience === department.toLowerCase()).map((x) => x.end);
    const taughtEnds = (ruleId: string) =>
      courses
        .filter((c) => c.template.rules.includes(ruleId) && c.attendees.some((a) => a.department === department))
        .map((c) => c.sessions.at(-1)!.endsAt.getTime());
    const carry: Record<string, number> = {};
    const recent = Object.fromEntries(Object.keys(BREACH_RATE).map((r) => [r, taughtEnds(r)]));
    for (const { year, month } of months) {
      for (const day of workingDays(year, month)) {
        const start = wallClock(year, month, day, "09:00");
        const agents = people.filter(
          (p) => isAgent(p) && p.department === department && !PROTECTED.has(p.employeeNo) && employedAt(p, start),
        );
        if (agents.length === 0) continue;
        const k = ends.filter((e) => e < start.getTime()).length;
        const rates: Array<[string, number]> = [
          ["B6", B6_RATE * B6_AFTER_COURSE ** k],
          ...Object.entries(BREACH_RATE).map(([ruleId, rate]): [string, number] => [
            ruleId,
            // A course on the rule in the 60 days before brings its breaches down for a while.
            recent[ruleId].some((e) => e < start.getTime() && start.getTime() - e < 60 * DAY) ? rate * 0.6 : rate,
          ]),
        ];
        for (const [ruleId, rate] of rates) {
          // Each day adds its expected share; whole breaches are let out as they add up, so a month's count
          // follows its rate closely (only who and when are drawn at random).
          carry[ruleId] = (carry[ruleId] ?? rng()) + rate;
          const count = Math.floor(carry[ruleId]);
          carry[ruleId] -= count;
          for (let i = 0; i < count; i++)
            breaches.push({
              at: new Date(start.getTime() + Math.floor(rng() * 9 * 60) * MINUTE),
              personId: agents[Math.floor(rng() * agents.length)].id,
              caseId: null,
              ruleId,
              actionType: THIRD_PARTY.has(ruleId) ? "CALL_THIRD_PARTY" : "CALL_DEBTOR",
            });
        }
      }
    }
  }
  await insertRows(tx, "CaseRuleBreach", breaches);
}

async function seedAttempts(
  tx: Tx,
  input: {
    people: HPerson[];
    courses: HCourse[];
    marks: Map<string, string>;
    quizId: string;
    months: Month[];
    rng: () => number;
    b6Courses: Array<{ c: HCourse; end: number }>;
  },
) {
  const { people, courses, marks, quizId, months, rng, b6Courses } = input;
  const quiz = await tx.quiz.findUniqueOrThrow({
    where: { id: quizId },
    select: { passPercent: true, timeLimitMinutes: true },
  });
  const versions = await tx.callRuleVersion.findMany({
    where: { version: 1 },
    orderBy: { rule: { sortOrder: "asc" } },
    select: { ruleId: true, redLine: true },
  });
  const rawQuestions = await tx.quizQuestion.findMany({
    where: { active: true, reviewPending: false },
    orderBy: { stem: "asc" },
    select: {
      id: true,
      kind: true,
      options: { orderBy: { sortOrder: "asc" }, select: { id: true, isCorrect: true } },
      rules: { select: { ruleId: true } },
    },
  });
  const existing = await tx.quizAttempt.findMany({
    where: { quizId, status: "SUBMITTED", mode: "FULL", passed: true },
    select: { personId: true, submittedAt: true },
  });
  const redLine = new Map(versions.map((v) => [v.ruleId, v.redLine]));
  const questions: Question[] = rawQuestions.map((q) => ({ ...q, ruleIds: q.rules.map((r) => r.ruleId).sort() }));
  // Each rule's questions, those on that rule alone first.
  const forRule = new Map(
    versions.map((v) => {
      const tagged = questions.filter((q) => q.ruleIds.includes(v.ruleId));
      return [
        v.ruleId,
        [...tagged.filter((q) => q.ruleIds.length === 1), ...tagged.filter((q) => q.ruleIds.length > 1)],
      ];
    }),
  );
  const firstPass = new Map<string, number>();
  for (const a of existing) {
    const t = a.submittedAt!.getTime();
    firstPass.set(a.personId, Math.min(firstPass.get(a.personId) ?? t, t));
  }
  const attempts: Prisma.QuizAttemptCreateManyInput[] = [];
  const asked: Prisma.QuizAttemptQuestionCreateManyInput[] = [];
  const perMonth = new Map<string, number>();

  const attempt = (person: HPerson, submittedAt: Date, taught: Set<string>, key: string): boolean => {
    if (!isAgent(person) || PROTECTED.has(person.employeeNo) || person.status !== "ACTIVE") return false;
    if (!employedAt(person, submittedAt)) return false;
    const passedAt = firstPass.get(person.id);
    if (passedAt !== undefined && submittedAt.getTime() > passedAt - 2 * DAY) return false;
    const mustFail = passedAt === undefined;
    const knowsB6 = b6Courses.some(
      ({ c, end }) =>
        end < submittedAt.getTime() && PRESENT.has(marks.get(`${c.sessions.at(-1)!.id}:${person.id}`) ?? ""),
    );
    // One question per rule, as the quiz draws them.
    const used = new Set<string>();
    const chosen: Array<{ q: Question; ruleId: string }> = [];
    for (const { ruleId } of versions) {
      const list = (forRule.get(ruleId) ?? []).filter((q) => !used.has(q.id));
      if (list.length === 0) continue;
      const q = list[Math.floor(rng() * Math.min(list.length, 3))];
      used.add(q.id);
      chosen.push({ q, ruleId });
    }
    const red = (q: Question) => q.ruleIds.some((r) => redLine.get(r));
    const wrong = new Set<number>();
    chosen.forEach(({ q, ruleId }, i) => {
      let p = ruleId === "B6" ? (knowsB6 ? 0.05 : 0.3) : (MISS[ruleId] ?? 0.04);
      if (taught.has(ruleId)) p *= 0.5;
      if (rng() < p && !(mustFail && red(q))) wrong.add(i);
    });
    // Never certified today: a failure under the pass mark, on rules that are not red lines.
    for (const ruleId of NON_RED_FALLBACK) {
      if (!mustFail || wrong.size >= 3) break;
      const i = chosen.findIndex((c) => c.ruleId === ruleId && !red(c.q));
      if (i >= 0) wrong.add(i);
    }
    const id = randomUUID();
    const startedAt = new Date(submittedAt.getTime() - (14 + Math.floor(rng() * 12)) * MINUTE);
    const missed = new Set<string>();
    let redMissed = false;
    chosen.forEach(({ q }, i) => {
      const correct = !wrong.has(i);
      if (!correct) {
        q.ruleIds.forEach((r) => missed.add(r));
        redMissed ||= red(q);
      }
      const order = q.options.map((o) => o.id);
      const rotate = Math.floor(rng() * order.length);
      const rightIds = q.options.filter((o) => o.isCorrect).map((o) => o.id);
      const wrongId = q.options.find((o) => !o.isCorrect)?.id;
      asked.push({
        attemptId: id,
        questionId: q.id,
        position: i,
        optionOrder: [...order.slice(rotate), ...order.slice(0, rotate)],
        multiple: q.kind === "MULTIPLE",
        selected: correct || !wrongId ? rightIds : [wrongId],
        answeredAt: new Date(startedAt.getTime() + (i + 1) * 35_000),
        correct,
        ruleIds: q.ruleIds,
        redLine: red(q),
      });
    });
    const correctCount = chosen.length - wrong.size;
    const scorePercent = Math.floor((correctCount * 100) / Math.max(1, chosen.length));
    attempts.push({
      id,
      quizId,
      personId: person.id,
      mode: "FULL",
      status: "SUBMITTED",
      startedAt,
      deadlineAt: new Date(startedAt.getTime() + quiz.timeLimitMinutes * MINUTE),
      submittedAt,
      passPercent: quiz.passPercent,
      ruleVersions: Object.fromEntries(versions.map((v) => [v.ruleId, 1])),
      questionCount: chosen.length,
      correctCount,
      scorePercent,
      passed: scorePercent >= quiz.passPercent && !redMissed,
      redLineMissed: redMissed,
      missedRuleIds: versions.map((v) => v.ruleId).filter((r) => missed.has(r)),
    });
    perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
    return true;
  };

  // After each course that ends with the quiz: those who sat its last session, the next working day.
  for (const [index, m] of months.entries()) {
    const key = `${m.year}-${m.month}`;
    const inMonth = courses.filter((c) => c.template.quiz && sameMonth(c.sessions[0].startsAt, m));
    for (const course of inMonth) {
      const last = course.sessions.at(-1)!;
      const taught = new Set(course.template.rules);
      for (const person of course.attendees) {
        if (!PRESENT.has(marks.get(`${last.id}:${person.id}`) ?? "")) continue;
        const when = new Date(last.endsAt.getTime() + DAY - 4 * HOUR + Math.floor(rng() * 180) * MINUTE);
        attempt(person, when, taught, key);
      }
    }
    // Every month some agents practise on their own (at least three attempts a month).
    const days = workingDays(m.year, m.month).filter((d) => d <= 26);
    const pool = people.filter((p) => isAgent(p) && !PROTECTED.has(p.employeeNo));
    for (let tries = 0; (perMonth.get(key) ?? 0) < 3 && tries < pool.length; tries++) {
      const person = pool[(index * 7 + tries * 5) % pool.length];
      const day = days[(tries * 3 + index) % days.length];
      attempt(
        person,
        wallClock(m.year, m.month, day, `${String(15 + (tries % 3)).padStart(2, "0")}:20`),
        new Set(),
        key,
      );
    }
  }
  await insertRows(tx, "QuizAttempt", attempts);
  await insertRows(
    tx,
    "QuizAttemptQuestion",
    asked.map((a) => ({ id: randomUUID(), ...a })),
  );
  // Written past the hand-in: the rule tally is counted afresh from these rows.
  await rebuildRuleTally(tx);
}

const sameMonth = (at: Date, m: Month) => {
  const local = companyDate(at, ZONE);
  return local.year === m.year && local.month === m.month;
};
