// The words of the notices (step 009) in the recipient's language: the notice itself, an update saying
// what changed, a cancellation, the reminder, and the lecturer's request to prepare. Dates are company
// time with the weekday. No I/O.
import { localParts } from "~/domain/course/session-view";
import { DEFAULT_LOCALE, serverT, toLocale, type Locale } from "~/utils/i18n";

/** A session as notices tell it; `batch`: whose it is, when the course is split into batches (ADR 0025). */
export type NoticeSession = { startsAt: Date; endsAt: Date; location: string; batch?: number };
export type NoticeCourse = {
  title: string;
  lecturer: string;
  bringItems: string;
  sessions: NoticeSession[];
};
export type SessionChange = { before: NoticeSession | null; after: NoticeSession | null };
export type NoticeKind = "notice" | "update" | "cancel" | "reminder";
export type MailText = { subject: string; text: string };

export const localeOf = (value: string | null | undefined): Locale => toLocale(value) ?? DEFAULT_LOCALE;

const span = (s: NoticeSession, tz: string) => {
  const [from, to] = [localParts(s.startsAt, tz), localParts(s.endsAt, tz)];
  return { from, to };
};

/** "2026-12-10（周四）09:00–12:00，培训室 A301" */
export function sessionLine(locale: Locale, s: NoticeSession, tz: string): string {
  const t = serverT(locale);
  const { from, to } = span(s, tz);
  return t("notices.session", {
    date: from.date,
    weekday: t(`notices.weekday.${from.weekday}`),
    start: from.time,
    end: to.time,
    location: s.location,
  });
}

/** What changed about one session, old → new: "时间 12-10（周四）09:00–12:00 → 12-10（周四）10:00–13:00", "地点 A → B". */
export function changeLines(locale: Locale, change: SessionChange, tz: string): string[] {
  const t = serverT(locale);
  const { before, after } = change;
  if (!before && after) return [t("notices.change.added", { session: sessionLine(locale, after, tz) })];
  if (before && !after) return [t("notices.change.removed", { session: sessionLine(locale, before, tz) })];
  if (!before || !after) return [];
  const lines: string[] = [];
  const when = (s: NoticeSession) => {
    const { from, to } = span(s, tz);
    return `${from.date}（${t(`notices.weekday.${from.weekday}`)}）${from.time}–${to.time}`;
  };
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime())
    lines.push(t("notices.change.time", { from: when(before), to: when(after) }));
  if (before.location !== after.location)
    lines.push(t("notices.change.place", { from: before.location, to: after.location }));
  return lines;
}

/** The course as the notice and the invite's DESCRIPTION tell it: schedule, what to bring, lecturer. */
export function courseDetails(locale: Locale, course: NoticeCourse, tz: string): string[] {
  const t = serverT(locale);
  return [
    t("notices.mail.course", { title: course.title }),
    t("notices.mail.schedule"),
    ...course.sessions.map((s) => `  ${sessionLine(locale, s, tz)}`),
    t("notices.mail.lecturerLine", { lecturer: course.lecturer }),
    course.bringItems.trim()
      ? t("notices.mail.bring", { items: course.bringItems.trim() })
      : t("notices.mail.bringNothing"),
  ];
}

/**
 * The body of one kind of notice for everyone of a language; `personal` adds the greeting. Built once per
 * language and course, so 500 attendees cost 500 string joins.
 */
export function noticeText(
  kind: NoticeKind,
  locale: Locale,
  course: NoticeCourse,
  tz: string,
  extra: { changes?: SessionChange[]; reason?: string | null; sender: string },
): { subject: string; body: string; personal: (name: string) => string } {
  const t = serverT(locale);
  const first = course.sessions[0];
  const when = first ? sessionLine(locale, first, tz) : "";
  const subject = t(`notices.mail.${kind}.subject`, { title: course.title, when });
  const lines = [t(`notices.mail.${kind}.intro`), ""];
  if (kind === "update") {
    for (const c of extra.changes ?? []) lines.push(...changeLines(locale, c, tz).map((l) => `  ${l}`));
    if (extra.reason) lines.push(t("notices.mail.update.reason", { reason: extra.reason }));
    lines.push("");
  }
  if (kind === "cancel" && extra.reason) lines.push(t("notices.mail.cancel.reason", { reason: extra.reason }), "");
  lines.push(...courseDetails(locale, course, tz));
  if (kind !== "reminder") lines.push("", t("notices.mail.ics"));
  lines.push("", t("notices.mail.signature", { sender: extra.sender }));
  const body = lines.join("\n");
  const greeting = (name: string) => t("notices.mail.greeting", { name });
  return { subject, body, personal: (name) => `${greeting(name)}\n\n${body}` };
}

export function lecturerText(
  locale: Locale,
  course: NoticeCourse & { outline: string; materials: string[]; attendeeCount: number },
  tz: string,
  to: { name: string; sender: string },
): MailText {
  const t = serverT(locale);
  const lines = [
    t("notices.mail.greeting", { name: to.name }),
    "",
    t("notices.mail.lecturer.intro"),
    "",
    t("notices.mail.course", { title: course.title }),
    t("notices.mail.lecturer.attendees", { count: course.attendeeCount }),
    t("notices.mail.schedule"),
    ...course.sessions.map((s) => `  ${sessionLine(locale, s, tz)}`),
    course.materials.length
      ? t("notices.mail.lecturer.materials", { files: course.materials.join("、") })
      : t("notices.mail.lecturer.noMaterials"),
    t("notices.mail.lecturer.outline"),
    course.outline,
    "",
    t("notices.mail.signature", { sender: to.sender }),
  ];
  return { subject: t("notices.mail.lecturer.subject", { title: course.title }), text: lines.join("\n") };
}
