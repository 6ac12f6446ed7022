// Publishing a course's notice (step 009): every attendee gets it on their to-do list and, with an e-mail
// address, by mail with a calendar invite. Only when the checklist is complete (or the training manager
// released it with a reason), before the first session starts, and exactly once.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";
import type { Actor } from "~/workflow/approval.server";

import { hasEmail } from "./notice-data.server";
import { syncInvites } from "./sync-invites.server";

export type PublishOutcome =
  | { ok: true; attendees: number; mails: number; withoutEmail: Array<{ name: string; employeeNo: string }> }
  | { ok: false; error: string; status: 400 | 404 | 409 };

const refuse = (error: string, status: 400 | 404 | 409 = 409, params?: Record<string, string | number>) => ({
  ok: false as const,
  error: messageKey(error, params),
  status,
});

export async function publishCourse(
  actor: Actor,
  courseId: string,
  options: { version?: number } = {},
): Promise<PublishOutcome> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: {
        approval: { select: { state: true } },
        delivery: { select: { state: true, version: true, overrideReason: true } },
        sessions: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
        attendees: { select: { person: { select: { name: true, employeeNo: true, email: true } } } },
      },
    });
    if (!course) return refuse("errors.notFound", 404);
    if (course.approval.state !== "APPROVED") return refuse("notices.errors.notApproved");
    const { delivery } = course;
    if (delivery?.state !== "PREPARING") return refuse("notices.errors.notPreparing");
    if (options.version !== undefined && options.version !== delivery.version) return refuse("errors.conflict");
    const open = await tx.preparationItem.count({ where: { courseId, doneAt: null } });
    if (open > 0 && !delivery.overrideReason) return refuse("notices.errors.checklistIncomplete", 409, { count: open });
    const first = course.sessions[0];
    if (!first) return refuse("notices.errors.noSessions", 400);
    if (course.attendees.length === 0) return refuse("notices.errors.noAttendees", 400);
    if (first.startsAt <= now()) return refuse("notices.errors.started");
    // The first write, conditional on the state read: of two clerks publishing at once, the second waits for
    // the first's row lock, then finds the state changed and gets a conflict.
    const { count } = await tx.courseDelivery.updateMany({
      where: { courseId, state: "PREPARING", version: delivery.version },
      data: { state: "PUBLISHED", publishedAt: now(), publishedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) return refuse("errors.conflict");
    const sync = await syncInvites(tx, courseId, { actor });
    const withoutEmail = course.attendees
      .map((a) => a.person)
      .filter((p) => !hasEmail(p))
      .map((p) => ({ name: p.name, employeeNo: p.employeeNo }))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
    const mails = course.attendees.length - withoutEmail.length;
    await writeAudit(tx, {
      actor,
      action: "notices.published",
      entityType: "Course",
      entityId: courseId,
      summary: {
        attendees: course.attendees.length,
        mails,
        invites: sync.invited,
        withoutEmail: withoutEmail.map((p) => p.employeeNo),
        overrideReason: open > 0 ? delivery.overrideReason : null,
      },
    });
    return { ok: true as const, attendees: course.attendees.length, mails, withoutEmail };
  });
}
