// The quiz side of the bench company: a large question bank on top of the demo's, and three years of
// attempts, each with its per-question rows (what was drawn, in which order, what was chosen, right or
// wrong) whose totals are the attempt's score. Attempts and their questions are streamed at once over
// two connections (two COPYs), with the tables' secondary indexes and foreign keys put back afterwards.
import pg from "pg";

import { BANK_1 } from "../../prisma/seed/quiz-bank-1";
import { BANK_2 } from "../../prisma/seed/quiz-bank-2";
import { RULES } from "../../prisma/seed/quiz-rules-data";
import { cpuSeconds } from "../support/bench-server";

import { answerAttempt, drawFromBank, mostMissedToPass, type BankQuestion } from "./attempt-answers";
import { DAY, type Ctx } from "./context";
import { CopyWriter, copyRows, withForeignKeysDeferred, withIndexesDeferred } from "./copy";
import { benchQuestions, ruleVocabulary } from "./question-bank";
import { benchId, isoInstant, rng, type Cell } from "./random";

export const QUIZ_TOTALS = {
  attempts: Number(process.env.BENCH_ATTEMPTS ?? 300_000),
  /** The whole bank, the demo's 77 questions included. */
  questions: Number(process.env.BENCH_QUESTIONS ?? 3_000),
};

/**
 * The bank grows to QUIZ_TOTALS.questions: the rest made from the rules' vocabulary, active, as if
 * seeded long ago.
 */
export async function addQuestionBank(ctx: Ctx) {
  const { client, at } = ctx;
  const r = rng(ctx.seed + 1);
  const existing = Number((await client.query(`SELECT count(*) FROM "QuizQuestion"`)).rows[0].count);
  const ruleIds = new Set(
    ((await client.query(`SELECT id FROM "CallRule"`)).rows as Array<{ id: string }>).map((x) => x.id),
  );
  const vocabulary = ruleVocabulary(
    RULES.filter((rule) => ruleIds.has(rule.id)),
    [...BANK_1, ...BANK_2],
  );
  const since = at.getTime() - 3 * 365 * DAY - 30 * DAY;
  const questions: Cell[][] = [];
  const options: Cell[][] = [];
  const tags: Cell[][] = [];
  let k = 0;
  for (const q of benchQuestions(vocabulary, Math.max(0, QUIZ_TOTALS.questions - existing), r)) {
    const id = ctx.id("qq");
    const createdAt = new Date(since + k++ * 60_000);
    questions.push([id, q.kind, q.stem, q.explanation, true, "seed", false, createdAt, createdAt]);
    q.options.forEach((text, i) => options.push([ctx.id("qo"), id, text, q.correct.includes(i), i]));
    for (const ruleId of q.rules) tags.push([id, ruleId]);
  }
  const columns = ["id", "kind", "stem", "explanation", "active", "source", "reviewPending", "createdAt", "updatedAt"];
  await copyRows(client, "QuizQuestion", columns, questions);
  await copyRows(client, "QuizOption", ["id", "questionId", "text", "isCorrect", "sortOrder"], options);
  await copyRows(client, "QuizQuestionRule", ["questionId", "ruleId"], tags);
  return { questions: existing + questions.length, added: questions.length, options: options.length };
}

/** The active bank by rule, each question red-line when one of its rules is in its current version. */
async function bankByRule(client: pg.Client): Promise<Map<string, BankQuestion[]>> {
  const rows = (
    await client.query(
      `SELECT q.id, q.kind::text AS kind,
              ARRAY(SELECT o.id FROM "QuizOption" o WHERE o."questionId" = q.id
                    ORDER BY o."sortOrder", o.id) AS "optionIds",
              ARRAY(SELECT o.id FROM "QuizOption" o WHERE o."questionId" = q.id AND o."isCorrect"
                    ORDER BY o."sortOrder", o.id) AS "correctIds",
              ARRAY(SELECT t."ruleId" FROM "QuizQuestionRule" t WHERE t."questionId" = q.id
                    ORDER BY t."ruleId") AS "ruleIds",
              EXISTS (SELECT 1 FROM "QuizQuestionRule" t JOIN "CallRule" c ON c.id = t."ruleId"
                      JOIN "CallRuleVersion" v ON v."ruleId" = c.id AND v.version = c."currentVersion"
                      WHERE t."questionId" = q.id AND v."redLine") AS "redLine"
       FROM "QuizQuestion" q WHERE q.active ORDER BY q.id`,
    )
  ).rows as BankQuestion[];
  const byRule = new Map<string, BankQuestion[]>();
  for (const q of rows) for (const ruleId of q.ruleIds) byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), q]);
  return byRule;
}

type QuizRow = {
  id: string;
  passPercent: number;
  grantsCertification: boolean;
  timeLimitMinutes: number;
  draws: Array<{ ruleId: string; count: number }>;
  versions: object;
};

const ATTEMPT_COLUMNS = [
  "id",
  "quizId",
  "personId",
  "mode",
  "status",
  "startedAt",
  "deadlineAt",
  "submittedAt",
  "autoSubmitted",
  "passPercent",
  "ruleVersions",
  "questionCount",
  "correctCount",
  "scorePercent",
  "passed",
  "redLineMissed",
  "missedRuleIds",
];
const QUESTION_COLUMNS = [
  "id",
  "attemptId",
  "questionId",
  "position",
  "optionOrder",
  "multiple",
  "selected",
  "answeredAt",
  "correct",
  "ruleIds",
  "redLine",
];

