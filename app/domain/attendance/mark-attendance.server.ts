// The clerk marks people on a session's roster: present, present (paper — a signature on the printed
// sheet), late, absent or excused, with an optional note. A first mark is `attendance.marked`; changing
// a recorded one (a trainee's own sign-in included) is a correction, audited with the old and new mark.
// A newly missed session offers a make-up; a miss corrected to attendance takes the offer back.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/route.server";

import { ROSTER_LOCKED, rosterClosed } from "../archive/roster-lock.server";

import { closeMakeUpOffer, offerMakeUp } from "./make-up-offer.server";
import { makeUpEffect } from "./mark-rules";
import type { MarkEntry } from "./mark-schema";
import { lockedMark, openForMarking, refuse, type RecordedMark } from "./mark-session.server";
import { sessionRoster, type RosterEntry } from "./roster.server";

export async function markAttendance(actor: Actor, sessionId: string, entries: readonly MarkEntry[]) {
  return db.$transaction(async (tx) => {
    const open = await openForMarking(tx, sessionId);
    if (!open.ok) return open;
    // Closed into the archive: a correction is an amendment of the record now, not a new mark.
    if (await rosterClosed(sessionId, tx)) return refuse(ROSTER_LOCKED, 409);
    const roster = await sessionRoster(sessionId, tx);
    const rows = new Map(roster!.rows.map((r) => [r.personId, r]));
    // Everyone checked before anything is written: a refusal leaves the roster as it was.
    if (entries.some((e) => !rows.has(e.personId))) return refuse("attendance.marking.notOnRoster");
    let marked = 0;
    let corrected = 0;
    for (const entry of entries) {
      const result = await markOne(tx, actor, sessionId, rows.get(entry.personId)!, entry);
      if (result === "marked") marked++;
      if (result === "corrected") corrected++;
    }
    return { ok: true as const, marked, corrected };
  });
}

async function markOne(tx: Tx, actor: Actor, sessionId: string, row: RosterEntry, entry: MarkEntry) {
  const data = { mark: entry.mark, source: "CLERK" as const, at: now(), markedById: actor.id, note: entry.note };
  let before: RecordedMark | null = await lockedMark(tx, sessionId, entry.personId);
  if (!before) {
    // A sign-in may land between the read and this insert: then it is there to correct, not to overwrite blindly.
    const inserted = await tx.attendance.createMany({
      data: [{ sessionId, personId: entry.personId, ...data }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) {
      await writeAudit(tx, {
        actor,
        action: "attendance.marked",
        entityType: "CourseSession",
        entityId: sessionId,
        summary: { personId: entry.personId, employeeNo: row.employeeNo, mark: entry.mark, note: entry.note },
      });
      await followMakeUp(tx, row, sessionId, row.status, entry);
      return "marked" as const;
    }
    before = await lockedMark(tx, sessionId, entry.personId);
  }
  if (!before || (before.mark === entry.mark && before.note === entry.note)) return null;
  await tx.attendance.update({ where: { sessionId_personId: { sessionId, personId: entry.personId } }, data });
  await writeAudit(tx, {
    actor,
    action: "attendance.corrected",
    entityType: "CourseSession",
    entityId: sessionId,
    summary: {
      personId: entry.personId,
      employeeNo: row.employeeNo,
      from: { mark: before.mark, source: before.source, at: before.at.toISOString(), note: before.note },
      to: { mark: entry.mark, note: entry.note },
    },
  });
  await followMakeUp(tx, row, sessionId, before.mark, entry);
  return "corrected" as const;
}

/** A make-up attendee who misses the make-up still owes the session they first missed. */
async function followMakeUp(
  tx: Tx,
  row: RosterEntry,
  sessionId: string,
  from: RosterEntry["status"],
  entry: MarkEntry,
) {
  const effect = makeUpEffect(from, entry.mark);
  if (!effect) return;
  const key = { personId: entry.personId, missedSessionId: row.makeUpFor?.missedSessionId ?? sessionId };
  if (effect === "offer") await offerMakeUp(tx, key);
  else await closeMakeUpOffer(tx, key);
}
