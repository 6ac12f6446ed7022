// Recording a person's own sign-in (by scanning the projector's code, or at the kiosk): every rule that
// decides whether it counts lives here, so both ways refuse the same things and write the same record.
import { getSettings } from "~/domain/settings/settings.server";
import { writeAuditSql, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { sql, sqlTransaction } from "~/utils/sql.server";
import { messageKey } from "~/utils/validation";

import { ROSTER_LOCKED, rosterClosed } from "../archive/roster-lock.server";
import { localParts } from "../course/session-view";

import { attended, markForSignIn, signInTimeRefusal } from "./attendance-rules";
import { inOfficeNetwork } from "./office-networks";
import { isOnRoster } from "./roster.server";

export type SignInDone = { ok: true; mark: "PRESENT" | "LATE"; at: Date; time: string };
export type SignInRefused = { ok: false; error: string; status: number };
export type SignInOutcome = SignInDone | SignInRefused;

const refuse = (error: string, status = 409): SignInRefused => ({ ok: false, error, status });

/** A person's own sign-in reached the server through the `source` way, from `address`, vouched for at `at`. */
export type SignInInput = {
  sessionId: string;
  person: NonNullable<AuditActor>;
  at: Date;
  source: "QR" | "KIOSK";
  address: string | null | undefined;
  /** The clerk whose device the kiosk runs on (for the audit entry). */
  kioskClerk?: NonNullable<AuditActor>;
};

// "updatedAt" is kept by Prisma on its own writes; here the statement sets it (a timestamp without zone, UTC).
const INSERT_ATTENDANCE = `INSERT INTO "Attendance" ("sessionId", "personId", mark, source, at, "updatedAt")
  VALUES ($1, $2, $3::"AttendanceMark", $4::"AttendanceSource", $5::timestamptz, $6::timestamptz::timestamp)
  ON CONFLICT ("sessionId", "personId") DO NOTHING
  RETURNING 1 AS inserted`;

/**
 * Signs `person` in at `at` (PRESENT, or LATE after the threshold), or says why not with nothing recorded:
 * no such session, the course called off, not on the roster, already signed in (or marked by the clerk),
 * outside the office network, or outside the sign-in window. One row per person and session: of two scans
 * at the same moment the primary key admits one, and the other is told it is already signed in.
 */
export async function recordSignIn(input: SignInInput): Promise<SignInOutcome> {
  const { sessionId, person, at } = input;
  const [settings, session, onRoster, existing, closed] = await Promise.all([
    getSettings(),
    db.courseSession.findUnique({
      where: { id: sessionId },
      select: {
        startsAt: true,
        endsAt: true,
        course: { select: { approval: { select: { state: true } }, delivery: { select: { state: true } } } },
      },
    }),
    isOnRoster(db, sessionId, person.id),
    db.attendance.findUnique({
      where: { sessionId_personId: { sessionId, personId: person.id } },
      select: { mark: true, at: true },
    }),
    rosterClosed(sessionId),
  ]);
  if (!session || session.course.approval.state !== "APPROVED") return refuse("errors.notFound", 404);
  const clock = (d: Date) => localParts(d, settings.timeZone).time;
  if (session.course.delivery?.state === "CANCELLED") return refuse("signIn.refused.cancelled");
  if (closed) return refuse(ROSTER_LOCKED);
  if (!onRoster) return refuse("signIn.refused.notOnRoster", 403);
  if (existing) return alreadyRecorded(existing, clock);
  if (!inOfficeNetwork(input.address, settings.signInNetworks)) return refuse("signIn.refused.network", 403);
  const timeRefusal = signInTimeRefusal(at, session, settings.signInOpensMinutes);
  if (timeRefusal) return refuse(messageKey(timeRefusal, { minutes: settings.signInOpensMinutes }));

  const mark = markForSignIn(at, session.startsAt, settings.lateAfterMinutes);
  // One short transaction on the pool (this is the hot path of 500 people signing in at once): the row,
  // and the audit entry only if this request's row went in. Two scans at the same moment meet at the
  // primary key: the second inserts nothing and is told it is already signed in.
  const inserted = await sqlTransaction(async (client) => {
    const rows = await sql(INSERT_ATTENDANCE, [sessionId, person.id, mark, input.source, at, now()], client);
    if (rows.length === 0) return false;
    await writeAuditSql(client, {
      actor: person,
      action: "attendance.signedIn",
      entityType: "CourseSession",
      entityId: sessionId,
      summary: {
        personId: person.id,
        mark,
        source: input.source,
        at: at.toISOString(),
        ...(input.kioskClerk ? { kioskClerk: input.kioskClerk.employeeNo } : {}),
      },
    });
    return true;
  });
  if (!inserted) {
    const winner = await db.attendance.findUniqueOrThrow({
      where: { sessionId_personId: { sessionId, personId: person.id } },
      select: { mark: true, at: true },
    });
    return alreadyRecorded(winner, clock);
  }
  return { ok: true, mark, at, time: clock(at) };
}

function alreadyRecorded(row: { mark: Parameters<typeof attended>[0]; at: Date }, clock: (d: Date) => string) {
  // Signed in before (by any way): the time they did. Marked absent or excused by the clerk: only the clerk
  // changes that, so the trainee is told to see them rather than being silently signed in over it.
  if (attended(row.mark)) return refuse(messageKey("signIn.refused.already", { time: clock(row.at) }));
  return refuse(messageKey("signIn.refused.markedByClerk", { mark: row.mark }));
}
