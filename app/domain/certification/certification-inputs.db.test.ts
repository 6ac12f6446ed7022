// The certification's read of a person's attempts (plain SQL, certification-inputs.server.ts) gives the function
// exactly what the table holds: the same attempts, dates to the millisecond, nulls, modes and rule versions as
// Prisma reads them; only submitted attempts of the certifying quiz, only of the people asked for.
import { beforeEach, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany } from "../../../tests/integration/support";

import { caseWorkQuizId, personInputs } from "./certification-inputs.server";

beforeEach(async () => {
  await seedDemoCompany();
});

type Over = {
  at?: string | null;
  mode?: "FULL" | "REQUIZ";
  status?: "OPEN" | "SUBMITTED";
  score?: number | null;
  redLine?: boolean | null;
  rules?: Record<string, number>;
  quizId?: string;
};

async function attempt(person: string, over: Over) {
  const quizId = over.quizId ?? (await caseWorkQuizId())!;
  const submittedAt = over.at === undefined ? new Date(DEMO_AT.getTime() - 86_400_000) : over.at && new Date(over.at);
  await db.quizAttempt.create({
    data: {
      quizId,
      personId: person,
      mode: over.mode ?? "FULL",
      status: over.status ?? "SUBMITTED",
      startedAt: new Date(DEMO_AT.getTime() - 2 * 86_400_000),
      deadlineAt: DEMO_AT,
      submittedAt,
      passPercent: 90,
      ruleVersions: over.rules ?? { B3: 1 },
      questionCount: 10,
      scorePercent: over.score === undefined ? 95 : over.score,
      redLineMissed: over.redLine === undefined ? false : over.redLine,
    },
  });
}

/** The attempts as Prisma reads them, in the shape the function takes (the read this one replaced). */
async function throughPrisma(people: string[]) {
  const rows = await db.quizAttempt.findMany({
    where: { quizId: (await caseWorkQuizId())!, status: "SUBMITTED", personId: { in: people } },
    select: {
      personId: true,
      mode: true,
      status: true,
      submittedAt: true,
      scorePercent: true,
      passPercent: true,
      redLineMissed: true,
      ruleVersions: true,
    },
  });
  return new Map(
    people.map((id) => [id, rows.filter((r) => r.personId === id).map(({ personId: _, ...a }) => a)] as const),
  );
}

const byTime = <T extends { submittedAt: Date | null; scorePercent: number | null }>(list: T[]) =>
  [...list].sort(
    (a, b) =>
      (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) ||
      (a.scorePercent ?? -1) - (b.scorePercent ?? -1),
  );

it("reads each person's submitted attempts of the certifying quiz as the table holds them", async () => {
  const [a, b, c] = [await personId("C0101"), await personId("C0102"), await personId("C0103")];
  const otherQuiz = await db.quiz.findFirst({ where: { grantsCertification: false }, select: { id: true } });
  await attempt(a, { at: "2026-03-01T08:15:30.123Z", rules: { B1: 1, B3: 2, OPS1: 1 } });
  await attempt(a, { at: "2026-03-02T23:59:59.999Z", mode: "REQUIZ", score: 100, rules: { B3: 2 } });
  await attempt(a, { at: "2026-03-03T00:00:00.001Z", score: null, redLine: null, rules: {} });
  await attempt(a, { at: "2026-03-04T12:00:00.000Z", score: 40, redLine: true, rules: { B1: 1, B3: 2, OPS1: 1 } });
  await attempt(a, { status: "OPEN", at: null });
  if (otherQuiz) await attempt(a, { quizId: otherQuiz.id, at: "2026-03-05T00:00:00.000Z" });
  await attempt(b, { at: "1999-12-31T16:00:00.500Z", rules: { B1: 1, B3: 2, OPS1: 1 } });
  await attempt(c, { at: "2026-03-06T00:00:00.000Z" });

  const read = await personInputs([a, b], (await caseWorkQuizId())!);
  const expected = await throughPrisma([a, b]);

  expect([...read.keys()].sort()).toEqual([a, b].sort());
  for (const id of [a, b]) {
    const got = byTime(read.get(id)!.attempts);
    expect(got).toEqual(byTime(expected.get(id)!));
    for (const x of got) expect(x.submittedAt).toBeInstanceOf(Date);
  }
  expect(read.get(a)!.attempts).toHaveLength(4);
  // The rule sets read back are the stored ones, whichever attempts share them.
  const sets = byTime(read.get(a)!.attempts).map((x) => x.ruleVersions);
  expect(sets).toEqual([{ B1: 1, B3: 2, OPS1: 1 }, { B3: 2 }, {}, { B1: 1, B3: 2, OPS1: 1 }]);
});

it("a person without attempts has none, and no quiz means no attempts", async () => {
  const quizId = (await caseWorkQuizId())!;
  const none = await db.person.findFirstOrThrow({ where: { quizAttempts: { none: {} } }, select: { id: true } });
  expect((await personInputs([none.id], quizId)).get(none.id)).toMatchObject({ attempts: [] });
  await attempt(none.id, {});
  expect((await personInputs([none.id], quizId)).get(none.id)!.attempts).toHaveLength(1);
  expect((await personInputs([none.id], null)).get(none.id)).toMatchObject({ attempts: [] });
});
