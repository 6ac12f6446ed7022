// Demo content for the rule loop: which call-script rules each demo course teaches, and the quiz that closes
// it. Generic over whatever courses exist (read from their titles and outlines); courses that already list
// their rules (the closed year's) are left as they are.
import type { Tx } from "../../app/utils/db.server";

import { CASE_WORK_QUIZ } from "./quiz";

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** Rule ids an outline names: "B8、B13", "B1–B17", "REC1–REC3". */
export function rulesNamedIn(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(/\b(B|OPS|REC)(\d{1,2})(?:\s*[–—-]\s*(?:B|OPS|REC)?(\d{1,2}))?/g))
    ids.push(...(m[3] ? range(m[1], Number(m[2]), Number(m[3])) : [`${m[1]}${m[2]}`]));
  return ids;
}

/** What a course teaches by its kind, and whether it ends with the rules quiz. */
function taughtBy(title: string, outline: string, redLine: string[]): { rules: string[]; quiz: boolean } {
  const named = rulesNamedIn(outline);
  if (/新员工|岗前|入职/.test(title)) return { rules: [...redLine, ...named], quiz: true };
  if (/合规/.test(title)) return { rules: ["B6", "REC1", "REC2", "REC3", ...named], quiz: /测验|考核/.test(outline) };
  if (/话术/.test(title)) return { rules: [...range("B", 1, 8), ...named], quiz: /测验|考核/.test(outline) };
  if (/转岗/.test(title)) return { rules: ["B1", "B3", "B8", ...named], quiz: false };
  return { rules: named, quiz: false };
}

export async function seedCourseRules(tx: Tx, at: Date) {
  void at; // The rules a course teaches do not depend on the day; the signature is every seed's.
  const rules = await tx.callRule.findMany({
    select: { id: true, currentVersion: true, versions: { select: { version: true, redLine: true } } },
  });
  const quiz = await tx.quiz.findUnique({ where: { code: CASE_WORK_QUIZ }, select: { id: true } });
  const courses = await tx.course.findMany({
    where: { rules: { none: {} } },
    select: { id: true, title: true, outline: true, quizId: true },
  });
  const known = new Set(rules.map((r) => r.id));
  const redLine = rules.filter((r) => r.versions.find((v) => v.version === r.currentVersion)?.redLine).map((r) => r.id);
  for (const course of courses) {
    const taught = taughtBy(course.title, course.outline, redLine);
    const ids = [...new Set(taught.rules)].filter((id) => known.has(id));
    if (ids.length === 0) continue;
    await tx.courseRule.createMany({ data: ids.map((ruleId) => ({ courseId: course.id, ruleId })) });
    if (taught.quiz && quiz && !course.quizId)
      await tx.course.update({ where: { id: course.id }, data: { quizId: quiz.id } });
  }
}
