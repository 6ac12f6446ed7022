// What changed in a course plan since the revision the training manager sent back (step 007): pure,
// on the snapshots the workflow keeps on every submission (course-subject.server.ts).
import { changedFields, diffSets } from "~/utils/revision-diff";

import { courseCost, type Costs } from "./course-rules";

export type CourseSnapshot = {
  title: string;
  monthlyItemId: string;
  capacity: number;
  outline: string;
  lecturerKind: string;
  lecturerId: string | null;
  externalLecturer: string | null;
  externalOrg: string | null;
  externalContact: string | null;
  costs: Costs;
  sessions: Array<{ id: string; startsAt: string; endsAt: string; location: string }>;
  attendeeIds: string[];
  materials: Array<{ id: string; fileName: string; sizeBytes: number }>;
};
export type LecturerValue = {
  kind: string;
  lecturerId: string | null;
  externalLecturer: string | null;
  externalOrg: string | null;
  externalContact: string | null;
};

// The lecturer is one field to the reader, whichever of its parts changed; the total cost follows the fees.
// monthlyItemId is left out: a course never moves to another item.
const fieldsOf = (c: CourseSnapshot) => ({
  title: c.title,
  capacity: c.capacity,
  outline: c.outline,
  lecturer: {
    kind: c.lecturerKind,
    lecturerId: c.lecturerId,
    externalLecturer: c.externalLecturer,
    externalOrg: c.externalOrg,
    externalContact: c.externalContact,
  } as LecturerValue,
  ...c.costs,
  totalFen: courseCost(c.costs),
});
export const COURSE_DIFF_FIELDS = [
  "title",
  "capacity",
  "outline",
  "lecturer",
  "lecturerFeeFen",
  "venueFeeFen",
  "materialsFeeFen",
  "externalFeeFen",
  "otherFeeFen",
  "totalFen",
] as const;

type Who = { name: string; employeeNo: string };
export type LecturerView = LecturerValue & { person: Who | null };
export type SessionView = { key: string; date: string; start: string; end: string; location: string };
type Both<T> = { added: T[]; removed: T[] };
/** The changes as the course page shows them: people by name, sessions in company-local time. */
export type CourseChanges = {
  fields: Array<
    | { field: "lecturer"; before: LecturerView; after: LecturerView }
    | {
        field: Exclude<(typeof COURSE_DIFF_FIELDS)[number], "lecturer">;
        before: string | number;
        after: string | number;
      }
  >;
  sessions: Both<SessionView>;
  attendees: Both<Who & { id: string }>;
  materials: Both<{ id: string; fileName: string }>;
};

/**
 * Fields with before and after; sessions, trainees and materials added or removed. A session is
 * compared by its time and place, so a session moved to another day is one removed and one added.
 */
export function diffCourses(before: CourseSnapshot, after: CourseSnapshot) {
  return {
    fields: changedFields(fieldsOf(before), fieldsOf(after), COURSE_DIFF_FIELDS),
    sessions: diffSets(before.sessions, after.sessions, (s) => `${s.startsAt}|${s.endsAt}|${s.location}`),
    attendees: diffSets(before.attendeeIds, after.attendeeIds),
    materials: diffSets(before.materials, after.materials, (m) => m.id),
  };
}
