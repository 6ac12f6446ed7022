// What the course edit page offers: every call-script rule (wording in force) and the active quizzes.
import { db } from "~/utils/db.server";
import { sql } from "~/utils/sql.server";

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

type Taught = {
  rules: Array<{ id: string; titleZh: string; titleEn: string; redLine: boolean }>;
  quiz: { title: string; titleEn: string } | null;
};

/** The rules a course teaches (wording in force, in the catalogue's order) and its quiz, for its page (each rule
 * links to the rule loop): one statement (through Prisma and the whole catalogue it was five). */
export async function taughtRules(courseId: string): Promise<Taught> {
  const [row] = await sql<Taught>(
    `SELECT coalesce((SELECT json_agg(json_build_object('id', r.id, 'titleZh', v."titleZh", 'titleEn', v."titleEn",
                        'redLine', v."redLine") ORDER BY r."sortOrder", r.id)
                        FROM "CourseRule" cr JOIN "CallRule" r ON r.id = cr."ruleId"
                        CROSS JOIN LATERAL (
                          SELECT x."titleZh", x."titleEn", x."redLine" FROM "CallRuleVersion" x WHERE x."ruleId" = r.id
                           ORDER BY x.version = r."currentVersion" DESC, x.version LIMIT 1) v
                       WHERE cr."courseId" = $1), '[]') AS rules,
            (SELECT json_build_object('title', q.title, 'titleEn', q."titleEn")
               FROM "Course" c JOIN "Quiz" q ON q.id = c."quizId" WHERE c.id = $1) AS quiz`,
    [courseId],
  );
  return row;
}
