// The clerk asks the heads of every attending department to confirm course, lecturer and their
// attendees by a deadline (step 009): one HeadConfirmation per department, a to-do and a mail per head.
import { queueMail, type MailInput } from "~/domain/mail/queue-mail.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { addTodo, closeTodos } from "~/utils/todo.server";

import { chosenConfirmBy, defaultConfirmBy, sameAttendees } from "./confirmation-rules";
import {
  attendeesByDepartment,
  bumpDelivery,
  confirmationSource,
  confirmationsHref,
  headMail,
  headsOf,
  loadDepartments,
  lockCourse,
  vouchedAttendees,
} from "./confirmation-support.server";

export type RequestOutcome = { ok: true; pending: number; confirmed: number; mails: number } | Failure;

export async function requestConfirmations(
  actor: Actor,
  courseId: string,
  options: { confirmBy?: string } = {},
): Promise<RequestOutcome> {
  const settings = await getSettings();
  return db.$transaction(async (tx): Promise<RequestOutcome> => {
    const course = await lockCourse(tx, courseId);
    if (!course) return { ok: false, error: "errors.notFound", status: 404 };
    if (course.approvalState !== "APPROVED") return { ok: false, error: "confirmations.notApproved", status: 409 };
    if (course.deliveryState === "CANCELLED") return { ok: false, error: "confirmations.cancelled", status: 409 };
    const at = now();
    let confirmBy: Date;
    if (options.confirmBy) {
      const chosen = chosenConfirmBy(options.confirmBy, course.firstSessionStart, at, settings.timeZone);
      if (!chosen.ok) return { ok: false, error: chosen.error, field: "confirmBy" };
      confirmBy = chosen.confirmBy;
    } else {
      const proposed = defaultConfirmBy(course.firstSessionStart, at, settings.headConfirmDays, settings.timeZone);
      if (!proposed)
        return {
          ok: false,
          error: course.firstSessionStart ? "confirmations.courseStarted" : "confirmations.noSessions",
        };
      confirmBy = proposed;
    }
    const departments = await loadDepartments(tx);
    const groups = await attendeesByDepartment(tx, courseId, departments);
    if (groups.size === 0) return { ok: false, error: "confirmations.noAttendees" };
    const heads = await headsOf(tx, [...groups.keys()]);
    const headed = [...groups.keys()].filter((id) => heads.some((h) => h.departmentId === id));
    const existing = await tx.headConfirmation.findMany({ where: { courseId } });

    // Departments that no longer attend (or lost their heads) are no longer asked.
    for (const row of existing.filter((r) => !headed.includes(r.departmentId))) {
      await tx.headConfirmation.delete({
        where: { courseId_departmentId: { courseId, departmentId: row.departmentId } },
      });
      await closeTodos(tx, { ...confirmationSource(courseId, row.departmentId), kind: "course.confirm" });
    }

    const mails: MailInput[] = [];
    const summary: Array<{ departmentId: string; state: string; attendees: number }> = [];
    for (const departmentId of headed) {
      const attendeeIds = groups.get(departmentId)!.map((a) => a.personId);
      const row = existing.find((r) => r.departmentId === departmentId);
      let state = row?.state ?? "PENDING";
      if (state === "CONFIRMED") {
        // A confirmation holds for the people the head stood behind; other people need a new one.
        const vouched = await vouchedAttendees(tx, courseId, departmentId);
        if (!vouched || !sameAttendees(vouched, attendeeIds)) state = "PENDING";
      }
      const key = { courseId_departmentId: { courseId, departmentId } };
      if (!row) await tx.headConfirmation.create({ data: { courseId, departmentId, createdAt: at } });
      else if (row.state !== state)
        await tx.headConfirmation.update({
          where: key,
          data: { state: "PENDING", confirmedAt: null, confirmedById: null, confirmedByName: null },
        });
      summary.push({ departmentId, state, attendees: attendeeIds.length });
      if (state !== "PENDING") continue;
      const department = departments.find((d) => d.id === departmentId)!.name;
      for (const head of heads.filter((h) => h.departmentId === departmentId)) {
        await addTodo(tx, {
          personId: head.id,
          kind: "course.confirm",
          ...confirmationSource(courseId, departmentId),
          href: confirmationsHref(courseId),
          dueAt: confirmBy,
          params: { title: course.title, count: attendeeIds.length },
          from: actor.name,
        });
        const mail = headMail(head, "course.confirm", course, {
          confirmBy,
          count: attendeeIds.length,
          department,
          timeZone: settings.timeZone,
        });
        if (mail) mails.push(mail);
      }
    }
    await bumpDelivery(tx, courseId, { confirmBy });
    // Asking again takes in any change the heads made: the clerk's notices of it are done.
    await closeTodos(tx, { sourceType: "Course", sourceId: courseId, kind: "course.attendeesChanged" });
    const queued = await queueMail(tx, mails);
    const withoutHead = [...groups.keys()].filter((id) => !headed.includes(id));
    await writeAudit(tx, {
      actor,
      action: "confirmations.requested",
      entityType: "Course",
      entityId: courseId,
      summary: { confirmBy: confirmBy.toISOString(), departments: summary, withoutHead, mails: queued },
    });
    const pending = summary.filter((s) => s.state === "PENDING").length;
    return { ok: true, pending, confirmed: summary.length - pending, mails: queued };
  });
}
