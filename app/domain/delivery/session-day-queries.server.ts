// Reads for the clerk's day view (010): the sessions of approved courses on a day and the day after,
// each with room, time, lecturer, checklist and roster. The roster is the one of attendance (011): marks,
// sign-in times, approved leave and make-up attendees.
import { rosterTally, signInWay } from "~/domain/attendance/mark-rules";
import { sessionRoster, type RosterEntry } from "~/domain/attendance/roster.server";
import { localParts } from "~/domain/course/session-view";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { checklistLine, dayOf, dayPair, isoDate, rosterCounts, type RosterRow } from "./session-day-rules";
import { lecturerOf, sessionWhen, sheetCourseSelect } from "./sign-in-sheet-queries.server";
import { sessionOrdinal } from "./sign-in-sheet-rules";

export async function sessionDay(date: string, timeZone: string) {
  const pair = dayPair(date, timeZone);
  const found = await db.courseSession.findMany({
    where: {
      startsAt: { gte: pair.first.start, lt: pair.second.end },
      course: {
        approval: { state: "APPROVED" },
        OR: [{ delivery: { is: null } }, { delivery: { isNot: { state: "CANCELLED" } } }],
      },
    },
    orderBy: [{ startsAt: "asc" }, { location: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      course: {
        select: {
          ...sheetCourseSelect,
          preparation: {
            select: { id: true, key: true, label: true, doneAt: true, sortOrder: true },
            orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
          },
        },
      },
    },
  });
  const rosters = await Promise.all(found.map((s) => sessionRoster(s.id)));
  const at = now();
  const sessions = found.map((s, i) => {
    const entries = rosters[i]?.rows ?? [];
    const roster = entries.map((r) => rosterRow(r, timeZone));
    const checklist = s.course.preparation.map(checklistLine);
    return {
      id: s.id,
      day: dayOf(s.startsAt, pair),
      ...sessionWhen(s, timeZone),
      location: s.location,
      // Over: the clerk may close its roster into the archive.
      ended: s.endsAt <= at,
      ordinal: sessionOrdinal(s.course.sessions, s.id),
      course: { id: s.course.id, title: s.course.title, category: s.course.monthlyItem.category },
      state: s.course.delivery?.state ?? "PREPARING",
      lecturer: lecturerOf(s.course),
      checklist,
      checklistDone: checklist.filter((c) => c.done).length,
      roster,
      counts: rosterCounts(roster),
      tally: rosterTally(entries),
    };
  });
  // On two quiet days the clerk is told when the next session is, to open that day instead.
  const next =
    sessions.length === 0
      ? await db.courseSession.findFirst({
          where: {
            startsAt: { gte: pair.second.end },
            course: {
              approval: { state: "APPROVED" },
              OR: [{ delivery: { is: null } }, { delivery: { isNot: { state: "CANCELLED" } } }],
            },
          },
          orderBy: { startsAt: "asc" },
          select: { startsAt: true, course: { select: { title: true } } },
        })
      : null;
  return {
    first: { date: pair.first.date, sessions: sessions.filter((s) => s.day === "first") },
    second: { date: pair.second.date, sessions: sessions.filter((s) => s.day === "second") },
    next: next ? { date: isoDate(next.startsAt, timeZone), title: next.course.title } : null,
  };
}
function rosterRow(r: RosterEntry, timeZone: string): RosterRow {
  return {
    personId: r.personId,
    employeeNo: r.employeeNo,
    name: r.name,
    department: r.department,
    leave: r.leave ? { kind: "LEAVE", reason: r.leave.reasonText } : null,
    status: r.status,
    time: r.attendance ? localParts(r.attendance.at, timeZone).time : null,
    way: r.attendance ? signInWay(r.attendance) : null,
    makeUp: r.makeUpFor !== null,
  };
}

export type SessionDay = Awaited<ReturnType<typeof sessionDay>>;
export type DaySession = SessionDay["first"]["sessions"][number];
