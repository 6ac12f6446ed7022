// Pure rules of the needs survey: who may still change a department's form, the questionnaire's
// answers, and the roll-ups of the summary.
import type { TFunction } from "i18next";

import type { Category } from "~/domain/plan/fields";
import { spread } from "~/domain/plan/plan-rules";
import storedWording from "~/locales/zh-CN/needs.json";
import type { CompanyDate } from "~/utils/company-calendar";
import { messageKey } from "~/utils/validation";

export type FormState = { status: "DRAFT" | "SUBMITTED"; reopened: boolean };
export type SurveyState = { status: "OPEN" | "CLOSED"; deadline: Date };

/** A department head edits a draft until the deadline; after it only a form the manager reopened. */
export function mayEditForm(form: FormState, survey: SurveyState, at: Date, isManager: boolean): boolean {
  if (survey.status !== "OPEN" || form.status !== "DRAFT") return false;
  return isManager || form.reopened || at <= survey.deadline;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (utc: number) => new Date(utc).toISOString().slice(0, 10);

/**
 * The deadline a new survey for `surveyYear` is offered with (yyyy-mm-dd): 20 December of the year
 * before, if that leaves at least 7 days from today; otherwise today + 14 days, so the default is
 * never already past (from 21 December on it would be).
 */
export function defaultSurveyDeadline(today: CompanyDate, surveyYear: number): string {
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
  const usual = Date.UTC(surveyYear - 1, 11, 20);
  return usual - todayUtc >= 7 * DAY_MS ? isoDay(usual) : isoDay(todayUtc + 14 * DAY_MS);
}

export function isPastDeadline(survey: SurveyState, at: Date): boolean {
  return at > survey.deadline;
}

/** Employees answer the questionnaire while the survey is open, until its deadline. */
export function isAnswerable(survey: SurveyState, at: Date): boolean {
  return survey.status === "OPEN" && !isPastDeadline(survey, at);
}

/**
 * The questions a new survey starts with (the company's standard questionnaire); the manager may change
 * them. Their wording lives in the catalogs (needs.defaultQuestions); a survey stores it in the
 * company's language, zh-CN, like every question the manager types.
 */
export const DEFAULT_QUESTIONS = (
  [
    { key: "topics", kind: "MULTIPLE", required: true },
    { key: "problemArea", kind: "SINGLE", required: true },
    { key: "format", kind: "SINGLE", required: true },
    { key: "satisfaction", kind: "RATING", required: true },
    { key: "suggestions", kind: "TEXT", required: false },
  ] as const
).map((q) => ({
  ...q,
  text: storedWording.defaultQuestions[q.key].text,
  options: storedWording.defaultQuestions[q.key].options as readonly string[],
}));

type Wording = { text: string; options: ReadonlyArray<string | { label: string }> };

/**
 * A stored question in the reader's language: a default question still worded as stored reads from
 * the reader's catalog; a question the manager typed or changed stays as typed. Display only: answers
 * refer to options by position.
 */
export function inReadersLanguage<Q extends Wording>(t: TFunction, q: Q): Q {
  const labels = q.options.map((o) => (typeof o === "string" ? o : o.label));
  const original = DEFAULT_QUESTIONS.find(
    (d) => d.text === q.text && d.options.length === labels.length && d.options.every((o, i) => o === labels[i]),
  );
  if (!original) return q;
  const option = (i: number) => t(`needs.defaultQuestions.${original.key}.options.${i}`);
  return {
    ...q,
    text: t(`needs.defaultQuestions.${original.key}.text`),
    options: q.options.map((o, i) => (typeof o === "string" ? option(i) : { ...o, label: option(i) })),
  };
}

/**
 * Why the questionnaire's questions can no longer change, or null while they still can: answers
 * already given refer to the questions and options as they were, so the first answer freezes them.
 */
export function questionsFrozenBy(
  survey: { status: "OPEN" | "CLOSED" },
  responses: number,
): "answered" | "closed" | null {
  if (responses > 0) return "answered";
  return survey.status === "OPEN" ? null : "closed";
}

export const hasOptions = (kind: QuestionView["kind"]) => kind === "SINGLE" || kind === "MULTIPLE";

/** The question ids in their new order after one moves up or down; null when it cannot go that way. */
export function moveInOrder(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  [order[from], order[to]] = [order[to], order[from]];
  return order;
}

export type QuestionView = {
  id: string;
  kind: "SINGLE" | "MULTIPLE" | "TEXT" | "RATING";
  options: string[];
  required: boolean;
};
export type AnswerInput = { questionId: string; choices: number[]; text: string | null; rating: number | null };

/** Reads the questionnaire form (`q_<id>` fields) against the questions; errors per question. */
export function readAnswers(
  questions: QuestionView[],
  values: Record<string, string | string[]>,
): { answers: AnswerInput[]; errors: Record<string, string> } {
  const answers: AnswerInput[] = [];
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const field = `q_${q.id}`;
    const raw = values[field];
    const list = (Array.isArray(raw) ? raw : raw === undefined || raw === "" ? [] : [raw])
      .map((s) => s.trim())
      .filter(Boolean);
    const answer: AnswerInput = { questionId: q.id, choices: [], text: null, rating: null };
    if (q.kind === "TEXT") {
      const text = list.join("\n");
      if (text.length > 1000) errors[field] = messageKey("validation.tooLong", { max: 1000 });
      answer.text = text || null;
    } else if (q.kind === "RATING") {
      const rating = list.length === 1 && /^[1-5]$/.test(list[0]) ? Number(list[0]) : null;
      if (list.length > 0 && rating === null) errors[field] = "validation.invalidChoice";
      answer.rating = rating;
    } else {
      const choices = list.map(Number);
      const valid = choices.every((c) => Number.isInteger(c) && c >= 0 && c < q.options.length);
      if (!valid || (q.kind === "SINGLE" && choices.length > 1)) errors[field] = "validation.invalidChoice";
      answer.choices = [...new Set(choices)].sort((a, b) => a - b);
    }
    const empty = answer.text === null && answer.rating === null && answer.choices.length === 0;
    if (q.required && empty && !errors[field]) errors[field] = "validation.required";
    if (!empty) answers.push(answer);
  }
  return { answers, errors };
}

