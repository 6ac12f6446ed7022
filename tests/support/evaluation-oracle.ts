// The figures /evaluations computed in node before session 14 summed them in SQL, kept as the reference
// the SQL read is compared against (tests/integration/evaluation-pages.test.ts) and tested on their own
// (app/domain/evaluation/evaluation-rules.test.ts). No page uses them.
import {
  lecturerOrder,
  summarize,
  type CourseFigures,
  type EvaluationRow,
  type LecturerSummary,
} from "~/domain/evaluation/evaluation-rules";

/**
 * Per lecturer: the courses they gave in the period and every answer about them, averaged over the
 * answers (a course with many answers weighs more than one with few). Best rated first; a lecturer
 * without answers yet comes last; then by name.
 */
export function byLecturer(
  courses: readonly CourseFigures[],
  rows: ReadonlyArray<EvaluationRow & { courseId: string }>,
): LecturerSummary[] {
  const lecturerOf = new Map(courses.map((c) => [c.courseId, c.lecturerName]));
  const groups = new Map<string, { courses: Set<string>; rows: EvaluationRow[] }>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { courses: new Set(), rows: [] }));
    return g;
  };
  for (const c of courses) group(c.lecturerName).courses.add(c.courseId);
  for (const r of rows) {
    const name = lecturerOf.get(r.courseId);
    if (name !== undefined) group(name).rows.push(r);
  }
  return [...groups.entries()]
    .map(([lecturerName, g]) => ({ lecturerName, courses: g.courses.size, ...summarize(g.rows) }))
    .sort(lecturerOrder);
}

/** Courses newest first (by their first session), so this year's latest course heads the list. */
export function byNewest<T extends { startsAt: Date | null; title: string }>(courses: readonly T[]): T[] {
  return [...courses].sort(
    (a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0) || a.title.localeCompare(b.title, "zh-CN"),
  );
}
