// Closing a session's roster (step 012, 培训档案归档): its attendance becomes one training record per person,
// once. The closure row's primary key is the session, and the session row is locked first, so of two
// clerks closing at the same moment exactly one writes; the other is told who closed it. The clerk's marks
// take the same lock, so no mark lands between reading the roster and writing the records.
import { openCourseSurvey } from "~/domain/evaluation/open-course-survey.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { messageKey } from "~/utils/validation";

import { attended } from "../attendance/attendance-rules";
import { sessionRoster, type RosterEntry } from "../attendance/roster.server";
import { localParts } from "../course/session-view";

import { attendedOutcome, bestAttempt, closeRefusal, recordOf, type Outcome } from "./archive-rules";

export type CloseOutcome = { ok: true; records: number; absentFromUnmarked: number } | Failure;

const refuse = (error: string, status = 400): Failure => ({ ok: false, error, status });

/** Closes the roster in one transaction of its own; a close that loses a race is a 409 with the winner's name. */
export async function closeRoster(
  actor: Actor,
  sessionId: string,
  input: { unmarkedAsAbsent: boolean },
): Promise<CloseOutcome> {
  try {
    return await db.$transaction((tx) => closeRosterIn(tx, actor, sessionId, input, now()), { timeout: 30_000 });
  } catch (error) {
    // The key held even though the lock did not (a closure written outside this use-case): still one wins.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return alreadyClosed(db, sessionId);
  }
}

async function alreadyClosed(client: Tx | typeof db, sessionId: string): Promise<Failure> {
  const closure = await client.rosterClosure.findUnique({
    where: { sessionId },
    select: { closedAt: true, closedById: true },
  });
  const by = closure
    ? await client.person.findUnique({ where: { id: closure.closedById }, select: { name: true } })
    : null;
  const when = closure ? localParts(closure.closedAt, (await getSettings()).timeZone) : null;
  return refuse(
    messageKey("archive.close.alreadyClosed", { name: by?.name ?? "", at: when ? `${when.date} ${when.time}` : "" }),
    409,
  );
}

