// The bench company generator's pure parts (bench/data): one seed gives the same sequence, ids and
// COPY lines every time, so two runs of `npm run bench:data` produce the same rows; the large question
// bank's answers are right, and a generated attempt's rows agree with its score.
import { describe, expect, it } from "vitest";

import { isCorrect } from "../../app/domain/quiz/quiz-rules";
import { answerAttempt, drawFromBank, mostMissedToPass, type BankQuestion } from "../../bench/data/attempt-answers";
import { benchQuestions, ruleVocabulary } from "../../bench/data/question-bank";
import { benchId, copyLine, isoInstant, rng } from "../../bench/data/random";
import { personName } from "../../bench/data/vocabulary";
import { BANK_1 } from "../../prisma/seed/quiz-bank-1";
import { BANK_2 } from "../../prisma/seed/quiz-bank-2";
import { RULES } from "../../prisma/seed/quiz-rules-data";

describe("bench data generator", () => {
  it("draws the same sequence from the same seed, and another from another", () => {
    const draw = (seed: number) => {
      const r = rng(seed);
      return Array.from({ length: 5 }, () => [r.int(1, 100), r.pick(["a", "b", "c"]), r.chance(0.5)]);
    };
    expect(draw(2026)).toEqual(draw(2026));
    expect(draw(2026)).not.toEqual(draw(2027));
    const r = rng(1);
    for (let i = 0; i < 1_000; i++) expect(r.int(3, 5)).toBeGreaterThanOrEqual(3);
  });

  it("makes short ids that sort by number and never look like a cuid", () => {
    expect(benchId("pp", 0)).toBe("bkpp0000000");
    expect(benchId("pp", 35)).toBe("bkpp000000z");
    expect(benchId("pp", 36) > benchId("pp", 35)).toBe(true);
    expect(personName(17)).toBe(personName(17));
  });

  it("writes instants as toISOString does", () => {
    const start = Date.UTC(2023, 11, 31, 23, 58, 0, 7);
    for (let k = 0; k < 5_000; k++) {
      const ms = start + k * 61_003 + (k % 7) * 86_400_000;
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it("writes COPY text lines: NULL, booleans, instants, arrays, JSON, and escaped tabs and newlines", () => {
    expect(
      copyLine([null, true, 3, new Date("2026-01-02T03:04:05Z"), ["B8", 'a"b'], [1, 2], { y: 1 }, "a\tb\nc\\d"]),
    ).toBe('\\N\tt\t3\t2026-01-02T03:04:05.000Z\t{"B8","a\\\\"b"}\t{1,2}\t{"y":1}\ta\\tb\\nc\\\\d\n');
  });
});

describe("bench question bank", () => {
  const vocabulary = ruleVocabulary(RULES, [...BANK_1, ...BANK_2]);
  const make = (seed: number) => [...benchQuestions(vocabulary, 480, rng(seed))];
  const negative = (stem: string) => /违反|不符合/.test(stem);

  it("is the same for the same seed, as many questions for every rule, no two alike", () => {
    const bank = make(7);
    expect(make(7)).toEqual(bank);
    expect(make(8)).not.toEqual(bank);
    for (const rule of RULES) expect(bank.filter((q) => q.rules[0] === rule.id)).toHaveLength(480 / RULES.length);
    const keys = bank.map((q) => `${q.stem}|${[...q.options].sort().join("|")}`);
    expect(new Set(keys).size).toBe(bank.length);
  });

  it("has the right answers: allowed practices when it asks what complies, forbidden when it asks what breaks", () => {
    const kinds = new Set<string>();
    for (const q of make(2026)) {
      kinds.add(q.kind);
      const v = vocabulary.find((x) => x.rule.id === q.rules[0])!;
      expect(new Set(q.options).size).toBe(q.options.length);
      if (q.kind === "TRUE_FALSE") {
        expect(q.options).toEqual(["正确", "错误"]);
        const statement = v.statements.find((x) => q.stem.endsWith(`${x.text}。`));
        // The longest practice the stem quotes (one may contain another).
        const said = [...v.good, ...v.bad].filter((p) => q.stem.includes(p)).sort((a, b) => b.length - a.length)[0];
        expect(statement ?? said).toBeDefined();
        const truth = statement ? statement.truth : v.good.includes(said!);
        expect(q.correct).toEqual([truth ? 0 : 1]);
        continue;
      }
      expect(q.correct.length).toBe(q.kind === "MULTIPLE" ? q.correct.length : 1);
      if (q.kind === "MULTIPLE") expect(q.correct.length).toBeGreaterThanOrEqual(2);
      const right = q.options.filter((_, i) => q.correct.includes(i));
      const wrong = q.options.filter((_, i) => !q.correct.includes(i));
      const scenario = v.scenarios.find((s) => q.stem.endsWith(s.stem));
      if (scenario) {
        expect(right).toEqual([scenario.right]);
        for (const w of wrong) expect([...scenario.wrong, ...v.bad]).toContain(w);
      } else {
        const [yes, no] = negative(q.stem) ? [v.bad, v.good] : [v.good, v.bad];
        for (const o of right) expect(yes).toContain(o);
        for (const o of wrong) expect(no).toContain(o);
      }
    }
    expect([...kinds].sort()).toEqual(["MULTIPLE", "SCENARIO", "SINGLE", "TRUE_FALSE"]);
  });
});

describe("bench attempt answers", () => {
  const question = (id: string, kind: BankQuestion["kind"], ruleId: string, redLine = false): BankQuestion => ({
    id,
    kind,
    optionIds: kind === "TRUE_FALSE" ? [`${id}t`, `${id}f`] : [`${id}a`, `${id}b`, `${id}c`, `${id}d`],
    correctIds: kind === "MULTIPLE" ? [`${id}a`, `${id}c`] : kind === "TRUE_FALSE" ? [`${id}f`] : [`${id}b`],
    ruleIds: [ruleId],
    redLine,
  });
  const rules = ["B1", "B3", "B8", "OPS3", "REC1"];
  const kinds: Array<BankQuestion["kind"]> = ["SINGLE", "MULTIPLE", "TRUE_FALSE", "SCENARIO"];
  const byRule = new Map(
    rules.map((ruleId, i) => [
      ruleId,
      Array.from({ length: 6 }, (_, k) => question(`${ruleId}q${k}`, kinds[(i + k) % 4], ruleId, i % 2 === 1)),
    ]),
  );

  it("draws the blueprint's count per rule, never a question twice", () => {
    const r = rng(3);
    for (let t = 0; t < 50; t++) {
      const drawn = drawFromBank(
        byRule,
        rules.map((ruleId) => ({ ruleId, count: 2 })),
        r,
      );
      expect(drawn).toHaveLength(10);
      expect(new Set(drawn.map((q) => q.id)).size).toBe(10);
      for (const ruleId of rules) expect(drawn.filter((q) => q.ruleIds[0] === ruleId)).toHaveLength(2);
    }
  });

  it("misses exactly the questions it says, and the attempt's totals are the app's score of those answers", () => {
    const r = rng(4);
    for (let wrong = 0; wrong <= 10; wrong++) {
      const drawn = drawFromBank(
        byRule,
        rules.map((ruleId) => ({ ruleId, count: 2 })),
        r,
      );
      const { answers, score } = answerAttempt(drawn, wrong, false, 80, r);
      expect(answers.filter((a) => !a.correct)).toHaveLength(wrong);
      for (const a of answers) {
        expect(isCorrect(a.question.correctIds, a.selected)).toBe(a.correct);
        expect([...a.optionOrder].sort()).toEqual([...a.question.optionIds].sort());
        for (const s of a.selected) expect(a.question.optionIds).toContain(s);
        if (a.question.kind === "TRUE_FALSE") expect(a.optionOrder).toEqual(a.question.optionIds);
      }
      expect(score.correctCount).toBe(10 - wrong);
      expect(score.scorePercent).toBe(Math.floor(((10 - wrong) * 100) / 10));
      const missedRed = answers.some((a) => !a.correct && a.question.redLine);
      expect(score.redLineMissed).toBe(missedRed);
      expect(score.passed).toBe(score.scorePercent >= 80 && !missedRed);
      expect(score.missedRuleIds.sort()).toEqual(
        [...new Set(answers.filter((a) => !a.correct).map((a) => a.question.ruleIds[0]))].sort(),
      );
    }
  });

  it("spares the red-line questions of an attempt meant to pass, which then passes at the mark", () => {
    const r = rng(5);
    expect(mostMissedToPass(24, 90)).toBe(2);
    expect(mostMissedToPass(10, 80)).toBe(2);
    expect(mostMissedToPass(5, 100)).toBe(0);
    for (let t = 0; t < 50; t++) {
      const drawn = drawFromBank(
        byRule,
        rules.map((ruleId) => ({ ruleId, count: 2 })),
        r,
      );
      const { answers, score } = answerAttempt(drawn, mostMissedToPass(10, 80), true, 80, r);
      expect(answers.some((a) => !a.correct && a.question.redLine)).toBe(false);
      expect(score.passed).toBe(true);
    }
  });
});
