// What the satisfaction form shows its invited attendee: the course, when it ran, who taught it, and
// their own answer once given.
import { db } from "~/utils/db.server";

import { lecturerNameOf, scoresOf } from "./evaluation-rules";

export const courseSelect = {
  id: true,
  title: true,
  lecturerKind: true,
  lecturer: { select: { name: true } },
  externalLecturer: true,
  externalOrg: true,
  sessions: { select: { startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } },
} as const;

/** The course's first start and last end; nulls for a course without sessions. */
export function courseDates(sessions: ReadonlyArray<{ startsAt: Date; endsAt: Date }>) {
  return {
    startsAt: sessions[0]?.startsAt ?? null,
    endsAt: sessions.reduce<Date | null>((last, s) => (!last || s.endsAt > last ? s.endsAt : last), null),
  };
}

/**
 * The form of one course for one person: null when the course does not exist; `invited` false when
 * the person was not asked (the page refuses them).
 */
export async function courseSurvey(courseId: string, personId: string) {
  const [course, invite, answer] = await Promise.all([
    db.course.findUnique({ where: { id: courseId }, select: courseSelect }),
    db.courseSurveyInvite.findUnique({
      where: { courseId_personId: { courseId, personId } },
      select: { invitedAt: true, answeredAt: true },
    }),
    db.courseEvaluation.findUnique({
      where: { courseId_personId: { courseId, personId } },
      select: {
        courseScore: true,
        lecturerScore: true,
        venueScore: true,
        usefulnessScore: true,
        comment: true,
        submittedAt: true,
        lecturerName: true,
      },
    }),
  ]);
  if (!course) return null;
  return {
    course: {
      id: course.id,
      title: course.title,
      lecturerName: answer?.lecturerName ?? lecturerNameOf(course),
      ...courseDates(course.sessions),
    },
    invited: invite !== null,
    answer: answer ? { scores: scoresOf(answer), comment: answer.comment, submittedAt: answer.submittedAt } : null,
  };
}
