// Everything the course page shows, in one read, scoped for department heads.
import { db } from "~/utils/db.server";
import type { RoleName } from "~/utils/permissions";
import { availableActions, isEditable } from "~/workflow/approval-rules";
import { comparisonBase, listDecisions } from "~/workflow/approval.server";

import { batchSizes, batchVersion } from "./batch-rules";
import { courseChanges } from "./course-changes.server";
import { courseBudget, courseClashes, getCourse } from "./course-queries.server";
import { CourseSubject } from "./course-subject.server";
import { localParts } from "./session-view";

/** null when the course does not exist or none of its attendees is in the reader's departments. */
export async function coursePage(
  courseId: string,
  roles: RoleName[],
  departmentIds: string[] | null,
  timeZone: string,
) {
  const course = await getCourse(courseId);
  if (!course) return null;
  const visible = departmentIds
    ? course.attendees.filter((a) => departmentIds.includes(a.person.departmentId))
    : course.attendees;
  if (departmentIds && visible.length === 0) return null;
  const { approval } = course;
  const [decisions, base, clashes, budget] = await Promise.all([
    listDecisions(approval.id),
    comparisonBase(approval),
    courseClashes(course),
    courseBudget(course),
  ]);
  // While a revision is in the making, the manager and the clerk see how it differs from the last one
  // decided on: the one sent back, or the approved one it changes (with why it was reopened).
  const changes = base ? await courseChanges(approval.id, base.revision, departmentIds, timeZone) : null;
  const rejection = base?.kind === "rejected" ? base : null;
  return {
    course: {
      id: course.id,
      title: course.title,
      capacity: course.capacity,
      outline: course.outline,
      lecturerKind: course.lecturerKind,
      lecturer: course.lecturer,
      externalLecturer: course.externalLecturer,
      externalOrg: course.externalOrg,
      externalContact: course.externalContact,
      costs: {
        lecturerFee: course.lecturerFeeFen,
        venueFee: course.venueFeeFen,
        materialsFee: course.materialsFeeFen,
        externalFee: course.externalFeeFen,
        otherFee: course.otherFeeFen,
      },
      state: approval.state,
      revision: approval.revision,
    },
    item: {
      id: course.monthlyItem.id,
      title: course.monthlyItem.title,
      category: course.monthlyItem.category,
      planned: Boolean(course.monthlyItem.planItemId),
    },
    plan: course.monthlyItem.plan,
    sessions: course.sessions.map((s) => {
      const [from, to] = [localParts(s.startsAt, timeZone), localParts(s.endsAt, timeZone)];
      return { id: s.id, date: from.date, start: from.time, end: to.time, location: s.location, batch: s.batch };
    }),
    attendees: visible
      .map((a) => ({
        id: a.person.id,
        employeeNo: a.person.employeeNo,
        name: a.person.name,
        post: a.person.post,
        status: a.person.status,
        department: a.person.department.name,
        batch: a.batch,
      }))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo)),
    attendeeCount: course.attendees.length,
    batches: {
      count: course.batchCount,
      // Per batch, how many attendees (all of them, whatever the reader's scope) and sessions.
      sizes: batchSizes(course.batchCount, course.attendees).map((attendees, i) => ({
        n: i + 1,
        attendees,
        sessions: course.sessions.filter((s) => s.batch === i + 1).length,
      })),
      version: batchVersion({
        count: course.batchCount,
        sessions: course.sessions,
        attendees: course.attendees.map((a) => ({ personId: a.personId, batch: a.batch })),
      }),
    },
    scoped: departmentIds !== null,
    materials: course.materials,
    clashes,
    budget,
    decisions,
    rejection,
    diff: base && changes ? { rejection: base, changes } : null,
    actions: availableActions(approval.state, roles, CourseSubject.policy),
    editable: isEditable(approval.state),
  };
}

/** What the attendee form offers: departments (teams indented under theirs) and the posts in use. */
export async function attendeeOptions() {
  const [departments, posts] = await Promise.all([
    db.department.findMany({
      where: { kind: { not: "COMPANY" } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, name: true, kind: true, parentId: true },
    }),
    db.person.findMany({
      where: { disabledAt: null, status: { not: "LEFT" } },
      distinct: ["post"],
      orderBy: { post: "asc" },
      select: { post: true },
    }),
  ]);
  const top = departments.filter((d) => d.kind === "DEPARTMENT");
  const ordered = top.flatMap((d) => [
    { id: d.id, name: d.name },
    ...departments.filter((c) => c.parentId === d.id).map((c) => ({ id: c.id, name: `— ${c.name}` })),
  ]);
  return { departments: ordered, posts: posts.map((p) => p.post) };
}
