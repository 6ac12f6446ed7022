import { describe, expect, it } from "vitest";

import {
  canStart,
  drawQuestions,
  indexPoolByRule,
  isCorrect,
  openFirst,
  poolForRules,
  recentlySeen,
  scoreAttempt,
  seededRandom,
  shuffle,
} from "./quiz-rules";

describe("drawing questions from a blueprint", () => {
  const pool = [
    ...["a1", "a2", "a3", "a4"].map((id) => ({ id, ruleIds: ["B3"] })),
    ...["b1", "b2"].map((id) => ({ id, ruleIds: ["B5"] })),
    { id: "ab", ruleIds: ["B3", "B5"] },
  ];

  it("draws the asked number per rule, never the same question twice", () => {
    for (let seed = 0; seed < 50; seed++) {
      const { questions, short } = drawQuestions(
        pool,
        [
          { ruleId: "B3", count: 3 },
          { ruleId: "B5", count: 2 },
        ],
        seededRandom(String(seed)),
      );
      const ids = questions.map((q) => q.questionId);
      expect(new Set(ids).size).toBe(5);
      expect(questions.filter((q) => q.forRule === "B3")).toHaveLength(3);
      expect(short).toEqual([]);
    }
  });

  it("reports a rule whose bank is too small instead of inventing questions", () => {
    const { questions, short } = drawQuestions(pool, [{ ruleId: "B5", count: 5 }], seededRandom("x"));
    expect(questions).toHaveLength(3);
    expect(short).toEqual([{ ruleId: "B5", missing: 2 }]);
  });

  it("is the same for the same seed and differs between seeds", () => {
    const draw = (seed: string) =>
      drawQuestions(pool, [{ ruleId: "B3", count: 4 }], seededRandom(seed))
        .questions.map((q) => q.questionId)
        .join();
    expect(draw("s1")).toBe(draw("s1"));
    expect(new Set(["s1", "s2", "s3", "s4", "s5"].map(draw)).size).toBeGreaterThan(1);
  });

  it("avoids the questions of the person's recent attempts while the bank has others", () => {
    const seen = recentlySeen([
      { attemptsAgo: 1, questionId: "a1" },
      { attemptsAgo: 1, questionId: "a2" },
      { attemptsAgo: 1, questionId: "b1" },
    ]);
    for (let seed = 0; seed < 50; seed++) {
      const ids = drawQuestions(
        pool,
        [
          { ruleId: "B3", count: 2 },
          { ruleId: "B5", count: 1 },
        ],
        seededRandom(String(seed)),
        seen,
      ).questions.map((q) => q.questionId);
      expect(
        ids.filter((id) => seen.has(id)),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });

  it("when the bank is too small, repeats only what it must, the ones seen longest ago first", () => {
    // B5 has b1, b2 and ab; all three were seen, b2 three attempts ago, ab two, b1 in the last one.
    const seen = recentlySeen([
      { attemptsAgo: 3, questionId: "b2" },
      { attemptsAgo: 2, questionId: "ab" },
      { attemptsAgo: 1, questionId: "b1" },
      { attemptsAgo: 3, questionId: "b1" },
    ]);
    expect(seen.get("b1")).toBe(1);
    for (let seed = 0; seed < 20; seed++) {
      const { questions, short } = drawQuestions(pool, [{ ruleId: "B5", count: 2 }], seededRandom(String(seed)), seen);
      expect(questions.map((q) => q.questionId).sort()).toEqual(["ab", "b2"]);
      expect(short).toEqual([]);
    }
  });

  it("shuffling keeps every item", () => {
    expect(shuffle([1, 2, 3, 4, 5], seededRandom("y")).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("a start's pool: only the drawn rules' questions, in the bank's order", () => {
  const rules = ["B3", "B5", "B6", "OPS3"];
  // A bank with questions tagged with one rule, several, the same rule twice, or none.
  const bank = Array.from({ length: 60 }, (_, i) => ({
    id: `q${i}`,
    ruleIds: i % 7 === 0 ? [] : i % 5 === 0 ? [rules[i % 4], rules[(i + 1) % 4], rules[i % 4]] : [rules[i % 4]],
  }));
  const byRule = indexPoolByRule(bank);
  const filtered = (ruleIds: string[]) => bank.filter((q) => q.ruleIds.some((id) => ruleIds.includes(id)));

  it("is the same list as filtering the whole bank, for any set of rules", () => {
    for (const ruleIds of [["B3"], ["B5", "B3"], ["OPS3", "B6", "B6"], rules, ["B9"], []])
      expect(poolForRules(bank, byRule, ruleIds)).toEqual(filtered(ruleIds));
  });

  it("so a seeded draw picks the same questions as from the filtered bank", () => {
    const draws = [
      { ruleId: "B5", count: 2 },
      { ruleId: "B3", count: 3 },
    ];
    for (let seed = 0; seed < 20; seed++)
      expect(drawQuestions(poolForRules(bank, byRule, ["B5", "B3"]), draws, seededRandom(`s${seed}`))).toEqual(
        drawQuestions(filtered(["B5", "B3"]), draws, seededRandom(`s${seed}`)),
      );
  });

  it("lists a question once per rule it is tagged with, in the bank's order", () => {
    expect(indexPoolByRule([{ ruleIds: ["B3", "B3"] }, { ruleIds: [] }, { ruleIds: ["B5", "B3"] }])).toEqual(
      new Map([
        ["B3", [0, 2]],
        ["B5", [2]],
      ]),
    );
  });
});

describe("scoring", () => {
  const q = (correct: string[], selected: string[], redLine = false, ruleIds = ["B9"]) => ({
    ruleIds,
    redLine,
    correctOptionIds: correct,
    selected,
  });

  it("multiple choice is right only with exactly the correct options", () => {
    expect(isCorrect(["a", "b"], ["b", "a"])).toBe(true);
    expect(isCorrect(["a", "b"], ["a"])).toBe(false);
    expect(isCorrect(["a", "b"], ["a", "b", "c"])).toBe(false);
    expect(isCorrect(["a"], [])).toBe(false);
  });

  it("passes at the pass mark and lists the rules missed", () => {
    const questions = [...Array.from({ length: 9 }, () => q(["a"], ["a"])), q(["a"], ["b"], false, ["B16"])];
    expect(scoreAttempt(questions, 90)).toMatchObject({
      correctCount: 9,
      scorePercent: 90,
      passed: true,
      redLineMissed: false,
      missedRuleIds: ["B16"],
    });
    expect(scoreAttempt(questions, 91).passed).toBe(false);
  });

  it("one wrong answer on a red-line rule fails the quiz whatever the score", () => {
    const questions = [...Array.from({ length: 19 }, () => q(["a"], ["a"])), q(["a"], ["b"], true, ["B3"])];
    expect(scoreAttempt(questions, 90)).toMatchObject({
      scorePercent: 95,
      passed: false,
      redLineMissed: true,
      missedRuleIds: ["B3"],
    });
  });

  it("an unanswered question counts as wrong", () => {
    expect(scoreAttempt([q(["a"], [])], 50)).toMatchObject({ scorePercent: 0, passed: false });
  });
});

describe("who may start an attempt", () => {
  const policy = { attemptsPerDay: 2, cooldownMinutes: 30 };
  const tz = "Asia/Shanghai";
  const at = new Date("2026-03-02T06:00:00Z"); // 14:00 in Shanghai

  it("anyone with no attempts may start", () => {
    expect(canStart([], policy, at, tz)).toEqual({ ok: true });
  });

  it("waits out the cooldown after a failure", () => {
    const failed = {
      startedAt: new Date("2026-03-02T05:40:00Z"),
      submittedAt: new Date("2026-03-02T05:50:00Z"),
      passed: false,
    };
    expect(canStart([failed], policy, at, tz)).toEqual({
      ok: false,
      reason: "cooldown",
      until: new Date("2026-03-02T06:20:00Z"),
    });
    expect(canStart([failed], policy, new Date("2026-03-02T06:20:00Z"), tz)).toEqual({ ok: true });
  });

  it("counts the attempts of the company's calendar day", () => {
    const morning = {
      startedAt: new Date("2026-03-02T01:00:00Z"),
      submittedAt: new Date("2026-03-02T01:10:00Z"),
      passed: true,
    };
    const yesterdayLate = {
      startedAt: new Date("2026-03-01T15:30:00Z"),
      submittedAt: new Date("2026-03-01T15:40:00Z"),
      passed: true,
    }; // 23:30 Shanghai, 1 March
    expect(canStart([morning, yesterdayLate], policy, at, tz)).toEqual({ ok: true });
    const check = canStart([morning, morning], policy, at, tz);
    expect(check).toEqual({ ok: false, reason: "dailyLimit", until: new Date("2026-03-02T16:00:00Z") });
  });
});

describe("the attempts a start weighs", () => {
  const done = (id: string) => ({ id, status: "SUBMITTED" });
  const open = { id: "o", status: "OPEN" };

  it("puts the open attempt found by its key first, once, before the newest", () => {
    expect(openFirst([done("a"), open, done("b")], open).map((a) => a.id)).toEqual(["o", "a", "b"]);
    expect(openFirst([done("a"), done("b")], open).map((a) => a.id)).toEqual(["o", "a", "b"]);
  });

  it("falls back to an open attempt among the newest when none holds the key", () => {
    expect(openFirst([done("a"), open, done("b")], undefined).map((a) => a.id)).toEqual(["o", "a", "b"]);
  });

  it("keeps the newest first when nothing is open", () => {
    expect(openFirst([done("a"), done("b")], undefined).map((a) => a.id)).toEqual(["a", "b"]);
  });
});
