// Moving a session of an approved course (step 009): the plan's content is fixed, but time and place are
// logistics the clerk may still change, with a reason, audited; after publishing everyone gets an update.
import { MAX_SESSION_MINUTES, sessionInterval, sessionTooLong } from "~/domain/course/course-rules";
import { localParts } from "~/domain/course/session-view";
import { sessionPlace, type Place } from "~/domain/scheduling/session-room.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";
import type { Actor } from "~/workflow/approval.server";

import { syncInvites, type InviteSync } from "./sync-invites.server";

/**
 * The new time, and the new place: a listed room for in-house training (`roomId`, from the room select), the
 * venue typed for 外部培训 / 集团培训 (`location`). A place typed for in-house training is the room it names.
 */
export type RescheduleInput = {
  date: string;
  start: string;
  end: string;
  roomId?: string | null;
  location?: string | null;
  reason: string;
};
export type RescheduleOutcome =
  | { ok: true; changed: boolean; sync: InviteSync }
  | { ok: false; error: string; field?: string; status: 400 | 404 | 409 };

const refuse = (error: string, status: 400 | 404 | 409 = 400, field?: string) => ({
  ok: false as const,
  error,
  status,
  field,
});

export async function rescheduleSession(
  actor: Actor,
  courseId: string,
  sessionId: string,
  input: RescheduleInput,
): Promise<RescheduleOutcome> {
  const reason = input.reason.trim();
  if (!reason) return refuse("notices.errors.reasonRequired", 400, "reason");
  const { timeZone } = await getSettings();
  const next = sessionInterval(input.date, input.start, input.end, timeZone);
  if (Number.isNaN(next.startsAt.getTime()) || Number.isNaN(next.endsAt.getTime()))
    return refuse("validation.invalid", 400, "date");
  if (next.endsAt <= next.startsAt) return refuse("notices.errors.endBeforeStart", 400, "end");
  // The limits a session is added under hold for a move too.
  if (sessionTooLong(input.start, input.end))
    return refuse(messageKey("course.validation.sessionTooLong", { hours: MAX_SESSION_MINUTES / 60 }), 400, "end");
  if (next.startsAt <= now()) return refuse("notices.errors.past", 400, "date");
  return db.$transaction(async (tx) => {
    // The session row is locked to the commit: two moves of the same session are applied one after the other.
    const [locked] = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT "id" FROM "CourseSession" WHERE "id" = ${sessionId} AND "courseId" = ${courseId} FOR UPDATE`;
    if (!locked) return refuse("errors.notFound", 404);
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        title: true,
        monthlyItem: { select: { category: true } },
        approval: { select: { state: true } },
        delivery: { select: { state: true } },
        attendees: { select: { personId: true, batch: true } },
      },
    });
    if (course.approval.state !== "APPROVED") return refuse("notices.errors.notApproved", 409);
    if (course.delivery?.state === "CANCELLED") return refuse("notices.errors.cancelled", 409);
    const before = await tx.courseSession.findUniqueOrThrow({ where: { id: sessionId } });
    // Who sits the session: the attendees of its batch (ADR 0025).
    const sitting = course.attendees.filter((a) => a.batch === before.batch);
    // A new place is a listed room that seats the sitting attendees (printed by its name), unless held outside.
    const place = await movedPlace(tx, before, input, course.monthlyItem.category, sitting.length);
    if (!place.ok) return refuse(place.error, 400, place.field);
    const changed =
      before.startsAt.getTime() !== next.startsAt.getTime() ||
      before.endsAt.getTime() !== next.endsAt.getTime() ||
      before.location !== place.location;
    if (!changed)
      return { ok: true as const, changed: false, sync: { invited: 0, updated: 0, cancelled: 0, withoutEmail: 0 } };
    const ownOverlap = await tx.courseSession.count({
      where: { courseId, id: { not: sessionId }, startsAt: { lt: next.endsAt }, endsAt: { gt: next.startsAt } },
    });
    if (ownOverlap > 0) return refuse("course.validation.sessionOverlap", 400, "start");
    const clash = await attendeeClash(
      tx,
      courseId,
      sitting.map((a) => a.personId),
      next,
    );
    if (clash) return refuse(clash, 409, "date");
    const taken = place.roomId ? await roomTaken(tx, sessionId, place.roomId, next) : null;
    if (taken)
      return refuse(messageKey("notices.errors.roomTaken", { room: place.location, course: taken }), 409, "roomId");
    await tx.courseSession.update({
      where: { id: sessionId },
      data: { ...next, location: place.location, roomId: place.roomId, sequence: { increment: 1 } },
    });
    await tx.courseDelivery.updateMany({ where: { courseId }, data: { version: { increment: 1 } } });
    const sync = await syncInvites(tx, courseId, { actor, reason });
    const show = (s: { startsAt: Date; endsAt: Date; location: string }) => ({
      date: localParts(s.startsAt, timeZone).date,
      start: localParts(s.startsAt, timeZone).time,
      end: localParts(s.endsAt, timeZone).time,
      location: s.location,
    });
    await writeAudit(tx, {
      actor,
      action: "notices.rescheduled",
      entityType: "Course",
      entityId: courseId,
      reason,
      summary: { sessionId, before: show(before), after: show({ ...next, location: place.location }), ...sync },
    });
    return { ok: true as const, changed: true, sync };
  });
}

/** The place the session moves to: unchanged when the same room (or the same venue) is sent again. */
async function movedPlace(
  tx: Tx,
  before: { roomId: string | null; location: string },
  input: RescheduleInput,
  category: string,
  attendees: number,
): Promise<Place> {
  const typed = input.location?.trim() ?? "";
  const same = input.roomId ? input.roomId === before.roomId : typed === before.location;
  if (same) return { ok: true, roomId: before.roomId, location: before.location };
  return sessionPlace(tx, { roomId: input.roomId, location: typed }, category, attendees);
}

/** The title of another course (not cancelled) with a session in this room at the new time, or null. */
async function roomTaken(tx: Tx, sessionId: string, roomId: string, at: { startsAt: Date; endsAt: Date }) {
  const other = await tx.courseSession.findFirst({
    where: {
      roomId,
      id: { not: sessionId },
      startsAt: { lt: at.endsAt },
      endsAt: { gt: at.startsAt },
      course: { OR: [{ delivery: null }, { delivery: { state: { not: "CANCELLED" } } }] },
    },
    orderBy: { startsAt: "asc" },
    select: { course: { select: { title: true } } },
  });
  return other?.course.title ?? null;
}

/**
 * An attendee booked in another course's session at the new time (a cancelled course books nobody): the
 * message names them and the other courses.
 */
async function attendeeClash(
  tx: Tx,
  courseId: string,
  personIds: string[],
  at: { startsAt: Date; endsAt: Date },
): Promise<string | null> {
  if (personIds.length === 0) return null;
  const booked = await tx.courseAttendee
    .findMany({
      where: {
        personId: { in: personIds },
        courseId: { not: courseId },
        course: {
          sessions: { some: { startsAt: { lt: at.endsAt }, endsAt: { gt: at.startsAt } } },
          OR: [{ delivery: null }, { delivery: { state: { not: "CANCELLED" } } }],
        },
      },
      select: {
        batch: true,
        person: { select: { name: true, employeeNo: true } },
        course: {
          select: {
            title: true,
            sessions: { where: { startsAt: { lt: at.endsAt }, endsAt: { gt: at.startsAt } }, select: { batch: true } },
          },
        },
      },
      orderBy: { personId: "asc" },
    })
    .then((rows) => rows.filter((b) => b.course.sessions.some((s) => s.batch === b.batch)));
  if (booked.length === 0) return null;
  const names = [...new Set(booked.map((b) => b.person.name))];
  const courses = [...new Set(booked.map((b) => b.course.title))];
  return messageKey("notices.errors.clash", {
    names: names.join("、"),
    courses: courses.join("、"),
  });
}
