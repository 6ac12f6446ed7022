import { describe, expect, it } from "vitest";

import { CATEGORIES } from "~/domain/plan/fields";
import { serverT } from "~/utils/i18n";

import {
  DEFAULT_QUESTIONS,
  defaultSurveyDeadline,
  hasOptions,
  inReadersLanguage,
  mayEditForm,
  moveInOrder,
  questionsFrozenBy,
  readAnswers,
  summarize,
  type QuestionView,
} from "./needs-rules";

const deadline = new Date("2026-12-15T15:59:59.999Z");
const open = { status: "OPEN" as const, deadline };

describe("who may still change a department's needs form", () => {
  const draft = { status: "DRAFT" as const, reopened: false };
  it("the department head, until the deadline", () => {
    expect(mayEditForm(draft, open, new Date("2026-12-15T15:00:00Z"), false)).toBe(true);
    expect(mayEditForm(draft, open, new Date("2026-12-16T00:00:00Z"), false)).toBe(false);
  });
  it("after the deadline, only when the training manager reopened it (or the manager themself)", () => {
    const late = new Date("2026-12-20T00:00:00Z");
    expect(mayEditForm({ ...draft, reopened: true }, open, late, false)).toBe(true);
    expect(mayEditForm(draft, open, late, true)).toBe(true);
  });
  it("nobody, once submitted or once the survey is closed", () => {
    expect(mayEditForm({ status: "SUBMITTED", reopened: false }, open, new Date("2026-12-01T00:00:00Z"), true)).toBe(
      false,
    );
    expect(mayEditForm(draft, { ...open, status: "CLOSED" }, new Date("2026-12-01T00:00:00Z"), true)).toBe(false);
  });
});

describe("reading questionnaire answers", () => {
  const questions: QuestionView[] = [
    { id: "a", kind: "MULTIPLE", options: ["x", "y", "z"], required: true },
    { id: "b", kind: "SINGLE", options: ["x", "y"], required: true },
    { id: "c", kind: "RATING", options: [], required: true },
    { id: "d", kind: "TEXT", options: [], required: false },
  ];
  it("keeps what was chosen", () => {
    const { answers, errors } = readAnswers(questions, { q_a: ["2", "0"], q_b: "1", q_c: "4", q_d: "" });
    expect(errors).toEqual({});
    expect(answers).toEqual([
      { questionId: "a", choices: [0, 2], text: null, rating: null },
      { questionId: "b", choices: [1], text: null, rating: null },
      { questionId: "c", choices: [], text: null, rating: 4 },
    ]);
  });
  it("names every missing or forged answer", () => {
    const { errors } = readAnswers(questions, { q_a: "7", q_b: ["0", "1"], q_c: "9", q_d: "x".repeat(1001) });
    expect(errors).toEqual({
      q_a: "validation.invalidChoice",
      q_b: "validation.invalidChoice",
      q_c: "validation.invalidChoice",
      q_d: 'validation.tooLong::{"max":1000}',
    });
    expect(readAnswers(questions, {}).errors).toMatchObject({
      q_a: "validation.required",
      q_b: "validation.required",
      q_c: "validation.required",
    });
  });
});

