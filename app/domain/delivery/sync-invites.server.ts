// Brings every attendee's calendar in line with the course as it now is (step 009): after publishing, a
// change of time or place, a swapped or withdrawn attendee, a cancellation. Compares what each person was
// last sent (SessionInvite) with the course's sessions and attendees, and queues REQUEST updates (same UID,
// higher SEQUENCE) and CANCELs through the outbox, in the caller's transaction.
// docs/decisions/0016-course-delivery-and-notices.md
import { queueMail } from "~/domain/mail/queue-mail.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import type { Actor } from "~/workflow/approval.server";

import { sessionUid } from "./invite";
import {
  buildMails,
  CANCELLED_TODO,
  hasEmail,
  loadNoticeCourse,
  myTrainingHref,
  NOTICE_TODO,
  openTodosFor,
  sessionsFor,
  type EventSpec,
  type NoticePerson,
  type PersonMail,
} from "./notice-data.server";
import type { SessionChange } from "./notice-text";

export type InviteSync = { invited: number; updated: number; cancelled: number; withoutEmail: number };

type Sent = {
  uid: string;
  personId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  location: string;
  cancelled: boolean;
};
type Want = {
  uid: string;
  sessionId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  location: string;
  batch: number;
};
type Row = Omit<Sent, "personId"> & { sessionId: string | null };

const NONE: InviteSync = { invited: 0, updated: 0, cancelled: 0, withoutEmail: 0 };
type Slot = Pick<Want, "startsAt" | "endsAt" | "location">;
const sameSlot = (a: Slot, b: Slot) =>
  a.startsAt.getTime() === b.startsAt.getTime() &&
  a.endsAt.getTime() === b.endsAt.getTime() &&
  a.location === b.location;

/**
 * Does nothing (all zeros) while the course is not published: nothing has been sent yet, and publishing
 * sends the first invites. A cancelled course cancels everything that was sent. `reason` is told to the
 * people whose invite changes.
 */
export async function syncInvites(
  tx: Tx,
  courseId: string,
  options: { actor: Actor; reason?: string | null },
): Promise<InviteSync> {
  const delivery = await tx.courseDelivery.findUnique({ where: { courseId }, select: { state: true } });
  if (delivery?.state !== "PUBLISHED" && delivery?.state !== "CANCELLED") return NONE;
  const data = await loadNoticeCourse(tx, courseId);
  if (!data) return NONE;
  const published = delivery.state === "PUBLISHED";
  const wanted: Want[] = published
    ? data.course.sessions.map((s) => ({
        uid: sessionUid(s.id),
        sessionId: s.id,
        sequence: s.sequence,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location,
        batch: s.batch,
      }))
    : [];
  // The internal lecturer is on the calendar too, so a move or a cancellation reaches them as it reaches the
  // room; they are not counted among the attendees the clerk is told about.
  const lecturer = published ? internalLecturer(data) : null;
  const people = published ? (lecturer ? [...data.people, lecturer] : data.people) : [];
  const counted = (personId: string) => personId !== lecturer?.id;
  const sent = await tx.sessionInvite.findMany({
    where: { courseId },
    select: {
      uid: true,
      personId: true,
      sequence: true,
      startsAt: true,
      endsAt: true,
      location: true,
      cancelled: true,
    },
  });
  const sentBy = new Map(sent.map((r) => [`${r.uid}|${r.personId}`, r]));
  const activeBefore = new Set(sent.filter((r) => !r.cancelled).map((r) => r.personId));

  const creates: Array<Row & { personId: string }> = [];
  const changes = new Map<string, { row: Row; personIds: string[] }>();
  const change = (row: Row, personId: string) => {
    const key = JSON.stringify(row);
    const group = changes.get(key) ?? { row, personIds: [] };
    group.personIds.push(personId);
    changes.set(key, group);
  };
  const perPerson = new Map<string, { requests: EventSpec[]; cancels: EventSpec[]; changes: SessionChange[] }>();
  const of = (personId: string) => {
    let p = perPerson.get(personId);
    if (!p) perPerson.set(personId, (p = { requests: [], cancels: [], changes: [] }));
    return p;
  };
  const counts = { ...NONE };

  // Each attendee is invited to the sessions of their batch (ADR 0025); the lecturer to every session.
  const wantedFor = new Map(people.map((p) => [p.id, sessionsFor(data, p.id, wanted)]));
  const wantedKeys = new Set([...wantedFor].flatMap(([personId, ws]) => ws.map((w) => `${w.uid}|${personId}`)));
  const wantedPeople = new Set(people.map((p) => p.id));
  for (const person of people) {
    for (const w of wantedFor.get(person.id) ?? []) {
      const before = sentBy.get(`${w.uid}|${person.id}`);
      const row = { uid: w.uid, sessionId: w.sessionId, startsAt: w.startsAt, endsAt: w.endsAt, location: w.location };
      if (!before) {
        creates.push({ ...row, personId: person.id, sequence: w.sequence, cancelled: false });
        of(person.id).requests.push({ ...row, sequence: w.sequence });
        if (activeBefore.has(person.id)) of(person.id).changes.push({ before: null, after: w });
        if (counted(person.id)) counts.invited++;
        continue;
      }
      if (!before.cancelled && sameSlot(before, w)) continue;
      // The sequence a person sees only ever grows, even when they were cancelled and invited again.
      const sequence = Math.max(w.sequence, before.sequence + 1);
      change({ ...row, sequence, cancelled: false }, person.id);
      of(person.id).requests.push({ ...row, sequence });
      if (before.cancelled) {
        if (counted(person.id)) counts.invited++;
      } else {
        of(person.id).changes.push({ before, after: w });
        if (counted(person.id)) counts.updated++;
      }
    }
  }
  for (const r of sent) {
    if (r.cancelled || wantedKeys.has(`${r.uid}|${r.personId}`)) continue;
    const sequence = r.sequence + 1;
    change(
      {
        uid: r.uid,
        sessionId: null,
        sequence,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        location: r.location,
        cancelled: true,
      },
      r.personId,
    );
    of(r.personId).cancels.push({ uid: r.uid, sequence, startsAt: r.startsAt, endsAt: r.endsAt, location: r.location });
    if (wantedPeople.has(r.personId)) of(r.personId).changes.push({ before: r, after: null });
    if (counted(r.personId)) counts.cancelled++;
  }
  if (perPerson.size === 0) return NONE;

  const at = now();
  if (creates.length) await insertInvites(tx, courseId, creates, at);
  for (const { row, personIds } of changes.values()) {
    // A cancelled row keeps its session id (the session may be gone; the UID is what calendars know).
    const { sessionId, uid, ...rest } = row;
    await tx.sessionInvite.updateMany({
      where: { courseId, uid, personId: { in: personIds } },
      data: { ...rest, ...(sessionId ? { sessionId } : {}), remindedAt: null, sentAt: at },
    });
  }

  const byId = new Map<string, NoticePerson>(
    [...people, ...(await removedPeople(tx, perPerson, people))].map((p) => [p.id, p]),
  );
  const mails: PersonMail[] = [];
  const newcomers: string[] = [];
  const updatedPeople: string[] = [];
  const leavers: string[] = [];
  for (const [personId, p] of perPerson) {
    const person = byId.get(personId);
    if (!person) continue;
    const still = wantedPeople.has(personId);
    if (p.requests.length) {
      const fresh = !activeBefore.has(personId);
      mails.push({
        person,
        kind: fresh ? "notice" : "update",
        method: "REQUEST",
        events: p.requests,
        changes: p.changes,
      });
      (fresh ? newcomers : updatedPeople).push(personId);
    }
    if (p.cancels.length)
      mails.push({
        person,
        kind: still ? "update" : "cancel",
        method: "CANCEL",
        events: p.cancels,
        changes: p.changes,
      });
    if (!still) leavers.push(personId);
    if (!hasEmail(person) && counted(personId)) counts.withoutEmail++;
  }
  await queueMail(tx, buildMails(data, mails, options.reason ?? null));
  await noticeTodos(tx, data.course, { newcomers, updatedPeople, leavers, published });
  return counts;
}

