// Reads for the clerk's archive pages: the sessions that ended and wait to be closed, the closed ones, and
// one session's roster with what each record will say (or says, with its amendments) and its scans.
import { TZDate } from "@date-fns/tz";

import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { decodeInstantIdCursor, encodeInstantIdCursor, keysetPage, keysetAfter, keysetRequest } from "~/utils/keyset";

import { sessionRoster } from "../attendance/roster.server";
import { localParts } from "../course/session-view";

import { closeRefusal, recordOf, rosterCounts, sessionMinutes } from "./archive-rules";

export const ARCHIVE_PAGE_SIZE = 20;

/** "2026-11" → the month's first instant and the next month's, in the company zone; null when not a month. */
export function monthRange(month: string | null, timeZone: string): { gte: Date; lt: Date } | null {
  const m = month?.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
  if (!m) return null;
  const [year, index] = [Number(m[1]), Number(m[2]) - 1];
  return {
    gte: new Date(new TZDate(year, index, 1, 0, 0, 0, 0, timeZone).getTime()),
    lt: new Date(new TZDate(year, index + 1, 1, 0, 0, 0, 0, timeZone).getTime()),
  };
}

const when = (s: { startsAt: Date; endsAt: Date }, timeZone: string) => {
  const [from, to] = [localParts(s.startsAt, timeZone), localParts(s.endsAt, timeZone)];
  return { date: from.date, start: from.time, end: to.time };
};

const sessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  location: true,
  course: { select: { id: true, title: true } },
} satisfies Prisma.CourseSessionSelect;

function openWhere(at: Date, range: { gte: Date; lt: Date } | null): Prisma.CourseSessionWhereInput {
  return {
    endsAt: { lte: at },
    ...(range ? { startsAt: range } : {}),
    closure: null,
    course: {
      approval: { state: "APPROVED" },
      OR: [{ delivery: { is: null } }, { delivery: { isNot: { state: "CANCELLED" } } }],
    },
  };
}

/** How many sessions each tab holds (in the month, when one is chosen). */
export async function archiveTabCounts(at: Date, month: string | null, timeZone: string) {
  const range = monthRange(month, timeZone);
  const [open, closed] = await Promise.all([
    db.courseSession.count({ where: openWhere(at, range) }),
    db.rosterClosure.count({ where: range ? { session: { startsAt: range } } : {} }),
  ]);
  return { open, closed };
}

/** Which page: `after`/`before` cursors (an instant and an id; a bad one is the first page). */
type PageQuery = { after?: string; before?: string };

/** Sessions of approved, not called-off courses that have ended and are not closed: oldest first, a keyset page
 * at a time (the tab's count is the total). */
export async function openSessions(input: { at: Date; month: string | null; timeZone: string } & PageQuery) {
  const request = keysetRequest(input, decodeInstantIdCursor);
  const keyset = keysetAfter("CourseSession", "asc", request, ["startsAt", "id"], (c) => [c.at, c.id]);
  const where = openWhere(input.at, monthRange(input.month, input.timeZone));
  const fetched = await db.courseSession.findMany({
    where: { AND: [where, keyset.where] },
    orderBy: keyset.orderBy,
    take: ARCHIVE_PAGE_SIZE + 1,
    select: sessionSelect,
  });
  const page = keysetPage(fetched, request, ARCHIVE_PAGE_SIZE, (s) =>
    encodeInstantIdCursor({ at: s.startsAt, id: s.id }),
  );
  const found = page.rows;
  const rosters = await Promise.all(found.map((s) => sessionRoster(s.id)));
  const sessions = found.map((s, i) => ({
    id: s.id,
    course: s.course,
    location: s.location,
    ...when(s, input.timeZone),
    counts: rosterCounts(rosters[i]?.rows ?? []),
  }));
  return { sessions, next: page.next, previous: page.previous };
}

/** Closed rosters, the latest closed first (session ids breaking ties, also latest first), with who closed them
 * and what the records say: a keyset page at a time (the tab's count is the total). */
