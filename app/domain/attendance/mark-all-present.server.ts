// "Mark all present" (全部标记为出勤): everyone still unmarked becomes present, in one transaction. Those
// on approved leave, the excused and anyone already marked or signed in are left alone; a trainee's QR
// sign-in that lands meanwhile wins (the insert skips rows that exist by then), and the count says how
// many were actually marked.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor } from "~/utils/route.server";

import { ROSTER_LOCKED, rosterClosed } from "../archive/roster-lock.server";

import { markAllPresentTargets } from "./attendance-rules";
import { openForMarking, refuse } from "./mark-session.server";
import { sessionRoster } from "./roster.server";

export async function markAllPresent(actor: Actor, sessionId: string) {
  return db.$transaction(async (tx) => {
    const open = await openForMarking(tx, sessionId);
    if (!open.ok) return open;
    if (await rosterClosed(sessionId, tx)) return refuse(ROSTER_LOCKED, 409);
    const roster = await sessionRoster(sessionId, tx);
    const targets = markAllPresentTargets(roster!.rows);
    const at = now();
    const inserted = await tx.$queryRaw<Array<{ personId: string }>>`
      INSERT INTO "Attendance" ("sessionId", "personId", mark, source, at, "markedById", "updatedAt")
      SELECT ${sessionId}, p, 'PRESENT'::"AttendanceMark", 'CLERK'::"AttendanceSource", ${at}, ${actor.id}, ${at}
      FROM unnest(${targets}::text[]) AS p
      ON CONFLICT ("sessionId", "personId") DO NOTHING
      RETURNING "personId"`;
    const byId = new Map(roster!.rows.map((r) => [r.personId, r.employeeNo]));
    await writeAudit(tx, {
      actor,
      action: "attendance.markedAllPresent",
      entityType: "CourseSession",
      entityId: sessionId,
      summary: { count: inserted.length, employeeNos: inserted.map((r) => byId.get(r.personId) ?? r.personId) },
    });
    return { ok: true as const, count: inserted.length };
  });
}
