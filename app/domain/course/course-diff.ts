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
  /** `batch`, `batchCount` and `attendeeBatches` are missing from snapshots taken before batches: batch 1. */
  sessions: Array<{ id: string; startsAt: string; endsAt: string; location: string; batch?: number }>;
  attendeeIds: string[];
  materials: Array<{ id: string; fileName: string; sizeBytes: number }>;
  batchCount?: number;
  attendeeBatches?: Record<string, number>;
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
  batchCount: c.batchCount ?? 1,
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
  "batchCount",
] as const;

type Who = { name: string; employeeNo: string };
export type LecturerView = LecturerValue & { person: Who | null };
export type SessionView = { key: string; date: string; start: string; end: string; location: string; batch: number };
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
  /** Trainees in both revisions whose batch changed. */
  regrouped: Array<Who & { id: string; from: number; to: number }>;
  /** Either revision was split into more than one batch: sessions are shown with theirs. */
  split: boolean;
  materials: Both<{ id: string; fileName: string }>;
};

/** A session as the diff compares it: its time, place and batch. */
export const sessionKey = (s: CourseSnapshot["sessions"][number]) =>
  `${s.startsAt}|${s.endsAt}|${s.location}|${s.batch ?? 1}`;

/**
 * Fields with before and after; sessions, trainees and materials added or removed; trainees moved to
 * another batch. A session is compared by its time, place and batch, so a session moved to another day
 * or batch is one removed and one added.
 */
export function diffCourses(before: CourseSnapshot, after: CourseSnapshot) {
  const batchOf = (c: CourseSnapshot, id: string) => c.attendeeBatches?.[id] ?? 1;
  const kept = new Set(before.attendeeIds);
  return {
    fields: changedFields(fieldsOf(before), fieldsOf(after), COURSE_DIFF_FIELDS),
    sessions: diffSets(before.sessions, after.sessions, sessionKey),
    attendees: diffSets(before.attendeeIds, after.attendeeIds),
    regrouped: after.attendeeIds
      .filter((id) => kept.has(id) && batchOf(before, id) !== batchOf(after, id))
      .map((id) => ({ id, from: batchOf(before, id), to: batchOf(after, id) })),
    split: (before.batchCount ?? 1) > 1 || (after.batchCount ?? 1) > 1,
    materials: diffSets(before.materials, after.materials, (m) => m.id),
  };
}