export async function closedSessions(input: { month: string | null; timeZone: string } & PageQuery) {
  const request = keysetRequest(input, decodeInstantIdCursor);
  const keyset = keysetAfter("RosterClosure", "desc", request, ["closedAt", "sessionId"], (c) => [c.at, c.id]);
  const range = monthRange(input.month, input.timeZone);
  const where: Prisma.RosterClosureWhereInput = range ? { session: { startsAt: range } } : {};
  const fetched = await db.rosterClosure.findMany({
    where: { AND: [where, keyset.where] },
    orderBy: keyset.orderBy,
    take: ARCHIVE_PAGE_SIZE + 1,
    select: { closedAt: true, closedById: true, session: { select: sessionSelect } },
  });
  const page = keysetPage(fetched, request, ARCHIVE_PAGE_SIZE, (c) =>
    encodeInstantIdCursor({ at: c.closedAt, id: c.session.id }),
  );
  const found = page.rows;
  const ids = found.map((c) => c.session.id);
  const [closers, tallies] = await Promise.all([
    db.person.findMany({ where: { id: { in: found.map((c) => c.closedById) } }, select: { id: true, name: true } }),
    db.trainingRecord.groupBy({ by: ["sessionId", "outcome"], where: { sessionId: { in: ids } }, _count: true }),
  ]);
  const nameOf = new Map(closers.map((p) => [p.id, p.name]));
  const sessions = found.map((c) => {
    const tally = { PRESENT: 0, LATE: 0, ABSENT: 0, EXCUSED: 0 };
    for (const t of tallies) if (t.sessionId === c.session.id) tally[t.outcome] = t._count;
    return {
      id: c.session.id,
      course: c.session.course,
      location: c.session.location,
      ...when(c.session, input.timeZone),
      closedAt: c.closedAt,
      closedBy: nameOf.get(c.closedById) ?? "",
      tally,
    };
  });
  return { sessions, next: page.next, previous: page.previous };
}

/** One session's archive page; null when there is no session of an approved course by that id. */
export async function archivePage(sessionId: string, at: Date, timeZone: string) {
  const roster = await sessionRoster(sessionId);
  if (!roster || roster.course.approval.state !== "APPROVED") return null;
  const [closure, records, scans] = await Promise.all([
    db.rosterClosure.findUnique({ where: { sessionId }, select: { closedAt: true, closedById: true } }),
    db.trainingRecord.findMany({
      where: { sessionId },
      select: {
        id: true,
        personId: true,
        outcome: true,
        minutes: true,
        makeUpOwed: true,
        makeUpForSessionId: true,
        quizScorePercent: true,
        quizPassed: true,
        amendedAt: true,
        amendments: {
          orderBy: { at: "asc" },
          select: {
            id: true,
            at: true,
            byId: true,
            reason: true,
            fromOutcome: true,
            toOutcome: true,
            fromMinutes: true,
            toMinutes: true,
          },
        },
      },
    }),
    db.sessionScan.findMany({
      where: { sessionId },
      orderBy: { uploadedAt: "asc" },
      select: { id: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true, uploadedById: true },
    }),
  ]);
  const peopleIds = [
    ...(closure ? [closure.closedById] : []),
    ...scans.map((s) => s.uploadedById),
    ...records.flatMap((r) => r.amendments.map((a) => a.byId)),
  ];
  const names = new Map(
    (await db.person.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const recordOfPerson = new Map(records.map((r) => [r.personId, r]));
  const counts = rosterCounts(roster.rows);
  const rows = roster.rows.map((row) => {
    const record = recordOfPerson.get(row.personId) ?? null;
    // Before closing: what the record will say (the unmarked as absent, should the clerk choose so).
    const preview = recordOf(row, { session: roster.session, madeUp: false, unmarkedAsAbsent: true });
    return {
      personId: row.personId,
      employeeNo: row.employeeNo,
      name: row.name,
      department: row.department,
      status: row.status,
      makeUpFor: row.makeUpFor,
      preview: preview ? { outcome: preview.outcome, minutes: preview.minutes } : null,
      record: record
        ? {
            ...record,
            amendments: record.amendments.map(({ byId, ...a }) => ({ ...a, by: names.get(byId) ?? "" })),
          }
        : null,
    };
  });
  const refusal = closure
    ? null
    : closeRefusal({
        at,
        endsAt: roster.session.endsAt,
        approved: true,
        cancelled: roster.course.delivery?.state === "CANCELLED",
        unmarked: counts.unmarked,
        unmarkedAsAbsent: true,
      });
  return {
    session: { ...roster.session, ...when(roster.session, timeZone), minutes: sessionMinutes(roster.session) },
    course: { id: roster.course.id, title: roster.course.title, category: roster.course.category },
    closure: closure ? { closedAt: closure.closedAt, closedBy: names.get(closure.closedById) ?? "" } : null,
    counts,
    refusal,
    rows,
    scans: scans.map(({ uploadedById, ...s }) => ({ ...s, uploadedBy: names.get(uploadedById) ?? "" })),
  };
}

export type ArchivePage = NonNullable<Awaited<ReturnType<typeof archivePage>>>;

/** A scan's bytes for the download, when it belongs to the session. */
export async function scanToDownload(sessionId: string, scanId: string) {
  return db.sessionScan.findFirst({
    where: { id: scanId, sessionId },
    select: { fileName: true, mimeType: true, bytes: true },
  });
}
