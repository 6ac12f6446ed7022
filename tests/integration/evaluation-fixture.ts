// A course whose rosters are closed, built straight from rows (the closing itself is the archive's), and
// its survey opened by the one domain function, as the last closing would.
import { openCourseSurvey } from "~/domain/evaluation/open-course-survey.server";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { DEMO_AT } from "./support";

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Outcome = "PRESENT" | "LATE" | "ABSENT" | "EXCUSED";

/**
 * A course `daysAgo` before the demo's day (two sessions a day apart), taught by `lecturer` (an employee
 * number, or an external trainer's name), attended by `attendees` with the given outcome (PRESENT when not
 * said); both rosters closed and the survey opened an hour after the last session.
 */
export async function surveyedCourse(input: {
  title: string;
  lecturer: string | { external: string };
  attendees: Record<string, Outcome>;
  daysAgo?: number;
  startsAt?: Date;
}) {
  const numbers = Object.keys(input.attendees);
  const people = await db.person.findMany({
    where: {
      employeeNo: { in: [...numbers, "T0001", "T0002", typeof input.lecturer === "string" ? input.lecturer : ""] },
    },
    select: { id: true, employeeNo: true, name: true, departmentId: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true, category: true } });
  const first = input.startsAt ?? new Date(DEMO_AT.getTime() - (input.daysAgo ?? 5) * DAY);
  const sessions = [0, 1].map((d) => {
    const startsAt = new Date(first.getTime() + d * DAY);
    return { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), location: "培训室 A301" };
  });
  const invitedAt = new Date(sessions[1].endsAt.getTime() + HOUR);
  return db.$transaction(async (tx) => {
    const course = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: input.title,
      lecturerId: typeof input.lecturer === "string" ? who(input.lecturer).id : null,
      external:
        typeof input.lecturer === "string"
          ? null
          : { name: input.lecturer.external, org: "某培训机构", contact: "", feeFen: 0 },
      attendeeIds: numbers.map((no) => who(no).id),
      sessions,
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(first.getTime() - 10 * DAY),
      approvedAt: new Date(first.getTime() - 9 * DAY),
    });
    const stored = await tx.courseSession.findMany({ where: { courseId: course.id }, orderBy: { startsAt: "asc" } });
    for (const s of stored) {
      await tx.trainingRecord.createMany({
        data: numbers.map((no) => {
          const outcome = input.attendees[no];
          const attended = outcome === "PRESENT" || outcome === "LATE";
          return {
            sessionId: s.id,
            courseId: course.id,
            personId: who(no).id,
            departmentId: who(no).departmentId,
            outcome,
            minutes: attended ? 120 : 0,
            makeUpOwed: !attended,
            courseTitle: input.title,
            category: item.category,
            lecturerName: typeof input.lecturer === "string" ? who(input.lecturer).name : input.lecturer.external,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            createdAt: invitedAt,
          };
        }),
      });
      await tx.rosterClosure.create({ data: { sessionId: s.id, closedAt: invitedAt, closedById: who("T0002").id } });
    }
    const invited = await openCourseSurvey(tx, { courseId: course.id, at: invitedAt, fromName: who("T0002").name });
    return { courseId: course.id, invited, invitedAt };
  });
}

/** The four ratings and a comment as the form posts them. */
export function answerForm(scores: [number, number, number, number], comment = "") {
  const [course, lecturer, venue, usefulness] = scores.map(String);
  return { course, lecturer, venue, usefulness, comment };
}