/** The course's internal lecturer, unless they also attend it (then they are among the attendees already). */
function internalLecturer(data: NonNullable<Awaited<ReturnType<typeof loadNoticeCourse>>>): NoticePerson | null {
  const { course } = data;
  if (course.lecturerKind !== "INTERNAL" || !course.lecturer) return null;
  return data.people.some((p) => p.id === course.lecturer!.id) ? null : course.lecturer;
}

/** People who left the course (withdrawn, swapped) are no longer among its attendees, but are told. */
async function removedPeople(tx: Tx, perPerson: Map<string, unknown>, attendees: NoticePerson[]) {
  const known = new Set(attendees.map((a) => a.id));
  const ids = [...perPerson.keys()].filter((id) => !known.has(id));
  if (ids.length === 0) return [];
  return tx.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, employeeNo: true, email: true, locale: true },
  });
}

/** The to-do follows the invite: opened for newcomers, re-opened after a change, closed for leavers. */
async function noticeTodos(
  tx: Tx,
  course: { id: string; title: string },
  who: { newcomers: string[]; updatedPeople: string[]; leavers: string[]; published: boolean },
) {
  const todo = { sourceId: course.id, href: myTrainingHref(course.id), params: { title: course.title } };
  await openTodosFor(tx, [...who.newcomers, ...who.updatedPeople], { ...todo, kind: NOTICE_TODO });
  if (who.leavers.length === 0) return;
  await tx.todoItem.updateMany({
    where: {
      kind: NOTICE_TODO,
      sourceType: "Course",
      sourceId: course.id,
      personId: { in: who.leavers },
      doneAt: null,
    },
    data: { doneAt: now() },
  });
  await openTodosFor(tx, who.leavers, { ...todo, kind: CANCELLED_TODO });
}

/**
 * Called where a course's approval completes: a course that was published, reopened and approved again
 * brings its attendees' calendars in line with what was approved. Nothing happens before publishing.
 */
export async function afterCourseApproved(tx: Tx, courseId: string, actor: Actor): Promise<InviteSync> {
  return syncInvites(tx, courseId, { actor });
}

/**
 * New invite rows in one statement of column arrays: publishing 500 attendees is one short insert, not a
 * statement with thousands of bound parameters.
 */
async function insertInvites(tx: Tx, courseId: string, rows: Array<Row & { personId: string }>, at: Date) {
  const col = <T>(f: (r: Row & { personId: string }) => T) => rows.map(f);
  await tx.$executeRaw`
    INSERT INTO "SessionInvite"
      ("uid", "personId", "courseId", "sessionId", "sequence", "startsAt", "endsAt", "location", "cancelled", "sentAt")
    SELECT t.u, t.p, ${courseId}, t.s, t.q, t.st, t.en, t.l, false, ${at}
      FROM unnest(${col((r) => r.uid)}::text[], ${col((r) => r.personId)}::text[], ${col((r) => r.sessionId)}::text[],
                  ${col((r) => r.sequence)}::int[], ${col((r) => r.startsAt.toISOString())}::timestamptz[],
                  ${col((r) => r.endsAt.toISOString())}::timestamptz[], ${col((r) => r.location)}::text[])
           AS t(u, p, s, q, st, en, l)`;
}
