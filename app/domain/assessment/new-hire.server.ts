// What the assessment reads about one new hire: who may assess them (heads above them, lecturers of their
// onboarding courses) and the onboarding courses they attend.
import { headsFor } from "~/domain/leave/leave-heads.server";
import type { Tx } from "~/utils/db.server";

import type { NewHire } from "./assessment-rules";

/** The approved onboarding (NEW_HIRE) courses this person attends, with their internal lecturer. */
export function onboardingCourses(tx: Pick<Tx, "course">, personId: string) {
  return tx.course.findMany({
    where: {
      attendees: { some: { personId } },
      monthlyItem: { category: "NEW_HIRE" },
      approval: { state: "APPROVED" },
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      lecturerId: true,
      sessions: { select: { startsAt: true }, orderBy: { startsAt: "asc" } },
    },
  });
}

/** The person, when there is one, with what decides who may assess them. */
export async function loadNewHire(tx: Tx, personId: string) {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      employeeNo: true,
      status: true,
      departmentId: true,
      department: { select: { name: true } },
    },
  });
  if (!person) return null;
  // One after the other: a transaction's connection runs one statement at a time.
  const headIds = await headsFor(tx, person.id);
  const courses = await onboardingCourses(tx, person.id);
  const hire: NewHire = {
    id: person.id,
    headIds,
    lecturerIds: courses.flatMap((c) => (c.lecturerId ? [c.lecturerId] : [])),
  };
  return { person, hire, courses };
}