describe("setting up the questionnaire", () => {
  it("questions may change while the survey is open and nobody has answered", () => {
    expect(questionsFrozenBy({ status: "OPEN" }, 0)).toBeNull();
  });
  it("the first answer freezes them, and so does the end of the survey", () => {
    expect(questionsFrozenBy({ status: "OPEN" }, 1)).toBe("answered");
    expect(questionsFrozenBy({ status: "CLOSED" }, 3)).toBe("answered");
    expect(questionsFrozenBy({ status: "CLOSED" }, 0)).toBe("closed");
  });
  it("only choice questions keep options", () => {
    expect(["SINGLE", "MULTIPLE", "TEXT", "RATING"].map((k) => hasOptions(k as QuestionView["kind"]))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it("a question moves one place up or down, never off either end", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toBeNull();
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toBeNull();
    expect(moveInOrder(["a", "b", "c"], "x", "up")).toBeNull();
  });
});

describe("the summary", () => {
  it("rolls needs up by category, department and month", () => {
    const need = (over: object) => ({
      category: "INTERNAL" as const,
      headcount: 10,
      months: [3],
      hoursTenths: 20,
      costFen: 100_00,
      departmentId: "d1",
      departmentName: "催收一部",
      ...over,
    });
    const s = summarize(
      [
        need({}),
        need({ category: "NEW_HIRE", months: [3, 9], headcount: 5 }),
        need({ departmentId: "d2", departmentName: "客服部", headcount: 30 }),
      ],
      CATEGORIES,
    );
    expect(s.total).toEqual({ needs: 3, headcount: 45, costFen: 300_00 });
    expect(s.byCategory.find((r) => r.key === "INTERNAL")).toMatchObject({ needs: 2, headcount: 40 });
    expect(s.byCategory.find((r) => r.key === "GROUP")).toMatchObject({ needs: 0 });
    expect(s.byDepartment.map((r) => r.label)).toEqual(["客服部", "催收一部"]);
    // The need of 5 people over March and September is shared out (3 + 2), not counted twice.
    expect(s.byMonth.find((r) => r.key === "3")).toMatchObject({ needs: 3, headcount: 43 });
    expect(s.byMonth.find((r) => r.key === "9")).toMatchObject({ needs: 1, headcount: 2 });
  });

  it("the months' people add up to the total people, however many months a need spans", () => {
    const base = { category: "INTERNAL" as const, hoursTenths: 10, costFen: 0, departmentId: "d", departmentName: "D" };
    const s = summarize(
      [
        { ...base, headcount: 20, months: [1, 2] },
        { ...base, headcount: 7, months: [3, 4, 5] },
        { ...base, headcount: 1, months: [6, 7] },
      ],
      CATEGORIES,
    );
    expect(s.byMonth.reduce((sum, m) => sum + m.headcount, 0)).toBe(s.total.headcount);
    expect(s.total.headcount).toBe(28);
  });
});

describe("the default questionnaire in the reader's language", () => {
  const [zh, en] = [serverT("zh-CN"), serverT("en")];
  const stored = DEFAULT_QUESTIONS.map((q, i) => ({ id: String(i), text: q.text, options: [...q.options] }));

  it(
    "a new survey stores the default questions in Chinese; " +
      "an English reader sees them in English, a Chinese reader as stored",
    () => {
      expect(stored[0]).toMatchObject({
        text: "您希望参加哪些方面的培训？",
        options: expect.arrayContaining(["话术规范"]),
      });
      expect(inReadersLanguage(en, stored[0])).toEqual({
        id: "0",
        text: "Which kinds of training would you like to attend?",
        options: expect.arrayContaining(["Call-script rules"]),
      });
      expect(stored.map((q) => inReadersLanguage(zh, q))).toEqual(stored);
      for (const q of stored.map((q) => inReadersLanguage(en, q)))
        expect(JSON.stringify(q)).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it("option counts on the answers page keep their place", () => {
    const counted = { text: stored[2].text, options: stored[2].options.map((label, count) => ({ label, count })) };
    expect(inReadersLanguage(en, counted).options[0]).toEqual({ label: "Classroom sessions", count: 0 });
  });

  it("a question the manager typed or changed stays as typed", () => {
    const custom = { text: "您对录音系统有何建议？", options: [] };
    const edited = { ...stored[1], options: [...stored[1].options, "其他"] };
    expect(inReadersLanguage(en, custom)).toEqual(custom);
    expect(inReadersLanguage(en, edited)).toEqual(edited);
  });
});

describe("the default deadline of a new survey", () => {
  it("is 20 December of the year before the survey year, mid-year", () => {
    expect(defaultSurveyDeadline({ year: 2026, month: 6, day: 15 }, 2027)).toBe("2026-12-20");
  });
  it("still 20 December when that is at least 7 days away (3 December)", () => {
    expect(defaultSurveyDeadline({ year: 2026, month: 12, day: 3 }, 2027)).toBe("2026-12-20");
    expect(defaultSurveyDeadline({ year: 2026, month: 12, day: 13 }, 2027)).toBe("2026-12-20");
  });
  it("today + 14 days when 20 December is less than 7 days away or past (31 December)", () => {
    expect(defaultSurveyDeadline({ year: 2026, month: 12, day: 14 }, 2027)).toBe("2026-12-28");
    expect(defaultSurveyDeadline({ year: 2026, month: 12, day: 31 }, 2027)).toBe("2027-01-14");
  });
});
