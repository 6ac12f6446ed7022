// The clerk reminds the heads who have not confirmed yet (step 009): the to-do comes back to the top, a
// reminder mail goes out. At most once an hour per department, so a double click sends one mail.
import { queueMail, type MailInput } from "~/domain/mail/queue-mail.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { addTodo } from "~/utils/todo.server";

import { headMayAct, REMIND_INTERVAL_MS } from "./confirmation-rules";
import {
  attendeesByDepartment,
  confirmationSource,
  confirmationsHref,
  headMail,
  headsOf,
  loadDepartments,
  lockCourse,
} from "./confirmation-support.server";

export type RemindOutcome = { ok: true; departments: number; mails: number } | Failure;

/** Reminds every pending department, or only `departmentId`'s. */
export async function remindHeads(
  actor: Actor,
  courseId: string,
  options: { departmentId?: string } = {},
): Promise<RemindOutcome> {
  const { timeZone } = await getSettings();
  return db.$transaction(async (tx): Promise<RemindOutcome> => {
    const course = await lockCourse(tx, courseId);
    if (!course) return { ok: false, error: "errors.notFound", status: 404 };
    const at = now();
    const may = headMayAct(
      {
        confirmBy: course.confirmBy,
        firstSessionStart: course.firstSessionStart,
        cancelled: course.deliveryState === "CANCELLED",
      },
      at,
    );
    if (!may.ok) return { ok: false, error: may.error, status: 409 };
    const pending = await tx.headConfirmation.findMany({
      where: { courseId, state: "PENDING", ...(options.departmentId ? { departmentId: options.departmentId } : {}) },
    });
    if (pending.length === 0) return { ok: false, error: "confirmations.nothingToRemind", status: 409 };
    // Only rows not reminded within the hour are taken; the course lock makes this check and the update one step.
    const since = new Date(at.getTime() - REMIND_INTERVAL_MS);
    const due = pending.filter((p) => !p.remindedAt || p.remindedAt <= since);
    if (due.length === 0) return { ok: false, error: "confirmations.remindedRecently", status: 409 };
    const departments = await loadDepartments(tx);
    const groups = await attendeesByDepartment(tx, courseId, departments);
    const heads = await headsOf(
      tx,
      due.map((d) => d.departmentId),
    );
    const mails: MailInput[] = [];
    for (const row of due) {
      const count = groups.get(row.departmentId)?.length ?? 0;
      const department = departments.find((d) => d.id === row.departmentId)?.name ?? "";
      await tx.headConfirmation.update({
        where: { courseId_departmentId: { courseId, departmentId: row.departmentId } },
        data: { remindedAt: at },
      });
      for (const head of heads.filter((h) => h.departmentId === row.departmentId)) {
        await addTodo(tx, {
          personId: head.id,
          kind: "course.confirm",
          ...confirmationSource(courseId, row.departmentId),
          href: confirmationsHref(courseId),
          dueAt: course.confirmBy,
          params: { title: course.title, count },
          from: actor.name,
        });
        const mail = headMail(head, "course.confirmReminder", course, {
          confirmBy: course.confirmBy!,
          count,
          department,
          timeZone,
        });
        if (mail) mails.push(mail);
      }
    }
    const queued = await queueMail(tx, mails);
    await writeAudit(tx, {
      actor,
      action: "confirmations.reminded",
      entityType: "Course",
      entityId: courseId,
      summary: { departmentIds: due.map((d) => d.departmentId), mails: queued },
    });
    return { ok: true, departments: due.length, mails: queued };
  });
}
