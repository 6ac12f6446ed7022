// The demo's attendance (step 011): who signed in, late or on paper at the sessions that have begun. Ended
// sessions are complete — most signed in by QR a few minutes early, a few late, one or two absent, some on
// the paper sheet entered by the clerk; sessions under way at `at` have the sign-ins so far. People on
// approved leave (seedLeave runs first) have no row. Deterministic: everything follows from the order of
// the roster and `at`.
import { offerMakeUp } from "../../app/domain/attendance/make-up-offer.server";
import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";

const MINUTE = 60_000;

type Row = Prisma.AttendanceCreateManyInput;

/** The i-th person of an ended session's roster, by a fixed pattern over the roster order. */
function endedMark(i: number, n: number): "PRESENT" | "LATE" | "ABSENT" | "PRESENT_PAPER" {
  if (n >= 6 && (i === n - 2 || (n > 20 && i === 9))) return "ABSENT";
  if (i % 9 === 4) return "LATE";
  if (i % 6 === 2) return "PRESENT_PAPER";
  return "PRESENT";
}

export async function seedAttendance(tx: Tx, at: Date): Promise<void> {
  const clerk = await tx.person.findUniqueOrThrow({ where: { employeeNo: "T0002" }, select: { id: true } });
  const sessions = await tx.courseSession.findMany({
    where: {
      startsAt: { lte: at },
      course: {
        approval: { state: "APPROVED" },
        OR: [{ delivery: { is: null } }, { delivery: { isNot: { state: "CANCELLED" } } }],
      },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      course: { select: { attendees: { select: { person: { select: { id: true, employeeNo: true } } } } } },
    },
  });
  const leave = await tx.leaveRequest.findMany({
    where: { approval: { state: "APPROVED" } },
    select: { sessionId: true, personId: true },
  });
  const onLeave = new Set(leave.map((l) => `${l.sessionId}:${l.personId}`));
  const rows: Row[] = [];
  const absent: Array<{ personId: string; missedSessionId: string }> = [];
  for (const s of sessions) {
    const people = s.course.attendees
      .map((a) => a.person)
      .filter((p) => !onLeave.has(`${s.id}:${p.id}`))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo, "en"));
    const ended = s.endsAt.getTime() <= at.getTime();
    // The clerk typed the paper sheet in a quarter of an hour after the end (or now, if that is later than `at`).
    const entered = new Date(Math.min(at.getTime(), s.endsAt.getTime() + 15 * MINUTE));
    people.forEach((p, i) => {
      const early = new Date(s.startsAt.getTime() - (1 + ((i * 7) % 9)) * MINUTE);
      const late = new Date(s.startsAt.getTime() + (11 + (i % 6)) * MINUTE);
      const base = { sessionId: s.id, personId: p.id, updatedAt: at };
      if (!ended) {
        // Under way: two in three have signed in so far, by QR or at the kiosk.
        if (i % 3 === 2) return;
        const when = i % 9 === 4 ? late : early;
        if (when.getTime() > at.getTime()) return;
        const mark = i % 9 === 4 ? "LATE" : "PRESENT";
        rows.push({ ...base, mark, source: i % 5 === 1 ? "KIOSK" : "QR", at: when });
        return;
      }
      const mark = endedMark(i, people.length);
      if (mark === "PRESENT") rows.push({ ...base, mark, source: i % 11 === 1 ? "KIOSK" : "QR", at: early });
      else if (mark === "LATE") rows.push({ ...base, mark, source: "QR", at: late });
      else {
        rows.push({ ...base, mark, source: "CLERK", at: entered, markedById: clerk.id });
        if (mark === "ABSENT") absent.push({ personId: p.id, missedSessionId: s.id });
      }
    });
  }
  await tx.attendance.createMany({ data: rows });
  // An absence offers a make-up on the trainee's to-do list, as marking one in the app does.
  for (const miss of absent) await offerMakeUp(tx, miss);
}
