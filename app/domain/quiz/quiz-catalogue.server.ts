// What starting an attempt reads besides the agent's own attempts: the active quizzes' blueprints,
// the active question pool (ids, kinds, rule tags, option ids) and every rule version. In
// production a copy is kept per process: 500 agents starting together then cost one read instead
// of 500. Every writer announces a change through the change feed (`notifyQuizChange`), so while
// this process listens the copy lasts until a change (a minute at most); while it does not, two
// seconds. Attempts already started keep what they drew. Tests always read.
import { versionInForce } from "~/domain/certification/certification-rules";
import { isFeedLive, notifyChange, onChange } from "~/utils/change-feed.server";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sql } from "~/utils/sql.server";

import { indexPoolByRule } from "./quiz-rules";

const production = env().NODE_ENV === "production";
const cacheMs = () => (!production ? 0 : isFeedLive() ? 60_000 : 2_000);

export type QuizBlueprint = {
  id: string;
  timeLimitMinutes: number;
  passPercent: number;
  attemptsPerDay: number;
  cooldownMinutes: number;
  grantsCertification: boolean;
  draws: Array<{ ruleId: string; count: number }>;
};
export type PooledQuestion = {
  id: string;
  kind: "SINGLE" | "MULTIPLE" | "TRUE_FALSE" | "SCENARIO";
  ruleIds: string[];
  optionIds: string[];
};
type RuleVersion = { ruleId: string; version: number; redLine: boolean; effectiveAt: Date };
export type QuizCatalogue = {
  quizzes: Map<string, QuizBlueprint>;
  pool: PooledQuestion[];
  /** Each rule's questions by position in `pool` (indexPoolByRule): a start reads its rules' only. */
  poolByRule: Map<string, number[]>;
  versions: RuleVersion[];
};

let cached: { value: QuizCatalogue; at: number; generation: number } | null = null;
let loading: Promise<QuizCatalogue> | null = null;
// Bumped by every change: a read that started before it is neither kept nor shared after it.
let generation = 0;
onChange("quiz", () => forgetQuizCatalogue());

export async function quizCatalogue(): Promise<QuizCatalogue> {
  if (cached && cached.generation === generation && Date.now() - cached.at < cacheMs()) return cached.value;
  // Concurrent starts share one read.
  if (!loading) {
    const started = { at: Date.now(), generation };
    const read: Promise<QuizCatalogue> = readCatalogue()
      .then((value) => {
        if (started.generation === generation) cached = { value, ...started };
        return value;
      })
      // A change may have let a newer read start meanwhile: that one stays shared.
      .finally(() => loading === read && (loading = null));
    loading = read;
  }
  return loading;
}

async function readCatalogue(): Promise<QuizCatalogue> {
  const [quizzes, pool, versions] = await Promise.all([
    sql<QuizBlueprint>(
      `SELECT q.id, q."timeLimitMinutes", q."passPercent", q."attemptsPerDay", q."cooldownMinutes",
              q."grantsCertification",
              COALESCE((SELECT json_agg(json_build_object('ruleId', d."ruleId", 'count', d.count)
                                        ORDER BY r."sortOrder")
                        FROM "QuizRuleDraw" d JOIN "CallRule" r ON r.id = d."ruleId" WHERE d."quizId" = q.id),
                       '[]'::json) AS draws
       FROM "Quiz" q WHERE q.active`,
    ),
    sql<PooledQuestion>(
      `SELECT q.id, q.kind::text AS kind,
              ARRAY(SELECT t."ruleId" FROM "QuizQuestionRule" t WHERE t."questionId" = q.id
                    ORDER BY t."ruleId") AS "ruleIds",
              ARRAY(SELECT o.id FROM "QuizOption" o WHERE o."questionId" = q.id
                    ORDER BY o."sortOrder", o.id) AS "optionIds"
       FROM "QuizQuestion" q WHERE q.active ORDER BY q.id`,
    ),
    sql<RuleVersion>(`SELECT "ruleId", version, "redLine", "effectiveAt" FROM "CallRuleVersion"`),
  ]);
  return { quizzes: new Map(quizzes.map((q) => [q.id, q])), pool, poolByRule: indexPoolByRule(pool), versions };
}

/** Version in force and red-line flag of every rule at `at`: the versions the certification compares against. */
export function ruleFlagsAt(versions: readonly RuleVersion[], at: Date) {
  const out = new Map<string, { version: number; redLine: boolean }>();
  for (const ruleId of new Set(versions.map((v) => v.ruleId))) {
    const v = versionInForce(
      versions.filter((x) => x.ruleId === ruleId),
      at,
    );
    if (v) out.set(ruleId, { version: v.version, redLine: v.redLine });
  }
  return out;
}

/** Forget the copy (after this process changed a blueprint, a question or a rule). */
export function forgetQuizCatalogue() {
  generation++;
  cached = null;
  loading = null;
}

/** Inside the transaction that changes a blueprint, a question or a rule: every process forgets its copy at commit
 * (and the clearance snapshots look again). */
export function notifyQuizChange(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  return notifyChange(tx, "quiz");
}
