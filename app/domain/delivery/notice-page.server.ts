// Reads for the notices pages: the clerk's page of a course, and an attendee's own notice and calendar.
import { localParts } from "~/domain/course/session-view";
import { heldOutside, roomKey } from "~/domain/scheduling/room-rules";
import { roomChoices } from "~/domain/scheduling/scheduling-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { inviteTemplate, sessionUid } from "./invite";
import { hasEmail } from "./notice-data.server";
import { courseDetails, localeOf } from "./notice-text";

/** The clerk's notices page; null without such a course or when none of its attendees is in the reader's scope. */
export async function noticePage(courseId: string, departmentIds: string[] | null) {
  const { timeZone } = await getSettings();
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      lecturerKind: true,
      lecturer: { select: { name: true, employeeNo: true } },
      externalLecturer: true,
      externalOrg: true,
      approval: { select: { state: true } },
      monthlyItem: { select: { category: true } },
      delivery: true,
      sessions: { orderBy: { startsAt: "asc" } },
      attendees: {
        select: { person: { select: { name: true, employeeNo: true, email: true, departmentId: true } } },
      },
    },
  });
  if (!course) return null;
  if (departmentIds && !course.attendees.some((a) => departmentIds.includes(a.person.departmentId))) return null;
  const outside = heldOutside(course.monthlyItem.category);
  const [items, history, rooms] = await Promise.all([
    db.preparationItem.groupBy({ by: ["courseId"], where: { courseId }, _count: { _all: true, doneAt: true } }),
    db.outboxMessage.groupBy({
      by: ["kind", "status"],
      where: { sourceType: "Course", sourceId: courseId },
      _count: { _all: true },
      orderBy: [{ kind: "asc" }, { status: "asc" }],
    }),
    outside ? [] : roomChoices(),
  ]);
  // A session booked before rooms were listed is in the listed room its place names, if any.
  const roomOf = (s: { roomId: string | null; location: string }) =>
    s.roomId ?? rooms.find((r) => roomKey(r.name) === roomKey(s.location))?.id ?? "";
  const people = course.attendees.map((a) => a.person).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const { delivery } = course;
  return {
    course: {
      id: course.id,
      title: course.title,
      approved: course.approval.state === "APPROVED",
      lecturerKind: course.lecturerKind,
      lecturer: course.lecturer?.name ?? [course.externalLecturer, course.externalOrg].filter(Boolean).join("，"),
    },
    delivery: delivery && {
      state: delivery.state,
      version: delivery.version,
      overrideReason: delivery.overrideReason,
      publishedAt: delivery.publishedAt,
      cancelledAt: delivery.cancelledAt,
      cancelReason: delivery.cancelReason,
      lecturerNotifiedAt: delivery.lecturerNotifiedAt,
      bringItems: delivery.bringItems,
    },
    checklist: checklistState(items[0]?._count._all ?? 0, items[0]?._count.doneAt ?? 0, delivery?.overrideReason),
    sessions: course.sessions.map((s) => {
      const [from, to] = [localParts(s.startsAt, timeZone), localParts(s.endsAt, timeZone)];
      const place = { location: s.location, roomId: roomOf(s) };
      return { id: s.id, date: from.date, start: from.time, end: to.time, ...place, startsAt: s.startsAt };
    }),
    // Where a moved session may go: a listed room for in-house training, a typed venue when held outside.
    outside,
    rooms,
    attendees: people.length,
    mails: people.filter(hasEmail).length,
    withoutEmail: people.filter((p) => !hasEmail(p)).map((p) => ({ name: p.name, employeeNo: p.employeeNo })),
    history: history.map((h) => ({ kind: h.kind, status: h.status, count: h._count._all })),
  };
}

/**
 * A person's own notice of a course: they attend it, were sent an invite for it, or lecture it; else null.
 */
export async function myTraining(courseId: string, personId: string) {
  const course = await db.course.findFirst({
    where: {
      id: courseId,
      approval: { state: "APPROVED" },
      OR: [{ attendees: { some: { personId } } }, { invites: { some: { personId } } }, { lecturerId: personId }],
    },
    select: {
      id: true,
      title: true,
      lecturer: { select: { name: true } },
      externalLecturer: true,
      externalOrg: true,
      delivery: { select: { state: true, bringItems: true, cancelReason: true } },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, location: true, sequence: true, batch: true },
      },
      attendees: { where: { personId }, select: { personId: true, batch: true } },
      invites: {
        where: { personId },
        select: { uid: true, sequence: true, cancelled: true, startsAt: true, endsAt: true, location: true },
      },
    },
  });
  if (!course) return null;
  const attending = course.attendees.length > 0 && course.delivery?.state !== "CANCELLED";
  return {
    id: course.id,
    title: course.title,
    lecturer: course.lecturer?.name ?? [course.externalLecturer, course.externalOrg].filter(Boolean).join("，"),
    bringItems: course.delivery?.bringItems ?? "",
    cancelled: course.delivery?.state === "CANCELLED" || (course.attendees.length === 0 && course.invites.length > 0),
    attending,
    // An attendee of a course split into batches sits the sessions of their batch (ADR 0025).
    sessions: course.attendees[0]
      ? course.sessions.filter((s) => s.batch === course.attendees[0].batch)
      : course.sessions,
    invites: course.invites,
  };
}

/** The person's calendar file for the course: their sessions as they stand, or the cancellation of what they had. */
export async function myCalendar(
  courseId: string,
  person: { id: string; name: string; email: string | null; locale: string | null },
) {
  const mine = await myTraining(courseId, person.id);
  if (!mine) return null;
  const settings = await getSettings();
  const sent = new Map(mine.invites.map((i) => [i.uid, i]));
  const notice = { title: mine.title, lecturer: mine.lecturer, bringItems: mine.bringItems, sessions: mine.sessions };
  const description = courseDetails(localeOf(person.locale), notice, settings.timeZone).join("\n");
  const events = mine.cancelled
    ? mine.invites.map((i) => ({ ...i, summary: mine.title, description }))
    : mine.sessions.map((s) => {
        const uid = sessionUid(s.id);
        return {
          uid,
          sequence: Math.max(s.sequence, sent.get(uid)?.sequence ?? 0),
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          location: s.location,
          summary: mine.title,
          description,
        };
      });
  return inviteTemplate({
    method: mine.cancelled ? "CANCEL" : "REQUEST",
    timeZone: settings.timeZone,
    stamp: now(),
    organizer: { name: settings.mailSenderName, email: settings.mailSenderAddress },
    events,
  })(person.email ? { name: person.name, email: person.email } : null);
}

/** Publishing's checklist rule as the page shows it: complete, or released by the training manager. */
function checklistState(total: number, done: number, overrideReason: string | null | undefined) {
  return { total, done, open: total - done, ready: done === total || Boolean(overrideReason) };
}
