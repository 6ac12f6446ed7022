// The clerk's roster page: the session, its counts and one line per person as the marking form shows it.
import { localParts } from "~/domain/course/session-view";
import { sessionWhen } from "~/domain/delivery/sign-in-sheet-queries.server";

import { markingRefusal, rosterTally, signInWay } from "./mark-rules";
import { sessionRoster } from "./roster.server";

export async function markingPage(
  sessionId: string,
  at: Date,
  settings: { timeZone: string; signInOpensMinutes: number },
) {
  const roster = await sessionRoster(sessionId);
  if (!roster || roster.course.approval.state !== "APPROVED") return null;
  const cancelled = roster.course.delivery?.state === "CANCELLED";
  const refusal = markingRefusal(at, roster.session, settings.signInOpensMinutes, cancelled);
  return {
    session: {
      id: roster.session.id,
      location: roster.session.location,
      ...sessionWhen(roster.session, settings.timeZone),
      opensAt: localParts(
        new Date(roster.session.startsAt.getTime() - settings.signInOpensMinutes * 60_000),
        settings.timeZone,
      ),
    },
    course: { id: roster.course.id, title: roster.course.title },
    cancelled,
    refusal,
    tally: rosterTally(roster.rows),
    rows: roster.rows.map((r) => ({
      no: r.no,
      personId: r.personId,
      employeeNo: r.employeeNo,
      name: r.name,
      department: r.department,
      status: r.status,
      mark: r.attendance?.mark ?? null,
      way: r.attendance ? signInWay(r.attendance) : null,
      time: r.attendance ? localParts(r.attendance.at, settings.timeZone).time : null,
      note: r.attendance?.note ?? null,
      leave: r.leave ? { reasonKind: r.leave.reasonKind, reasonText: r.leave.reasonText } : null,
      makeUpFor: r.makeUpFor ? r.makeUpFor.courseTitle : null,
    })),
  };
}
export type MarkingPage = NonNullable<Awaited<ReturnType<typeof markingPage>>>;
export type MarkingRow = MarkingPage["rows"][number];
