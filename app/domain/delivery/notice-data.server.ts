// What every notice use-case reads about a course (in its transaction), and the set-based writes they
// share: the attendees' to-dos and the mails built once per language and invite, not once per person.
import type { MailInput } from "~/domain/mail/queue-mail.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";

import { inviteTemplate, type InviteEvent } from "./invite";
import {
  courseDetails,
  localeOf,
  noticeText,
  type NoticeCourse,
  type NoticeKind,
  type SessionChange,
} from "./notice-text";

export const NOTICE_TODO = "course.notice";
export const CANCELLED_TODO = "course.cancelled";
export const LECTURER_TODO = "course.lecturerPrepare";
export const myTrainingHref = (courseId: string) => `/my-training/${courseId}`;

export type NoticePerson = {
  id: string;
  name: string;
  employeeNo: string;
  email: string | null;
  locale: string | null;
};
export type NoticeData = Awaited<ReturnType<typeof loadNoticeCourse>>;

/** The course as the notices tell it, its attendees and the mail settings; null if there is no such course. */
export async function loadNoticeCourse(tx: Tx, courseId: string) {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      outline: true,
      lecturerKind: true,
      lecturerId: true,
      externalLecturer: true,
      externalOrg: true,
      lecturer: { select: { id: true, name: true, employeeNo: true, email: true, locale: true } },
      approval: { select: { state: true } },
      delivery: true,
      sessions: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, location: true, sequence: true, batch: true },
      },
      attendees: {
        select: {
          batch: true,
          person: { select: { id: true, name: true, employeeNo: true, email: true, locale: true } },
        },
      },
    },
  });
  if (!course) return null;
  const settings = await getSettings();
  const lecturer = course.lecturer?.name ?? [course.externalLecturer, course.externalOrg].filter(Boolean).join("，");
  const notice: NoticeCourse = {
    title: course.title,
    lecturer,
    bringItems: course.delivery?.bringItems ?? "",
    sessions: course.sessions,
  };
  const people: NoticePerson[] = course.attendees
    .map((a) => a.person)
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  // Of a course split into batches (ADR 0025), each attendee sits the sessions of their batch only.
  const batchOf = new Map(course.attendees.map((a) => [a.person.id, a.batch]));
  return { course, notice, people, settings, batchOf };
}

/**
 * The sessions a person is told about: an attendee those of their batch; anyone else (the lecturer, someone
 * who left the course) all of them. A session without a batch (the one a reminder is about) is always kept.
 */
export function sessionsFor<S extends { batch?: number }>(
  data: { batchOf: ReadonlyMap<string, number> },
  personId: string,
  sessions: readonly S[],
): S[] {
  const batch = data.batchOf.get(personId);
  return batch === undefined ? [...sessions] : sessions.filter((s) => s.batch === undefined || s.batch === batch);
}

export const hasEmail = (p: { email: string | null }) => Boolean(p.email?.trim());

/**
 * Opens (or re-opens) a to-do for each of these people in two statements: the ones they already have are
 * re-opened, the rest created.
 */
export async function openTodosFor(
  tx: Tx,
  personIds: string[],
  todo: { kind: string; sourceId: string; href: string; params: Record<string, string | number> },
) {
  if (personIds.length === 0) return;
  const at = now();
  const key = { kind: todo.kind, sourceType: "Course", sourceId: todo.sourceId };
  await tx.todoItem.updateMany({
    where: { ...key, personId: { in: personIds } },
    data: { doneAt: null, createdAt: at, href: todo.href, params: todo.params },
  });
  await tx.todoItem.createMany({
    data: personIds.map((personId) => ({ ...key, personId, href: todo.href, params: todo.params, createdAt: at })),
    skipDuplicates: true,
  });
}

export type PersonMail = {
  person: NoticePerson;
  kind: NoticeKind;
  method: "REQUEST" | "CANCEL";
  events: EventSpec[];
  changes?: SessionChange[];
};

/** One session as a person's invite carries it: its stable UID, the version they get, when and where. */
export type EventSpec = { uid: string; sequence: number; startsAt: Date; endsAt: Date; location: string };

/**
 * The mails for these people: one per person and message, in their language, with their copy of the
 * invite. Texts and invite templates are shared by everyone with the same language, change and events.
 */
export function buildMails(data: NonNullable<NoticeData>, mails: PersonMail[], reason: string | null): MailInput[] {
  const { settings, notice, course } = data;
  const tz = settings.timeZone;
  const stamp = now();
  const texts = new Map<string, ReturnType<typeof noticeText>>();
  const invites = new Map<string, ReturnType<typeof inviteTemplate>>();
  const out: MailInput[] = [];
  for (const m of mails) {
    if (!hasEmail(m.person)) continue;
    const locale = localeOf(m.person.locale);
    const changeKey = JSON.stringify(m.changes ?? []);
    // The schedule told is the person's batch's (texts are shared per batch, not per person).
    const batch = data.batchOf.get(m.person.id) ?? 0;
    const mine = { ...notice, sessions: sessionsFor(data, m.person.id, notice.sessions) };
    const textKey = `${m.kind}|${locale}|${batch}|${changeKey}`;
    let text = texts.get(textKey);
    if (!text)
      texts.set(
        textKey,
        (text = noticeText(m.kind, locale, mine, tz, {
          changes: m.changes,
          reason,
          sender: settings.mailSenderName,
        })),
      );
    const inviteKey = `${m.method}|${locale}|${batch}|${JSON.stringify(m.events)}`;
    let invite = invites.get(inviteKey);
    if (!invite)
      invites.set(
        inviteKey,
        (invite = inviteTemplate({
          method: m.method,
          timeZone: tz,
          stamp,
          organizer: { name: settings.mailSenderName, email: settings.mailSenderAddress },
          events: m.events.map((e): InviteEvent => ({
            ...e,
            summary: notice.title,
            description: courseDetails(locale, mine, tz).join("\n"),
          })),
        })),
      );
    const email = m.person.email!.trim();
    out.push({
      kind: `course.${m.kind}`,
      toPersonId: m.person.id,
      toAddress: email,
      toName: m.person.name,
      subject: text.subject,
      text: text.personal(m.person.name),
      ics: m.events.length ? { method: m.method, text: invite({ name: m.person.name, email }) } : null,
      sourceType: "Course",
      sourceId: course.id,
    });
  }
  return out;
}
