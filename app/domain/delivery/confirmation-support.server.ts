// What the confirmation use-cases share: the course locked for the change, the department tree, the heads
// of a department, and the mail a head gets. Only called inside a use-case's transaction.
import { mailLink } from "~/domain/mail/mail-link";
import type { MailInput } from "~/domain/mail/queue-mail.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { createI18n, toLocale, DEFAULT_LOCALE } from "~/utils/i18n";
import { addTodo } from "~/utils/todo.server";

import {
  confirmationSource,
  confirmationsHref,
  groupByConfirmingDepartment,
  type DepartmentRow,
} from "./confirmation-rules";

export { confirmationSource, confirmationsHref };

export type LockedCourse = {
  id: string;
  title: string;
  capacity: number;
  approvalState: string;
  deliveryState: string;
  confirmBy: Date | null;
  firstSessionStart: Date | null;
  sessions: Array<{ id: string; startsAt: Date; endsAt: Date; location: string }>;
};

/**
 * The course with its delivery row locked until the transaction ends, so that requests, confirmations,
 * swaps and reminders of one course happen one after the other. The delivery row is created when the
 * course was approved before it existed. null when there is no such course.
 */
export async function lockCourse(tx: Tx, courseId: string): Promise<LockedCourse | null> {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      capacity: true,
      approval: { select: { state: true } },
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, location: true } },
    },
  });
  if (!course) return null;
  if (course.approval.state === "APPROVED")
    await tx.$executeRaw`INSERT INTO "CourseDelivery" ("courseId", "createdAt", "updatedAt")
                         VALUES (${courseId}, ${now()}, ${now()}) ON CONFLICT ("courseId") DO NOTHING`;
  const [delivery] = await tx.$queryRaw<Array<{ state: string; confirmBy: Date | null }>>`
    SELECT "state"::text AS "state", "confirmBy" FROM "CourseDelivery" WHERE "courseId" = ${courseId} FOR UPDATE`;
  return {
    id: course.id,
    title: course.title,
    capacity: course.capacity,
    approvalState: course.approval.state,
    deliveryState: delivery?.state ?? "NONE",
    confirmBy: delivery?.confirmBy ?? null,
    firstSessionStart: course.sessions[0]?.startsAt ?? null,
    sessions: course.sessions,
  };
}

export async function bumpDelivery(tx: Tx, courseId: string, data: { confirmBy?: Date } = {}) {
  await tx.courseDelivery.update({ where: { courseId }, data: { ...data, version: { increment: 1 } } });
}

export function loadDepartments(tx: Tx): Promise<Array<DepartmentRow & { name: string }>> {
  return tx.department.findMany({ select: { id: true, parentId: true, kind: true, name: true } });
}

export type AttendeeRow = { personId: string; departmentId: string };

/** The course's attendees grouped by the department that confirms them. */
export async function attendeesByDepartment(tx: Tx, courseId: string, departments: readonly DepartmentRow[]) {
  const rows = await tx.courseAttendee.findMany({
    where: { courseId },
    select: { personId: true, person: { select: { departmentId: true } } },
  });
  return groupByConfirmingDepartment(
    departments,
    rows.map((r) => ({ personId: r.personId, departmentId: r.person.departmentId })),
  );
}

export type Head = { id: string; name: string; email: string | null; locale: string | null; departmentId: string };

/** The active heads of the given departments. */
export async function headsOf(tx: Tx, departmentIds: string[]): Promise<Head[]> {
  const roles = await tx.roleAssignment.findMany({
    where: {
      role: "DEPARTMENT_HEAD",
      departmentId: { in: departmentIds },
      person: { disabledAt: null, status: { not: "LEFT" } },
    },
    select: { departmentId: true, person: { select: { id: true, name: true, email: true, locale: true } } },
  });
  return roles.map((r) => ({ ...r.person, departmentId: r.departmentId! }));
}

/** The to-do and mail of one department's confirmation are kept under this source. */

/** The request (or reminder) mail to a head, in the head's language; null for a head without an address. */
export function headMail(
  head: Head,
  kind: "course.confirm" | "course.confirmReminder",
  course: { id: string; title: string },
  info: { confirmBy: Date; count: number; department: string; timeZone: string },
): MailInput | null {
  if (!head.email) return null;
  const locale = toLocale(head.locale) ?? DEFAULT_LOCALE;
  const { t } = createI18n(locale);
  const params = {
    name: head.name,
    title: course.title,
    department: info.department,
    count: info.count,
    deadline: formatDateTime(info.confirmBy, locale, info.timeZone),
    link: mailLink(confirmationsHref(course.id), env().PUBLIC_URL),
  };
  const key = kind === "course.confirm" ? "request" : "reminder";
  return {
    kind,
    toPersonId: head.id,
    toAddress: head.email,
    toName: head.name,
    subject: t(`confirmations.mail.${key}.subject`, params),
    text: t(`confirmations.mail.${key}.text`, params),
    sourceType: "Course",
    sourceId: course.id,
  };
}

const VOUCHING = ["confirmations.confirmed", "confirmations.swapped", "confirmations.withdrawn"];

/**
 * The attendees a department's head last stood behind (when confirming, or by their own swap or
 * withdrawal after it), from the audit entries those acts write; null when there is none.
 */
export async function vouchedAttendees(tx: Tx, courseId: string, departmentId: string): Promise<string[] | null> {
  const entry = await tx.auditEntry.findFirst({
    where: {
      entityType: "HeadConfirmation",
      entityId: confirmationSource(courseId, departmentId).sourceId,
      action: { in: VOUCHING },
    },
    orderBy: { id: "desc" },
    select: { summary: true },
  });
  const ids = (entry?.summary as { attendeeIds?: unknown } | null)?.attendeeIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : null;
}

/** Every clerk learns that a head changed the course's attendees (a to-do until they take note). */
export async function tellClerks(
  tx: Tx,
  course: { id: string; title: string },
  params: { department: string; head: string; change: "swapped" | "withdrawn" },
) {
  const clerks = await tx.person.findMany({
    where: { disabledAt: null, status: { not: "LEFT" }, roles: { some: { role: "TRAINING_CLERK" } } },
    select: { id: true },
  });
  for (const clerk of clerks)
    await addTodo(tx, {
      personId: clerk.id,
      kind: "course.attendeesChanged",
      sourceType: "Course",
      sourceId: course.id,
      href: confirmationsHref(course.id),
      params: { title: course.title, ...params },
      from: params.head,
    });
}
