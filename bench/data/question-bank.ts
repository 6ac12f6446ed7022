// The bench company's large question bank (pure, no I/O): thousands of questions over the call-script
// rules, made from what each rule asks for and forbids (rule-practices.ts, the clauses of the rule's own
// text) and from the demo bank's situations and true/false statements, put under the stems a training
// department writes. One seeded sequence gives the same bank every time.
import type { QuestionSeed } from "../../prisma/seed/quiz-bank-1";
import type { RuleSeed } from "../../prisma/seed/quiz-rules-data";

import type { Rng } from "./random";
import { PRACTICES } from "./rule-practices";
import { BANKS } from "./vocabulary";

export type RuleVocabulary = {
  rule: RuleSeed;
  /** Practices the rule asks for. */
  good: string[];
  /** Practices it forbids. */
  bad: string[];
  /** The demo's situations ("…你应当：") with their own right and wrong options. */
  scenarios: Array<{ stem: string; right: string; wrong: string[] }>;
  /** The demo's true/false statements. */
  statements: Array<{ text: string; truth: boolean }>;
};

const clean = (s: string) => s.trim().replace(/[。；，]+$/, "");

/** What each rule asks for and forbids, and the demo's questions about it to vary. */
export function ruleVocabulary(rules: readonly RuleSeed[], bank: readonly QuestionSeed[]): RuleVocabulary[] {
  return rules.map((rule) => {
    const practices = PRACTICES[rule.id] ?? { good: [], bad: [] };
    const clauses = rule.textZh
      .split(/[。；]/)
      .map(clean)
      .filter((c) => c.length >= 8 && c.length <= 40 && !c.includes("{company}"));
    const own = bank.filter((q) => q.rules[0] === rule.id);
    return {
      rule,
      good: [...new Set([...practices.good, ...clauses])],
      bad: practices.bad,
      scenarios: own
        .filter((q) => q.kind !== "TRUE_FALSE" && q.correct.length === 1 && q.stem.endsWith("你应当："))
        .map((q) => ({
          stem: q.stem,
          right: q.options[q.correct[0]],
          wrong: q.options.filter((_, i) => i !== q.correct[0]),
        })),
      statements: own
        .filter((q) => q.kind === "TRUE_FALSE")
        .map((q) => ({ text: clean(q.stem), truth: q.correct[0] === 0 })),
    };
  });
}

const ASKERS = [
  "",
  "新员工入职培训时，讲师提问：",
  "质检复核通话录音后，组长提问：",
  "组长带教新人时问：",
  "部门晨会抽查话术规范：",
  "季度合规考试：",
  "话术规范专项复训课上，讲师提问：",
];

function pickSome<T>(list: readonly T[], n: number, r: Rng): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r.next() * pool.length), 1)[0]);
  return out;
}

/** Right and wrong options in a seeded order, with the indices of the right ones. */
function arrange(right: readonly string[], wrong: readonly string[], r: Rng) {
  const tagged = pickSome(
    [...right.map((text) => ({ text, ok: true })), ...wrong.map((text) => ({ text, ok: false }))],
    right.length + wrong.length,
    r,
  );
  return {
    options: tagged.map((t) => t.text),
    correct: tagged.flatMap((t, i) => (t.ok ? [i] : [])),
  };
}

function oneQuestion(v: RuleVocabulary, kind: QuestionSeed["kind"], r: Rng): QuestionSeed {
  const { id, titleZh: title, textZh } = v.rule;
  const rules = [id];
  const explanation = `${id}「${title}」：${textZh}`;
  const asker = r.pick(ASKERS);
  if (kind === "TRUE_FALSE") {
    if (v.statements.length > 0 && r.chance(0.2)) {
      const s = r.pick(v.statements);
      return {
        rules,
        kind,
        stem: `${asker}${s.text}。`,
        options: ["正确", "错误"],
        correct: [s.truth ? 0 : 1],
        explanation,
      };
    }
    const truth = r.chance(0.5);
    const statement = r.pick(truth ? v.good : v.bad);
    const stem = r.pick([
      `${asker}${statement}——这一做法符合 ${id}「${title}」的要求。`,
      `${asker}按照话术规范 ${id}，${statement}。`,
      `${asker}“${statement}”是否符合「${title}」？`,
    ]);
    return { rules, kind, stem, options: ["正确", "错误"], correct: [truth ? 0 : 1], explanation };
  }
  if (kind === "MULTIPLE") {
    const right = pickSome(v.good, r.int(2, Math.min(3, v.good.length)), r);
    const stem = r.pick([
      `${asker}下列做法中，符合「${title}」要求的有（多选）：`,
      `${asker}依据 ${id}，以下哪些做法是正确的？（多选）`,
    ]);
    return { rules, kind, stem, ...arrange(right, pickSome(v.bad, 4 - right.length, r), r), explanation };
  }
  if (kind === "SCENARIO" && v.scenarios.length > 0) {
    const s = r.pick(v.scenarios);
    const bank = r.pick(BANKS);
    const context = `${bank}委案，欠款 ${r.int(3, 180) * 500} 元，逾期 ${r.int(31, 720)} 天。`;
    const wrong = pickSome(
      [...new Set([...s.wrong, ...v.bad])].filter((w) => w !== s.right),
      3,
      r,
    );
    return { rules, kind, stem: context + s.stem, ...arrange([s.right], wrong, r), explanation };
  }
  // SINGLE (and a scenario for a rule without one): one right practice among three wrong, or the reverse.
  if (v.good.length >= 3 && r.chance(0.3)) {
    const stem = r.pick([`${asker}下列哪一项违反了「${title}」的要求？`, `${asker}以下做法中，不符合 ${id} 的是：`]);
    return { rules, kind: "SINGLE", stem, ...arrange([r.pick(v.bad)], pickSome(v.good, 3, r), r), explanation };
  }
  const stem =
    kind === "SCENARIO"
      ? `你在处理${r.pick(BANKS)}的一件委案（逾期 ${r.int(31, 720)} 天），通话中遇到与「${title}」有关的情形，你应当：`
      : r.pick([
          `${asker}关于「${title}」，下列做法正确的是：`,
          `${asker}按照话术规范 ${id}，催收员应当：`,
          `${asker}下列哪一项符合「${title}」的要求？`,
        ]);
  return { rules, kind, stem, ...arrange([r.pick(v.good)], pickSome(v.bad, 3, r), r), explanation };
}

/**
 * `total` questions, as many for each rule (round robin), of every kind: about 35 % single choice,
 * 25 % scenario, 15 % multiple choice and 25 % true/false. No two share both stem and options.
 */
export function* benchQuestions(vocabulary: readonly RuleVocabulary[], total: number, r: Rng) {
  const seen = new Set<string>();
  for (let i = 0; i < total; i++) {
    const v = vocabulary[i % vocabulary.length];
    const x = r.next();
    const kind =
      x < 0.35 ? "SINGLE" : x < 0.6 ? "SCENARIO" : x < 0.75 && v.good.length >= 2 ? "MULTIPLE" : "TRUE_FALSE";
    let q = oneQuestion(v, kind, r);
    for (let tries = 0; seen.has(key(q)) && tries < 50; tries++) q = oneQuestion(v, kind, r);
    seen.add(key(q));
    yield q;
  }
}

const key = (q: QuestionSeed) =>
  `${q.stem}|${q.options
    .map((o, i) => (q.correct.includes(i) ? "+" : "-") + o)
    .sort()
    .join("|")}`;
