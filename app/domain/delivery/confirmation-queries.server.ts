// The confirmations page in one read: the clerk's overview of every attending department, and for a
// head their departments' attendees with the people they may swap in.
import { localParts } from "~/domain/course/session-view";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";

import { defaultConfirmBy, headMayAct, localDay } from "./confirmation-rules";
import { attendeesByDepartment, headsOf, loadDepartments } from "./confirmation-support.server";

export type Viewer = { allDepartments: boolean; headOf: string[]; headConfirmDays: number; timeZone: string };

/** null when there is no such course, or a head none of whose people attend it. */
export async function confirmationPage(courseId: string, viewer: Viewer) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      outline: true,
      capacity: true,
      lecturerKind: true,
      lecturer: { select: { name: true, post: true } },
      externalLecturer: true,
      externalOrg: true,
      approval: { select: { state: true } },
      delivery: { select: { state: true, confirmBy: true } },
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, location: true } },
      confirmations: true,
    },
  });
  if (!course) return null;
  const departments = await loadDepartments(db);
  const groups = await attendeesByDepartment(db, courseId, departments);
  const mine = viewer.headOf.filter((id) => groups.has(id));
  if (!viewer.allDepartments && mine.length === 0) return null;
  const at = now();
  const firstSessionStart = course.sessions[0]?.startsAt ?? null;
  const confirmBy = course.delivery?.confirmBy ?? null;
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? "";
  const heads = await headsOf(db, [...groups.keys()]);
  const rowOf = (id: string) => course.confirmations.find((c) => c.departmentId === id) ?? null;
  const status = (id: string) => {
    const row = rowOf(id);
    return {
      departmentId: id,
      department: nameOf(id),
      attendees: groups.get(id)?.length ?? 0,
      heads: heads.filter((h) => h.departmentId === id).map((h) => h.name),
      requested: row !== null,
      state: row?.state ?? null,
      confirmedAt: row?.confirmedAt ?? null,
      confirmedByName: row?.confirmedByName ?? null,
      remindedAt: row?.remindedAt ?? null,
    };
  };
  const proposed = defaultConfirmBy(firstSessionStart, at, viewer.headConfirmDays, viewer.timeZone);
  const may = headMayAct({ confirmBy, firstSessionStart, cancelled: course.delivery?.state === "CANCELLED" }, at);
  return {
    course: {
      id: course.id,
      title: course.title,
      outline: course.outline,
      approved: course.approval.state === "APPROVED",
      deliveryState: course.delivery?.state ?? null,
      lecturer:
        course.lecturerKind === "INTERNAL"
          ? { name: course.lecturer?.name ?? "", org: course.lecturer?.post ?? "" }
          : { name: course.externalLecturer ?? "", org: course.externalOrg ?? "" },
    },
    sessions: course.sessions.map((s) => {
      const [from, to] = [localParts(s.startsAt, viewer.timeZone), localParts(s.endsAt, viewer.timeZone)];
      return { id: s.id, date: from.date, start: from.time, end: to.time, location: s.location };
    }),
    confirmBy,
    proposedDeadline: proposed ? localDay(proposed, viewer.timeZone) : "",
    mayAct: may.ok,
    closedReason: may.ok ? null : may.error,
    overview: viewer.allDepartments
      ? [...groups.keys()].map(status).sort((a, b) => a.department.localeCompare(b.department, "zh-CN"))
      : [],
    mine: await Promise.all(
      mine.map(async (id) => ({ ...status(id), ...(await headSection(courseId, id, groups.get(id)!, departments)) })),
    ),
  };
}

async function headSection(
  courseId: string,
  departmentId: string,
  attendees: Array<{ personId: string }>,
  departments: Awaited<ReturnType<typeof loadDepartments>>,
) {
  const scope = subtreeIds(departments, [departmentId]);
  const person = {
    id: true,
    employeeNo: true,
    name: true,
    post: true,
    department: { select: { name: true } },
  } as const;
  const [people, eligible] = await Promise.all([
    db.person.findMany({
      where: { id: { in: attendees.map((a) => a.personId) } },
      orderBy: { employeeNo: "asc" },
      select: person,
    }),
    db.person.findMany({
      where: {
        departmentId: { in: scope },
        disabledAt: null,
        status: { not: "LEFT" },
        courseAttendances: { none: { courseId } },
      },
      orderBy: { employeeNo: "asc" },
      select: person,
    }),
  ]);
  const shape = (p: (typeof people)[number]) => ({
    id: p.id,
    employeeNo: p.employeeNo,
    name: p.name,
    post: p.post,
    team: p.department.name,
  });
  return { people: people.map(shape), eligible: eligible.map(shape) };
}
