// Pure: the paper sign-in sheets of the session day (010/011). The procedure names two forms:
// 《新员工入职培训签到表》 for new-hire sessions and 《培训签到表》 for every other course.
import type { TFunction } from "i18next";

import type { TrainingCategory } from "~/generated/prisma/enums";

export type SheetLayout = "newHire" | "general";

/** Which of the two forms a session is signed on, from its monthly item's category. */
export function sheetLayout(category: TrainingCategory): SheetLayout {
  return category === "NEW_HIRE" ? "newHire" : "general";
}

export type SheetAttendee = {
  personId: string;
  employeeNo: string;
  name: string;
  department: string;
  /** The department's place in the company's own order (its sort order, then its code). */
  departmentOrder: number;
  departmentCode: string;
};
export type SheetRow = SheetAttendee & { no: number };

/** One numbered row per attendee, grouped by department in the company's order, then by employee number. */
export function sheetRows(attendees: readonly SheetAttendee[]): SheetRow[] {
  return [...attendees]
    .sort(
      (a, b) =>
        a.departmentOrder - b.departmentOrder ||
        a.departmentCode.localeCompare(b.departmentCode, "en") ||
        a.employeeNo.localeCompare(b.employeeNo, "en"),
    )
    .map((a, i) => ({ ...a, no: i + 1 }));
}

/**
 * "第 n 场，共 m 场": the session's place among the sessions its attendees sit — the course's, of the same
 * batch (ADR 0025) — in time order; null if not one of them.
 */
export function sessionOrdinal(
  sessions: ReadonlyArray<{ id: string; startsAt: Date | string; batch?: number }>,
  sessionId: string,
): { n: number; of: number } | null {
  const batch = sessions.find((s) => s.id === sessionId)?.batch ?? 1;
  const ordered = sessions
    .filter((s) => (s.batch ?? 1) === batch)
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() || a.id.localeCompare(b.id));
  const index = ordered.findIndex((s) => s.id === sessionId);
  return index < 0 ? null : { n: index + 1, of: ordered.length };
}

/**
 * Rows that fit one A4 portrait page (12 mm margins) under the sheet's header, and on the pages after
 * it, where only the repeated table header sits above them; rows are 10 mm tall, tall
 * enough to sign (checked on a PDF printed by Chromium).
 */
export const ROWS_FIRST_PAGE = 20;
export const ROWS_NEXT_PAGE = 26;

/** How many printed pages the sheet takes. */
export function sheetPageCount(rows: number): number {
  if (rows <= ROWS_FIRST_PAGE) return 1;
  return 1 + Math.ceil((rows - ROWS_FIRST_PAGE) / ROWS_NEXT_PAGE);
}

/** The page a trainee's phone opens from the sheet's QR code. */
export function signInPath(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}/sign-in`;
}

/**
 * The absolute address for the QR code. `origin` is the request's own origin as the server resolved it
 * (express's "trust proxy" setting decides which forwarded headers count, the same as for the
 * cross-origin check); anything that is not a bare http(s) origin is refused rather than printed.
 */
export function signInUrl(origin: string, sessionId: string): string {
  const parsed = new URL(origin);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("Not a web origin");
  return new URL(signInPath(sessionId), parsed.origin).toString();
}

export type SessionLecturer =
  | { kind: "INTERNAL"; name: string; employeeNo: string }
  | { kind: "EXTERNAL"; name: string; org: string | null }
  | { kind: "NONE" };

/** The lecturer as one line: the internal person's name, or the external trainer with the institution. */
export function lecturerText(t: TFunction, lecturer: SessionLecturer): string {
  if (lecturer.kind === "INTERNAL") return lecturer.name;
  if (lecturer.kind === "EXTERNAL")
    return lecturer.org && lecturer.name
      ? t("sessionDay.lecturer.external", { name: lecturer.name, org: lecturer.org })
      : lecturer.name || (lecturer.org ?? "");
  return t("sessionDay.lecturer.none");
}

/** "2026-12-10（星期四）14:00–17:00". */
export function sheetDateTime(
  t: TFunction,
  session: { date: string; weekday: number; start: string; end: string },
): string {
  const { date, weekday, start, end } = session;
  return t("sessionDay.sheet.dateTimeValue", { date, weekday: t(`sessionDay.weekdays.${weekday}`), start, end });
}

/**
 * What the signature column already says before anyone signs: approved leave (请假) and excused on the day
 * need no signature, and a QR or kiosk sign-in is written in so that the paper and the screen agree.
 * null: a blank line to sign on.
 */
export type SheetSignature = "ON_LEAVE" | "EXCUSED" | "QR" | "KIOSK" | null;

export function sheetSignature(
  status: string,
  attendance: { source: "QR" | "KIOSK" | "CLERK" } | null,
): SheetSignature {
  if (status === "ON_LEAVE" || status === "EXCUSED") return status;
  if (attendance && attendance.source !== "CLERK" && status !== "ABSENT") return attendance.source;
  return null;
}

export type SheetLine = SheetRow & { signature: SheetSignature; signedAt: string | null; makeUp: boolean };

/** 应到: everyone on the sheet except those excused in advance or on the day. */
export function sheetExpected(lines: ReadonlyArray<{ signature: SheetSignature }>): number {
  return lines.filter((l) => l.signature !== "ON_LEAVE" && l.signature !== "EXCUSED").length;
}
