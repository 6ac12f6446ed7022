// The demo's leave forms and make-ups (step 011).
import type { Tx } from "../../app/utils/db.server";

export async function seedLeave(_tx: Tx, _at: Date): Promise<void> {
  // Filled in with the leave forms (docs/decisions/0018).
}

/**
 * After leave and attendance: every missed session that is over owes a make-up. The first of them (in a
 * fixed order) that has a make-up session ahead in the same monthly-plan item takes the nearest one, as if
 * the trainee had accepted it; the others keep their offer on the to-do list. When nothing is ahead (most
 * days of the demo's month), nobody is enrolled rather than enrolled somewhere that makes no sense.
 * Imports are local so that this function stays apart from the leave forms above.
 */
export async function seedMakeUps(tx: Tx, at: Date): Promise<void> {
  const { makeUpCandidates, wantKey } = await import("../../app/domain/attendance/make-up-candidates.server");
  const { offerMakeUp } = await import("../../app/domain/attendance/make-up-offer.server");
  const ended = { endsAt: { lte: at } };
  const select = {
    personId: true,
    sessionId: true,
    person: { select: { employeeNo: true } },
    session: { select: { startsAt: true, courseId: true } },
  } as const;
  const marked = await tx.attendance.findMany({
    where: { mark: { in: ["ABSENT", "EXCUSED"] }, session: ended },
    select,
  });
  const excused = await tx.leaveRequest.findMany({
    where: { approval: { state: "APPROVED" }, session: ended },
    select,
  });
  // A mark wins over leave (someone on leave who came anyway), as on the roster.
  const markedKeys = new Set(
    (await tx.attendance.findMany({ where: { session: ended }, select: { personId: true, sessionId: true } })).map(
      (a) => `${a.sessionId}:${a.personId}`,
    ),
  );
  const missed = [...marked, ...excused.filter((l) => !markedKeys.has(`${l.sessionId}:${l.personId}`))];
  // Only their own course's sessions owe a make-up.
  const attending = new Set(
    (
      await tx.courseAttendee.findMany({
        where: { personId: { in: missed.map((m) => m.personId) } },
        select: { personId: true, courseId: true },
      })
    ).map((a) => `${a.courseId}:${a.personId}`),
  );
  // Already made up or booked (a second run over the same data): left as it is.
  const booked = new Set(
    (
      await tx.makeUp.findMany({
        where: { personId: { in: missed.map((m) => m.personId) } },
        select: { personId: true, missedSessionId: true },
      })
    ).map((m) => `${m.missedSessionId}:${m.personId}`),
  );
  const wants = missed
    .filter((m) => attending.has(`${m.session.courseId}:${m.personId}`))
    .filter((m) => !booked.has(`${m.sessionId}:${m.personId}`))
    .sort(
      (a, b) =>
        a.session.startsAt.getTime() - b.session.startsAt.getTime() ||
        a.person.employeeNo.localeCompare(b.person.employeeNo) ||
        a.sessionId.localeCompare(b.sessionId),
    )
    .map((m) => ({ personId: m.personId, missedSessionId: m.sessionId }));
  if (wants.length === 0) return;
  const candidates = await makeUpCandidates(wants, at, tx);
  const chosen = wants.find((w) => (candidates.get(wantKey(w)) ?? []).length > 0);
  for (const want of wants) {
    if (want !== chosen) {
      await offerMakeUp(tx, want);
      continue;
    }
    await tx.makeUp.create({ data: { ...want, sessionId: candidates.get(wantKey(want))![0].id, acceptedAt: at } });
  }
}
