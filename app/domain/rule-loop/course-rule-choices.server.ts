// What the course edit page offers: every call-script rule (wording in force) and the active quizzes.
import { db } from "~/utils/db.server";

import { ruleCatalogue } from "./rule-loop-queries.server";

export async function courseRuleChoices() {
  const [rules, quizzes] = await Promise.all([
    ruleCatalogue(),
    db.quiz.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, title: true, titleEn: true },
    }),
  ]);
  return {
    rules: rules.map((r) => ({ id: r.id, group: r.group, titleZh: r.titleZh, titleEn: r.titleEn, redLine: r.redLine })),
    quizzes,
  };
}
export type CourseRuleChoices = Awaited<ReturnType<typeof courseRuleChoices>>;

/** The rules a course teaches and its quiz, for its page (each rule links to the rule loop). */
export async function taughtRules(courseId: string) {
  const [rows, course, catalogue] = await Promise.all([
    db.courseRule.findMany({ where: { courseId }, select: { ruleId: true } }),
    db.course.findUnique({ where: { id: courseId }, select: { quiz: { select: { title: true, titleEn: true } } } }),
    ruleCatalogue(),
  ]);
  const ids = new Set(rows.map((r) => r.ruleId));
  return {
    rules: catalogue
      .filter((r) => ids.has(r.id))
      .map((r) => ({ id: r.id, titleZh: r.titleZh, titleEn: r.titleEn, redLine: r.redLine })),
    quiz: course?.quiz ?? null,
  };
}
