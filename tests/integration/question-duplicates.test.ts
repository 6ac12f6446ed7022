// The bank's duplicate check reads only the questions whose stem key matches (QuizQuestion_stem_key_idx), and
// finds exactly the duplicates that comparing with every stem of the bank finds (duplicatesIn over the whole
// bank, as before): stems that differ in width, case, spacing or İ are duplicates; a stem one character apart
// is not.
import { describe, expect, it } from "vitest";

import { bankDuplicates, bankQuestionsLike } from "~/domain/quiz/question-duplicates.server";
import { duplicatesIn } from "~/domain/quiz/question-review-rules";
import { db } from "~/utils/db.server";

import { createQuestions } from "../../prisma/seed/quiz-factories";

import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const VARIANTS = [
  "客户称暂时没钱还款，催收员应如何回应？",
  "  客户称暂时没钱还款，催收员应如何回应？\t",
  "客户称暂时没钱还款,催收员应如何回应?",
  "客户称暂时　没钱还款，催收员应如何回应？",
  "客户称暂时没钱还款，催收员应如何回应!",
  "客户称暂时没钱还款，催收员应如何回应吗？",
  "第１２条：ＡＢＣ 规则",
  "第12条：abc   规则",
  "第12条：ABC规则",
  "İstanbul office calls",
  "i̇stanbul OFFICE calls",
  "istanbul office calls",
  "Ünd was nun",
  "ünd was nun",
  "？？？",
  "!!!",
];

async function addVariants() {
  const ids = await createQuestions(
    db,
    VARIANTS.map((stem) => ({
      rules: ["B1"],
      kind: "TRUE_FALSE" as const,
      stem,
      options: ["对", "错"],
      correct: [0],
      explanation: "—",
    })),
    "test",
    DEMO_AT,
  );
  return new Map(VARIANTS.map((stem, i) => [stem, ids[i]]));
}

const sorted = (found: Map<string, Array<{ id: string }>>) =>
  [...found].map(([id, same]) => [id, same.map((q) => q.id).sort()]).sort(([a], [b]) => (a < b ? -1 : 1));

describe("the question bank's duplicate check", () => {
  it("finds the same duplicates as comparing every question with the whole bank", async () => {
    const ids = await addVariants();
    const bank = await db.quizQuestion.findMany({ select: { id: true, stem: true } });
    expect(bank.length).toBeGreaterThan(VARIANTS.length);

    const everyOne = sorted(await bankDuplicates(bank));
    expect(everyOne).toEqual(sorted(duplicatesIn(bank, bank)));

    // What the rule calls the same (so the comparison above is not between two empty answers).
    const of = (stem: string) => everyOne.find(([id]) => id === ids.get(stem))?.[1] ?? [];
    const idsOf = (...stems: string[]) => stems.map((s) => ids.get(s)!).sort();
    expect(of(VARIANTS[0])).toEqual(idsOf(VARIANTS[1], VARIANTS[2]));
    expect(of(VARIANTS[3])).toEqual([]);
    expect(of(VARIANTS[6])).toEqual(idsOf(VARIANTS[7]));
    expect(of(VARIANTS[9])).toEqual(idsOf(VARIANTS[10]));
    expect(of(VARIANTS[12])).toEqual(idsOf(VARIANTS[13]));
  });

  it("an import's new rows are compared with the bank and with each other", async () => {
    await addVariants();
    const candidates = [
      { id: "new:0", stem: "客户称暂时没钱还款，催收员应如何回应？ " },
      { id: "new:1", stem: "全新的题目" },
      { id: "new:2", stem: "全新的题目 " },
    ];
    const bank = await db.quizQuestion.findMany({ select: { id: true, stem: true } });
    const found = await bankDuplicates(candidates, candidates);
    expect(sorted(found)).toEqual(sorted(duplicatesIn(candidates, [...bank, ...candidates])));
    expect(found.get("new:0")?.length).toBe(3);
    expect(found.get("new:1")?.map((q) => q.id)).toEqual(["new:2"]);
  });

  it("reads only the questions whose stem key matches, not every stem", async () => {
    await addVariants();
    const bank = await db.quizQuestion.count();
    const read = await bankQuestionsLike([VARIANTS[0]]);
    // The key is coarser than the rule: the same text with a space inside or other punctuation is read too.
    expect(read.map((q) => q.stem).sort()).toEqual(VARIANTS.slice(0, 5).sort());
    expect(read.length).toBeLessThan(bank);
  });
});
