// What changed in a course plan since the last revision decided on (sent back or approved), shaped for the
// course page: people by name, sessions in company-local time.
import { db } from "~/utils/db.server";
import { submittedSnapshot } from "~/workflow/approval.server";

import {
  diffCourses,
  sessionKey,
  type CourseChanges,
  type CourseSnapshot,
  type LecturerValue,
  type LecturerView,
} from "./course-diff";
import { courseSnapshot } from "./course-subject.server";
import { localParts } from "./session-view";

/**
 * The changes since the base revision (sent back, or approved and reopened), or null if it was never
 * submitted. A department head sees only their own departments' people among the trainees added or
 * removed, as on the rest of the page.
 */
export async function courseChanges(
  approvalId: string,
  baseRevision: number,
  departmentIds: string[] | null,
  timeZone: string,
): Promise<CourseChanges | null> {
  const before = (await submittedSnapshot(approvalId, baseRevision)) as CourseSnapshot | null;
  if (!before) return null;
  const diff = diffCourses(before, await courseSnapshot(db, approvalId));
  const lecturers = diff.fields.flatMap((f) =>
    f.field === "lecturer" ? [(f.before as LecturerValue).lecturerId, (f.after as LecturerValue).lecturerId] : [],
  );
  const ids = [
    ...diff.attendees.added,
    ...diff.attendees.removed,
    ...diff.regrouped.map((r) => r.id),
    ...lecturers,
  ].filter((id): id is string => Boolean(id));
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, employeeNo: true, departmentId: true },
      })
    ).map((p) => [p.id, p]),
  );
  const trainees = (list: string[]) =>
    list.flatMap((id) => {
      const p = people.get(id);
      return p && (!departmentIds || departmentIds.includes(p.departmentId))
        ? [{ id, name: p.name, employeeNo: p.employeeNo }]
        : [];
    });
  const lecturer = (v: LecturerValue): LecturerView => {
    const p = v.lecturerId ? people.get(v.lecturerId) : undefined;
    return { ...v, person: p ? { name: p.name, employeeNo: p.employeeNo } : null };
  };
  const session = (s: CourseSnapshot["sessions"][number]) => {
    const [from, to] = [localParts(s.startsAt, timeZone), localParts(s.endsAt, timeZone)];
    return {
      key: sessionKey(s),
      date: from.date,
      start: from.time,
      end: to.time,
      location: s.location,
      batch: s.batch ?? 1,
    };
  };
  const file = (m: CourseSnapshot["materials"][number]) => ({ id: m.id, fileName: m.fileName });
  return {
    fields: diff.fields.map((f) =>
      f.field === "lecturer"
        ? {
            field: "lecturer" as const,
            before: lecturer(f.before as LecturerValue),
            after: lecturer(f.after as LecturerValue),
          }
        : { field: f.field, before: f.before as string | number, after: f.after as string | number },
    ),
    sessions: { added: diff.sessions.added.map(session), removed: diff.sessions.removed.map(session) },
    attendees: { added: trainees(diff.attendees.added), removed: trainees(diff.attendees.removed) },
    regrouped: diff.regrouped.flatMap((r) => trainees([r.id]).map((p) => ({ ...p, from: r.from, to: r.to }))),
    split: diff.split,
    materials: { added: diff.materials.added.map(file), removed: diff.materials.removed.map(file) },
  };
}
