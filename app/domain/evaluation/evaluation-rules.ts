// Pure rules of course evaluations (培训评估): the four questions, averages, the response rate and how
// they are rounded. The pages and the seed read them from here so every figure is computed one way.

/** The four questions, in the order the form asks them; each is rated 1–5. */
export const QUESTIONS = ["course", "lecturer", "venue", "usefulness"] as const;
export type Question = (typeof QUESTIONS)[number];

export const SCORES = [1, 2, 3, 4, 5] as const;
export const COMMENT_MAX = 500;

export type Scores = Record<Question, number>;

/** The stored columns of each question. */
export const SCORE_COLUMN = {
  course: "courseScore",
  lecturer: "lecturerScore",
  venue: "venueScore",
  usefulness: "usefulnessScore",
} as const satisfies Record<Question, string>;

export type EvaluationRow = Record<(typeof SCORE_COLUMN)[Question], number>;

export function scoresOf(row: EvaluationRow): Scores {
  return {
    course: row.courseScore,
    lecturer: row.lecturerScore,
    venue: row.venueScore,
    usefulness: row.usefulnessScore,
  };
}

/**
 * The mean to one decimal, half up; null when there is nothing to average. Rounded once, from the raw
 * sum, so an overall figure never compounds the rounding of its parts.
 */
export function average(values: readonly number[]): number | null {
  return averageOf(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );
}

/** The mean of `count` values that add up to `sum`, rounded as `average` does; null when there are none. */
export function averageOf(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((sum * 10) / count) / 10;
}

/** Answers per invitation as a whole percent, half up; null when nobody was invited. */
export function responseRate(answered: number, invited: number): number | null {
  if (invited <= 0) return null;
  return Math.round((Math.min(answered, invited) * 100) / invited);
}

export type Summary = {
  responses: number;
  averages: Record<Question, number | null>;
  /** The mean of every score given, all four questions together. */
  overall: number | null;
};

export function summarize(rows: readonly EvaluationRow[]): Summary {
  const averages = Object.fromEntries(
    QUESTIONS.map((q) => [q, average(rows.map((r) => r[SCORE_COLUMN[q]]))]),
  ) as Record<Question, number | null>;
  const all = rows.flatMap((r) => QUESTIONS.map((q) => r[SCORE_COLUMN[q]]));
  return { responses: rows.length, averages, overall: average(all) };
}

/** What the database adds up over some answers: how many there are and each question's total score. */
export type ScoreSums = EvaluationRow & { responses: number };

export const NO_SCORES: ScoreSums = {
  responses: 0,
  courseScore: 0,
  lecturerScore: 0,
  venueScore: 0,
  usefulnessScore: 0,
};

export const addScores = (a: ScoreSums, b: ScoreSums): ScoreSums => ({
  responses: a.responses + b.responses,
  courseScore: a.courseScore + b.courseScore,
  lecturerScore: a.lecturerScore + b.lecturerScore,
  venueScore: a.venueScore + b.venueScore,
  usefulnessScore: a.usefulnessScore + b.usefulnessScore,
});

/** `summarize` of the answers these sums were taken over: the same figures, rounded once from the raw sums. */
export function summaryOfSums(sums: ScoreSums): Summary {
  const averages = Object.fromEntries(
    QUESTIONS.map((q) => [q, averageOf(sums[SCORE_COLUMN[q]], sums.responses)]),
  ) as Record<Question, number | null>;
  const all = QUESTIONS.reduce((n, q) => n + sums[SCORE_COLUMN[q]], 0);
  return { responses: sums.responses, averages, overall: averageOf(all, sums.responses * QUESTIONS.length) };
}

/** How many gave each score 1–5 to one question (index 0 is the count of 1s). */
export function distribution(rows: readonly EvaluationRow[], question: Question): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const row of rows) {
    const score = row[SCORE_COLUMN[question]];
    if (Number.isInteger(score) && score >= 1 && score <= 5) counts[score - 1] += 1;
  }
  return counts;
}

/** The lecturer an evaluation is about, as one name: the internal person, else the external trainer or institution. */
export function lecturerNameOf(course: {
  lecturerKind: string;
  lecturer: { name: string } | null;
  externalLecturer: string | null;
  externalOrg: string | null;
}): string {
  if (course.lecturerKind === "INTERNAL") return course.lecturer?.name ?? "";
  return course.externalLecturer || course.externalOrg || "";
}

export type CourseFigures = {
  courseId: string;
  lecturerName: string;
  startsAt: Date | null;
  invited: number;
  answered: number;
};

export type LecturerSummary = Summary & { lecturerName: string; courses: number };

/** Per lecturer, from what the database adds up: their courses in the period and the sums of every answer about
 * them (a course with many answers weighs more than one with few). */
export function lecturersOfSums(
  groups: ReadonlyArray<ScoreSums & { lecturerName: string; courses: number }>,
): LecturerSummary[] {
  return groups
    .map(({ lecturerName, courses, ...sums }) => ({ lecturerName, courses, ...summaryOfSums(sums) }))
    .sort(lecturerOrder);
}

/** Best rated first; a lecturer without answers yet comes last; then by answers, then by name. */
export function lecturerOrder(a: LecturerSummary, b: LecturerSummary) {
  return (
    (b.overall ?? -1) - (a.overall ?? -1) ||
    b.responses - a.responses ||
    a.lecturerName.localeCompare(b.lecturerName, "zh-CN")
  );
}

export const PAGE_SIZE = 20;
