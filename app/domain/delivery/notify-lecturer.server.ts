// Telling an internal lecturer to prepare (step 009): outline, materials, attendee count, sessions and rooms,
// on their to-do list and by mail. May be sent again after a change. An external lecturer gets nothing from
// here: the checklist covers contacting the institution.
import { queueMail } from "~/domain/mail/queue-mail.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";
import type { Actor } from "~/workflow/approval.server";

import { hasEmail, LECTURER_TODO, loadNoticeCourse, myTrainingHref } from "./notice-data.server";
import { lecturerText, localeOf } from "./notice-text";

export type LecturerOutcome = { ok: true; mailed: boolean } | { ok: false; error: string; status: 400 | 404 | 409 };

export async function notifyLecturer(actor: Actor, courseId: string): Promise<LecturerOutcome> {
  return db.$transaction(async (tx) => {
    const data = await loadNoticeCourse(tx, courseId);
    if (!data) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    const { course, settings } = data;
    if (course.approval.state !== "APPROVED")
      return { ok: false as const, error: "notices.errors.notApproved", status: 409 as const };
    if (course.delivery?.state === "CANCELLED")
      return { ok: false as const, error: "notices.errors.cancelled", status: 409 as const };
    const lecturer = course.lecturer;
    if (course.lecturerKind !== "INTERNAL" || !lecturer)
      return { ok: false as const, error: "notices.errors.noInternalLecturer", status: 409 as const };
    const materials = await tx.courseMaterial.findMany({
      where: { courseId },
      orderBy: { uploadedAt: "asc" },
      select: { fileName: true },
    });
    const mail = lecturerText(
      localeOf(lecturer.locale),
      {
        ...data.notice,
        outline: course.outline,
        materials: materials.map((m) => m.fileName),
        attendeeCount: data.people.length,
      },
      settings.timeZone,
      { name: lecturer.name, sender: settings.mailSenderName },
    );
    const mailed = hasEmail(lecturer);
    if (mailed)
      await queueMail(tx, [
        {
          kind: "course.lecturer",
          toPersonId: lecturer.id,
          toAddress: lecturer.email!.trim(),
          toName: lecturer.name,
          ...mail,
          sourceType: "Course",
          sourceId: courseId,
        },
      ]);
    await addTodo(tx, {
      personId: lecturer.id,
      kind: LECTURER_TODO,
      sourceType: "Course",
      sourceId: courseId,
      href: myTrainingHref(courseId),
      params: { title: course.title, count: data.people.length },
      dueAt: course.sessions[0]?.startsAt ?? null,
      from: actor.name,
    });
    const at = now();
    if (course.delivery) await tx.courseDelivery.update({ where: { courseId }, data: { lecturerNotifiedAt: at } });
    else await tx.courseDelivery.create({ data: { courseId, lecturerNotifiedAt: at } });
    await writeAudit(tx, {
      actor,
      action: "notices.lecturerNotified",
      entityType: "Course",
      entityId: courseId,
      summary: {
        lecturer: lecturer.employeeNo,
        mailed,
        attendees: data.people.length,
        again: Boolean(course.delivery?.lecturerNotifiedAt),
      },
    });
    return { ok: true as const, mailed };
  });
}
