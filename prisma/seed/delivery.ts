// Demo content for steps 008–010, on the approved courses of seedMonthlyPlans: what a training clerk's
// desk looks like on the seed's day. Courses that have begun were prepared, confirmed by the heads and
// published before their first session; courses still ahead are being prepared, and those within two
// weeks wait for a department head's confirmation. Nothing is dated after `at`.
import { confirmationSource, confirmationsHref, defaultConfirmBy } from "../../app/domain/delivery/confirmation-rules";
import { sessionUid } from "../../app/domain/delivery/invite";
import type { Tx } from "../../app/utils/db.server";

const ZONE = "Asia/Shanghai";
const DAY = 86_400_000;
const BRING = "笔记本、笔；工牌；本人常用的催收话术记录（如有）";

export async function seedDelivery(tx: Tx, at: Date) {
  const clerk = await tx.person.findUniqueOrThrow({ where: { employeeNo: "T0002" }, select: { id: true, name: true } });
  const heads = await tx.roleAssignment.findMany({
    where: { role: "DEPARTMENT_HEAD" },
    select: { departmentId: true, person: { select: { id: true, name: true } } },
  });
  const departments = await tx.department.findMany({ select: { id: true, parentId: true, kind: true } });
  // A team's people are confirmed by the head of the department above it.
  const confirming = (departmentId: string) => {
    const d = departments.find((x) => x.id === departmentId);
    return d?.kind === "TEAM" && d.parentId ? d.parentId : departmentId;
  };
  const courses = await tx.course.findMany({
    where: { approval: { state: "APPROVED" } },
    select: {
      id: true,
      title: true,
      lecturerKind: true,
      externalContact: true,
      externalFeeFen: true,
      approval: { select: { decisions: { where: { action: "APPROVE" }, select: { at: true } } } },
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, location: true } },
      attendees: { select: { personId: true, person: { select: { departmentId: true } } } },
    },
  });
  for (const course of courses) {
    const first = course.sessions[0]?.startsAt;
    if (!first) continue;
    const approvedAt = course.approval.decisions[0]?.at ?? new Date(at.getTime() - 7 * DAY);
    // A moment between approval and today, as close to `wanted` as those allow.
    const when = (wanted: Date) =>
      new Date(Math.min(at.getTime(), Math.max(approvedAt.getTime() + 3_600_000, wanted.getTime())));
    const byDepartment = new Map<string, string[]>();
    for (const a of course.attendees) {
      const d = confirming(a.person.departmentId);
      byDepartment.set(d, [...(byDepartment.get(d) ?? []), a.personId]);
    }
    const headed = [...byDepartment.entries()].filter(([d]) => heads.some((h) => h.departmentId === d));
    const external = course.lecturerKind === "EXTERNAL";
    const tick = (keys: string[] | "all", doneAt: Date) =>
      tx.preparationItem.updateMany({
        where: { courseId: course.id, ...(keys === "all" ? {} : { key: { in: keys } }) },
        data: { doneAt, doneById: clerk.id, doneByName: clerk.name },
      });
    // The institution agreed to the budgeted fee (the budget page lists a difference once one is typed).
    const institution = external
      ? { institutionContact: course.externalContact, agreedFeeFen: course.externalFeeFen }
      : {};

    if (first <= at) {
      // Under way or over: prepared, confirmed and published before the first session.
      const publishedAt = when(new Date(first.getTime() - 3 * DAY));
      await tick("all", when(new Date(first.getTime() - 5 * DAY)));
      await tx.courseDelivery.update({
        where: { courseId: course.id },
        data: {
          state: "PUBLISHED",
          bringItems: BRING,
          ...institution,
          confirmBy: when(new Date(first.getTime() - 4 * DAY)),
          lecturerNotifiedAt: external ? null : when(new Date(first.getTime() - 6 * DAY)),
          publishedAt,
          publishedById: clerk.id,
        },
      });
      for (const [departmentId] of headed) {
        const head = heads.find((h) => h.departmentId === departmentId)!.person;
        await tx.headConfirmation.create({
          data: {
            courseId: course.id,
            departmentId,
            state: "CONFIRMED",
            confirmedAt: when(new Date(first.getTime() - 4.5 * DAY)),
            confirmedById: head.id,
            confirmedByName: head.name,
          },
        });
      }
      await tx.sessionInvite.createMany({
        data: course.attendees.flatMap((a) =>
          course.sessions.map((s) => ({
            uid: sessionUid(s.id),
            personId: a.personId,
            courseId: course.id,
            sessionId: s.id,
            sequence: 0,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            location: s.location,
            sentAt: publishedAt,
            remindedAt: s.startsAt.getTime() - DAY <= at.getTime() ? when(new Date(s.startsAt.getTime() - DAY)) : null,
          })),
        ),
      });
      continue;
    }

    // Ahead: the room is booked (and the institution called); the rest is the clerk's to do.
    await tick(external ? ["venue", "institutionContacted"] : ["venue"], when(new Date(at.getTime() - DAY)));
    if (external) await tx.courseDelivery.update({ where: { courseId: course.id }, data: institution });
    if (first.getTime() - at.getTime() > 14 * DAY) continue;
    // Within two weeks: the heads were asked to confirm; the last of them has not answered yet.
    const confirmBy = defaultConfirmBy(first, when(new Date(at.getTime() - DAY)), 3, ZONE);
    await tx.courseDelivery.update({ where: { courseId: course.id }, data: { confirmBy, bringItems: BRING } });
    for (const [i, [departmentId, people]] of headed.entries()) {
      const head = heads.find((h) => h.departmentId === departmentId)!.person;
      const answered = i < headed.length - 1;
      await tx.headConfirmation.create({
        data: {
          courseId: course.id,
          departmentId,
          state: answered ? "CONFIRMED" : "PENDING",
          ...(answered ? { confirmedAt: when(at), confirmedById: head.id, confirmedByName: head.name } : {}),
        },
      });
      if (!answered)
        await tx.todoItem.create({
          data: {
            personId: head.id,
            kind: "course.confirm",
            ...confirmationSource(course.id, departmentId),
            href: confirmationsHref(course.id),
            dueAt: confirmBy,
            params: { title: course.title, count: people.length },
            createdAt: when(new Date(at.getTime() - DAY)),
          },
        });
    }
  }
}