// Ids of bank questions, options and attempts, and rule ids, are plain [A-Za-z0-9_-]: written as they
// are, without copyLine's escaping, which is most of the time of 7 million rows.
const list = (ids: readonly string[]) => `{${ids.join(",")}}`;

export async function addQuizAttempts(ctx: Ctx) {
  const { client, r, id, at, company } = ctx;
  const answers = rng(ctx.seed + 2);
  const quizzes = (
    await client.query(
      `SELECT q.id, q."passPercent", q."grantsCertification", q."timeLimitMinutes",
              coalesce(json_agg(json_build_object('ruleId', d."ruleId", 'count', d.count) ORDER BY c."sortOrder")
                       FILTER (WHERE d."ruleId" IS NOT NULL), '[]') AS draws,
              coalesce(jsonb_object_agg(d."ruleId", c."currentVersion")
                       FILTER (WHERE d."ruleId" IS NOT NULL), '{}') AS versions
       FROM "Quiz" q LEFT JOIN "QuizRuleDraw" d ON d."quizId" = q.id LEFT JOIN "CallRule" c ON c.id = d."ruleId"
       WHERE q.active GROUP BY q.id ORDER BY q.code`,
    )
  ).rows as QuizRow[];
  const byRule = await bankByRule(client);
  const certifying = quizzes.find((q) => q.grantsCertification) ?? quizzes[0];
  const agents = company.people.filter((p) => p.agent);
  const span = 3 * 365 * DAY;
  const perAgent = Math.ceil(QUIZ_TOTALS.attempts / agents.length);
  const second = new pg.Client({ connectionString: ctx.url });
  await second.connect();
  await second.query("SET synchronous_commit = off");
  const secondPid = Number((await second.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
  let secondCpu = Number.NaN;
  let made = 0;
  let asked = 0;
  let passed = 0;
  const stream = async () => {
    const attempts = new CopyWriter(client, "QuizAttempt", ATTEMPT_COLUMNS);
    const questions = new CopyWriter(second, "QuizAttemptQuestion", QUESTION_COLUMNS);
    for (const p of agents) {
      const from = Math.max(p.hireDate.getTime(), at.getTime() - span);
      const certifiedNow = r.chance(0.75);
      for (let k = 0; k < perAgent && made < QUIZ_TOTALS.attempts; k++, made++) {
        // The last attempt is the certifying quiz, passed by three in four; the rest are spread over the years.
        const last = k === perAgent - 1;
        const quiz = last || r.chance(0.4) ? certifying : r.pick(quizzes);
        const startedAt = new Date(
          last ? at.getTime() - r.int(1, 300) * DAY : from + r.next() * (at.getTime() - from - DAY),
        );
        const target = last
          ? certifiedNow
            ? r.int(quiz.passPercent, 100)
            : r.int(40, quiz.passPercent - 1)
          : r.int(40, 100);
        const submittedAt = new Date(startedAt.getTime() + r.int(3, Math.max(4, quiz.timeLimitMinutes)) * 60_000);
        // The draw the first version made here (kept, so every other table stays as it was for this seed).
        if (target < quiz.passPercent) r.chance(0.3);

        const drawn = drawFromBank(byRule, quiz.draws, answers);
        const n = drawn.length;
        const canMiss = mostMissedToPass(n, quiz.passPercent);
        let wrong = n - Math.round((n * target) / 100);
        // A pass the certification needs misses no red line and stays at the pass mark; a planned failure fails.
        if (last && certifiedNow) wrong = Math.min(wrong, canMiss);
        if (last && !certifiedNow) wrong = Math.max(wrong, Math.min(n, canMiss + 1));
        const { answers: rows, score } = answerAttempt(drawn, wrong, last && certifiedNow, quiz.passPercent, answers);
        const attemptId = id("qt");
        if (score.passed) passed++;
        const full = attempts.push([
          attemptId,
          quiz.id,
          p.id,
          "FULL",
          "SUBMITTED",
          startedAt,
          new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000),
          submittedAt,
          false,
          quiz.passPercent,
          quiz.versions,
          n,
          score.correctCount,
          score.scorePercent,
          score.passed,
          score.redLineMissed,
          score.missedRuleIds,
        ]);
        if (full) await full;
        const step = (submittedAt.getTime() - startedAt.getTime()) / (n + 1);
        for (const [position, a] of rows.entries()) {
          const answeredAt = isoInstant(startedAt.getTime() + Math.round(step * (position + 1)));
          const more = questions.pushLine(
            `${benchId("aq", asked)}\t${attemptId}\t${a.question.id}\t${position}\t${list(a.optionOrder)}\t` +
              `${a.question.kind === "MULTIPLE" ? "t" : "f"}\t${list(a.selected)}\t${answeredAt}\t` +
              `${a.correct ? "t" : "f"}\t${list(a.question.ruleIds)}\t${a.question.redLine ? "t" : "f"}\n`,
          );
          asked++;
          if (more) await more;
        }
      }
    }
    await Promise.all([attempts.end(), questions.end()]);
  };
  try {
    await withIndexesDeferred(client, "QuizAttempt", () =>
      withIndexesDeferred(client, "QuizAttemptQuestion", () =>
        withForeignKeysDeferred(client, "QuizAttempt", () =>
          withForeignKeysDeferred(client, "QuizAttemptQuestion", stream),
        ),
      ),
    );
    // The second connection's backend: its CPU is not in the step's figure for the database.
    secondCpu = cpuSeconds(secondPid);
  } finally {
    await second.end();
  }
  return { attempts: made, passed, questions: asked, secondConnectionCpuSeconds: secondCpu };
}
