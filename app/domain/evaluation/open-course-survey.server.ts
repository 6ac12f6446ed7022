import type { Tx } from "~/utils/db.server";
import { addTodos } from "~/utils/todo.server";

/**
 * Once every session of a course has its roster closed, each person who attended at least one of them
 * (present or late) is asked to evaluate the course, on their to-do list. Runs inside the transaction
 * that closed the last roster, so the invitations exist exactly when the course's record is complete.
 * Returns how many people were invited now (0 when sessions are still open or all were asked before).
 */
export async function openCourseSurvey(
  tx: Tx,
  input: { courseId: string; at: Date; fromName: string },
): Promise<number> {
  const open = await tx.courseSession.count({ where: { courseId: input.courseId, closure: null } });
  if (open > 0) return 0;
  const course = await tx.course.findUniqueOrThrow({ where: { id: input.courseId }, select: { title: true } });
  const attended = await tx.trainingRecord.findMany({
    where: { courseId: input.courseId, outcome: { in: ["PRESENT", "LATE"] } },
    distinct: ["personId"],
    select: { personId: true },
  });
  const asked = new Set(
    (await tx.courseSurveyInvite.findMany({ where: { courseId: input.courseId }, select: { personId: true } })).map(
      (i) => i.personId,
    ),
  );
  const fresh = attended.filter((r) => !asked.has(r.personId));
  if (fresh.length === 0) return 0;
  await tx.courseSurveyInvite.createMany({
    data: fresh.map((r) => ({ courseId: input.courseId, personId: r.personId, invitedAt: input.at })),
    skipDuplicates: true,
  });
  await addTodos(
    tx,
    fresh.map((r) => ({
      personId: r.personId,
      kind: "evaluation.survey",
      sourceType: "CourseSurvey",
      sourceId: input.courseId,
      href: `/course-surveys/${input.courseId}`,
      params: { title: course.title },
      from: input.fromName,
    })),
  );
  return fresh.length;
}
