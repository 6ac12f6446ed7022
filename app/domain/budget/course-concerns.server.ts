// What a course's submission must acknowledge: the budget levels it takes over and the clashes it has, read
// the way the course page shows them.
import { courseBudget } from "~/domain/course/budget-queries.server";
import { courseClashes, getCourse } from "~/domain/course/course-queries.server";
import { db } from "~/utils/db.server";

import { submitConcerns, type Concern } from "./training-budget-rules";

export async function courseConcerns(courseId: string): Promise<Concern[]> {
  const course = await getCourse(courseId);
  if (!course) return [];
  const [budget, clashes] = await Promise.all([courseBudget(course), courseClashes(course)]);
  return submitConcerns({ warnings: budget.warnings, rooms: clashes.groups.rooms, people: clashes.groups.people });
}

/** The acknowledgement given when this revision of the course was submitted, if any. */
export async function courseAcknowledgement(courseId: string, revision: number) {
  const row = await db.submitAcknowledgement.findFirst({
    where: { approval: { course: { id: courseId } }, revision },
    select: { concerns: true, reason: true, actorName: true, actorEmployeeNo: true, at: true, revision: true },
  });
  return row ? { ...row, concerns: row.concerns as Concern[] } : null;
}