export type NeedForSummary = {
  category: Category;
  headcount: number;
  months: number[];
  hoursTenths: number;
  costFen: number;
  departmentId: string;
  departmentName: string;
};

export type Rollup = { key: string; label: string; needs: number; headcount: number; costFen: number };

function add(map: Map<string, Rollup>, key: string, label: string, need: NeedForSummary) {
  const row = map.get(key) ?? { key, label, needs: 0, headcount: 0, costFen: 0 };
  row.needs += 1;
  row.headcount += need.headcount;
  row.costFen += need.costFen;
  map.set(key, row);
}

/**
 * Needs rolled up by category, department and month. A need wanted in several months is listed in
 * each of them, but its people are shared out over those months (as the annual plan shares out an
 * item's sessions), so the months add up to the total; its cost counts once, in the category and
 * department rows.
 */
export function summarize(needs: NeedForSummary[], categories: readonly Category[]) {
  const byCategory = new Map<string, Rollup>(
    categories.map((c) => [c, { key: c, label: c, needs: 0, headcount: 0, costFen: 0 }]),
  );
  const byDepartment = new Map<string, Rollup>();
  const byMonth = new Map<string, Rollup>(
    Array.from({ length: 12 }, (_, i) => [
      String(i + 1),
      { key: String(i + 1), label: String(i + 1), needs: 0, headcount: 0, costFen: 0 },
    ]),
  );
  for (const need of needs) {
    add(byCategory, need.category, need.category, need);
    add(byDepartment, need.departmentId, need.departmentName, need);
    const months = [...new Set(need.months)].sort((a, b) => a - b);
    const shares = spread(need.headcount, months.length);
    months.forEach((month, i) => {
      const row = byMonth.get(String(month))!;
      row.needs += 1;
      row.headcount += shares[i];
    });
  }
  return {
    byCategory: [...byCategory.values()],
    byDepartment: [...byDepartment.values()].sort((a, b) => b.headcount - a.headcount),
    byMonth: [...byMonth.values()],
    total: {
      needs: needs.length,
      headcount: needs.reduce((s, n) => s + n.headcount, 0),
      costFen: needs.reduce((s, n) => s + n.costFen, 0),
    },
  };
}
