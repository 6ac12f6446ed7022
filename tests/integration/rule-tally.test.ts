// The rule tally (ADR 0027): the rule loop's and the dashboard's rule counts, summed from whole days of
// RuleTally plus raw part days, equal the raw counts over any window and scope; the hand-in (by the agent
// or the expiry sweep, many at once) and a department move keep the tally exactly what the answers say.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { saveAnswer } from "~/domain/quiz/answer-question.server";
import { startAttempt } from "~/domain/quiz/start-attempt.server";
import { finaliseAttempt, finaliseExpiredAttempts } from "~/domain/quiz/submit-attempt.server";
import { rebuildRuleTally } from "~/domain/rule-tally/rebuild-tally.server";
import { answeredByRule, askedByRule } from "~/domain/rule-tally/tally-queries.server";
import { dayStart, tallyDay } from "~/domain/rule-tally/tally-window";
import { freezeClock, now, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { rawAnswered, rawAsked, sorted, tallyRows } from "./rule-tally-oracle";
import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

const DAY = 86_400_000;

demoCompanyBeforeEachTest();
beforeEach(() => freezeClock(DEMO_AT));
afterEach(() => setClock(null));

// A fixed seed: the same windows on every run, so a failure can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Windows of every shape: under a day, across one day's end, whole tally days, months, over a year. */
function windows(n: number) {
  const r = random(20261205);
  const out: Array<{ from: Date; to: Date }> = [];
  for (let i = 0; i < n; i++) {
    let from = new Date(DEMO_AT.getTime() - Math.floor(r() * 420 * DAY));
    if (i % 5 === 0) from = dayStart(tallyDay(from)); // starts on a tally day's first instant
    const length = [r() * DAY, r() * 3 * DAY, Math.floor(r() * 60) * DAY, r() * 400 * DAY, 0][i % 5];
    out.push({ from, to: new Date(from.getTime() + Math.floor(length)) });
  }
  return out;
}

describe("the tally's counts equal the raw counts", () => {
  it("over random windows and scopes, for the rule loop (answers) and the dashboard (hand-ins)", async () => {
    const departments = (await db.department.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
      (d) => d.id,
    );
    const r = random(17);
    let nonEmpty = 0;
    for (const [i, w] of windows(40).entries()) {
      const picked = departments.filter(() => r() < 0.4);
      const scope = i % 4 === 0 ? null : picked;
      const raw = sorted(await rawAnswered(w, scope));
      expect(sorted(await answeredByRule(w, scope)), `answers ${w.from.toISOString()}–${w.to.toISOString()}`).toEqual(
        raw,
      );
      const rawHandIns = sorted(await rawAsked(w, scope ?? departments));
      expect(sorted(await askedByRule(w, scope ?? departments)), `hand-ins ${w.from.toISOString()}`).toEqual(
        rawHandIns,
      );
      if (raw.length > 0 && rawHandIns.length > 0) nonEmpty++;
    }
    // The seeded history gives most windows something to count.
    expect(nonEmpty).toBeGreaterThan(10);
  });
});

/** Agents who may start the case-work quiz now, each with an open attempt. */
async function openAttempts(count: number) {
  const quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  const agents = await db.person.findMany({
    where: { employeeNo: { startsWith: "C" }, status: "ACTIVE" },
    orderBy: { employeeNo: "asc" },
    select: { id: true, departmentId: true },
  });
  const open: Array<{ personId: string; attemptId: string }> = [];
  for (const a of agents) {
    if (open.length === count) break;
    const started = await startAttempt({ id: a.id }, quizId, "FULL");
    if (started.ok) open.push({ personId: a.id, attemptId: started.attemptId });
  }
  expect(open).toHaveLength(count);
  return open;
}

/** Answers the first `n` questions: right on even positions, wrong on odd ones. */
async function answer(personId: string, attemptId: string, n: number) {
  const rows = await db.quizAttemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    take: n,
    select: { position: true, question: { select: { options: { select: { id: true, isCorrect: true } } } } },
  });
  for (const row of rows) {
    const right = row.position % 2 === 0;
    const pick = row.question.options.filter((o) => o.isCorrect === right).slice(0, right ? undefined : 1);
    expect(
      await saveAnswer(
        personId,
        attemptId,
        row.position,
        pick.map((o) => o.id),
      ),
    ).toEqual({ ok: true });
  }
}

/** The tally as kept, then as counted afresh from the answers: they must be the same. */
async function expectTallyExact() {
  const kept = await tallyRows();
  await rebuildRuleTally();
  expect(kept).toEqual(await tallyRows());
}

describe("writers keep the tally exact", () => {
  it("many hand-ins at once, of one department and several, by the agents and by the expiry sweep", async () => {
    const before = await tallyRows();
    const open = await openAttempts(8);
    for (const [i, o] of open.entries()) await answer(o.personId, o.attemptId, 3 + i);
    // Six hand in at the same moment (the test pool has 4 connections: they queue and overlap).
    const handedIn = await Promise.all(
      open.slice(0, 6).map((o) => finaliseAttempt(o.attemptId, { auto: false, ownerId: o.personId })),
    );
    expect(handedIn.every((h) => h.finalised)).toBe(true);
    // The other two run out of time; the sweep hands them in at their deadline, on a later day.
    freezeClock(new Date(now().getTime() + 2 * DAY));
    expect(await finaliseExpiredAttempts()).toBeGreaterThanOrEqual(2);
    const after = await tallyRows();
    expect(after).not.toEqual(before);
    await expectTallyExact();
  });

  it("a person who moves department takes their whole history along", async () => {
    const [o] = await openAttempts(1);
    await answer(o.personId, o.attemptId, 5);
    await finaliseAttempt(o.attemptId, { auto: false, ownerId: o.personId });
    const person = await db.person.findUniqueOrThrow({ where: { id: o.personId }, select: { departmentId: true } });
    const elsewhere = await db.department.findFirstOrThrow({
      where: { id: { not: person.departmentId }, kind: "TEAM" },
      select: { id: true },
    });
    const before = await tallyRows();
    await db.person.update({ where: { id: o.personId }, data: { departmentId: elsewhere.id } });
    expect(await tallyRows()).not.toEqual(before);
    await expectTallyExact();
  });
});
