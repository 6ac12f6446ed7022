// Pure: satisfaction with courses — the average of each question (1–5) by month and for the year — and
// the survey's response rate. Averages come from sums and counts so months add up exactly.
import { percent } from "./hours-rules";

export const SCORES = ["course", "lecturer", "venue", "usefulness"] as const;
export type ScoreKey = (typeof SCORES)[number];
export type EvaluationSums = { month: number; answers: number } & Record<ScoreKey, number>;

/** Two decimals; null with no answers. */
export const average = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);

export function satisfactionFigures(months: readonly EvaluationSums[], invites: { invited: number; answered: number }) {
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const rows = months.filter((m) => m.month === i + 1);
    const answers = rows.reduce((s, r) => s + r.answers, 0);
    const avg = Object.fromEntries(
      SCORES.map((k) => [
        k,
        average(
          rows.reduce((s, r) => s + r[k], 0),
          answers,
        ),
      ]),
    ) as Record<ScoreKey, number | null>;
    return { month: i + 1, answers, ...avg };
  });
  const answers = months.reduce((s, r) => s + r.answers, 0);
  const overall = Object.fromEntries(
    SCORES.map((k) => [
      k,
      average(
        months.reduce((s, r) => s + r[k], 0),
        answers,
      ),
    ]),
  ) as Record<ScoreKey, number | null>;
  return { byMonth, answers, overall, ...invites, responseRate: percent(invites.answered, invites.invited) };
}