/** The close inside a caller's transaction (the demo seed closes every ended session in its own). */
export async function closeRosterIn(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  input: { unmarkedAsAbsent: boolean },
  at: Date,
): Promise<CloseOutcome> {
  // FOR UPDATE: waits for a clerk's marking (FOR NO KEY UPDATE) and for another close of the same session.
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "CourseSession" WHERE id = ${sessionId} FOR UPDATE`;
  if (locked.length === 0) return refuse("errors.notFound", 404);
  if (await tx.rosterClosure.findUnique({ where: { sessionId }, select: { sessionId: true } }))
    return alreadyClosed(tx, sessionId);
  const roster = (await sessionRoster(sessionId, tx))!;
  const course = await tx.course.findUniqueOrThrow({
    where: { id: roster.course.id },
    select: {
      lecturer: { select: { name: true } },
      externalLecturer: true,
      externalOrg: true,
      quizId: true,
      sessions: { select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 },
    },
  });
  const unmarked = roster.rows.filter((r) => r.status === "UNMARKED").length;
  const refusal = closeRefusal({
    at,
    endsAt: roster.session.endsAt,
    approved: roster.course.approval.state === "APPROVED",
    cancelled: roster.course.delivery?.state === "CANCELLED",
    unmarked,
    unmarkedAsAbsent: input.unmarkedAsAbsent,
  });
  if (refusal)
    return refuse(messageKey(refusal, { count: unmarked }), refusal === "archive.close.notEnded" ? 409 : 400);

  const ids = roster.rows.map((r) => r.personId);
  // One after the other: the transaction's connection runs one statement at a time.
  const departments = await tx.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, departmentId: true },
  });
  const madeUp = await madeUpAlready(tx, sessionId, ids);
  const quiz = await bestQuizResults(tx, course.quizId, course.sessions[0]?.startsAt ?? roster.session.startsAt, ids);
  const departmentOf = new Map(departments.map((p) => [p.id, p.departmentId]));
  const lecturerName =
    course.lecturer?.name ?? [course.externalLecturer, course.externalOrg].filter(Boolean).join("，");

  await tx.rosterClosure.create({ data: { sessionId, closedAt: at, closedById: actor.id } });
  const tally: Record<Outcome, number> = { PRESENT: 0, LATE: 0, ABSENT: 0, EXCUSED: 0 };
  const records = roster.rows.map((row) => {
    const record = recordOf(row, {
      session: roster.session,
      madeUp: madeUp.has(row.personId),
      unmarkedAsAbsent: true,
    })!;
    tally[record.outcome]++;
    const result = course.quizId ? (quiz.get(row.personId) ?? null) : null;
    return {
      sessionId,
      courseId: roster.course.id,
      personId: row.personId,
      departmentId: departmentOf.get(row.personId)!,
      ...record,
      courseTitle: roster.course.title,
      category: roster.course.category,
      lecturerName,
      startsAt: roster.session.startsAt,
      endsAt: roster.session.endsAt,
      quizScorePercent: result?.scorePercent ?? null,
      quizPassed: result?.passed ?? null,
      createdAt: at,
    };
  });
  await tx.trainingRecord.createMany({ data: records });
  await clearMadeUp(tx, roster.rows, records);
  await writeAudit(tx, {
    actor,
    action: "archive.closed",
    entityType: "CourseSession",
    entityId: sessionId,
    summary: { title: roster.course.title, records: records.length, ...tally, absentFromUnmarked: unmarked },
  });
  await openCourseSurvey(tx, { courseId: roster.course.id, at, fromName: actor.name });
  return { ok: true, records: records.length, absentFromUnmarked: unmarked };
}

/** Those who missed this session but have already attended a make-up of it elsewhere: nothing is owed. */
async function madeUpAlready(tx: Tx, sessionId: string, personIds: string[]): Promise<Set<string>> {
  const makeUps = await tx.makeUp.findMany({
    where: { missedSessionId: sessionId, personId: { in: personIds } },
    select: { personId: true, sessionId: true },
  });
  if (makeUps.length === 0) return new Set();
  const marks = await tx.attendance.findMany({
    where: { OR: makeUps.map((m) => ({ sessionId: m.sessionId, personId: m.personId })) },
    select: { personId: true, mark: true },
  });
  return new Set(marks.filter((m) => attended(m.mark)).map((m) => m.personId));
}

/** A make-up attended here settles the missed session's record, when that roster is closed already. */
async function clearMadeUp(
  tx: Tx,
  rows: readonly RosterEntry[],
  records: ReadonlyArray<{ personId: string; outcome: Outcome }>,
) {
  const outcomeOf = new Map(records.map((r) => [r.personId, r.outcome]));
  for (const row of rows) {
    if (!row.makeUpFor || !attendedOutcome(outcomeOf.get(row.personId)!)) continue;
    await tx.trainingRecord.updateMany({
      where: { sessionId: row.makeUpFor.missedSessionId, personId: row.personId, makeUpOwed: true },
      data: { makeUpOwed: false },
    });
  }
}

/** Each person's best submitted attempt of the course's quiz since the course's first session. */
async function bestQuizResults(tx: Tx, quizId: string | null, since: Date, personIds: string[]) {
  const results = new Map<string, { scorePercent: number; passed: boolean }>();
  if (!quizId) return results;
  const attempts = await tx.quizAttempt.findMany({
    where: { quizId, personId: { in: personIds }, status: "SUBMITTED", submittedAt: { gte: since } },
    select: { personId: true, scorePercent: true, passed: true },
  });
  for (const personId of new Set(attempts.map((a) => a.personId))) {
    const best = bestAttempt(attempts.filter((a) => a.personId === personId));
    if (best) results.set(personId, best);
  }
  return results;
}
