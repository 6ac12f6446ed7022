// Correcting a closed roster: the record keeps what it said before in an amendment with who, when and why,
// and takes the new outcome and the minutes that go with it, all in one transaction with its audit entry.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";

import { amendRefusal, creditedMinutes, makeUpOwed, type Outcome } from "./archive-rules";

export type AmendInput = { recordId: string; outcome: Outcome; reason: string };

type AmendOutcome = { ok: true; recordId: string } | Failure;

export async function amendRecord(actor: Actor, sessionId: string, input: AmendInput): Promise<AmendOutcome> {
  return db.$transaction((tx) => amendRecordIn(tx, actor, sessionId, input, now()));
}

/** The amendment inside a caller's transaction (the demo seed files one in its own). */
export async function amendRecordIn(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  input: AmendInput,
  at: Date,
): Promise<AmendOutcome> {
  // Locked, so two corrections of one record at once take turns and each amendment's "from" is true.
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "TrainingRecord" WHERE id = ${input.recordId} AND "sessionId" = ${sessionId} FOR UPDATE`;
  if (locked.length === 0) return { ok: false as const, error: "errors.notFound", status: 404 };
  const record = await tx.trainingRecord.findUniqueOrThrow({
    where: { id: input.recordId },
    select: {
      id: true,
      personId: true,
      outcome: true,
      minutes: true,
      startsAt: true,
      endsAt: true,
      courseTitle: true,
      person: { select: { employeeNo: true } },
    },
  });
  const refusal = amendRefusal({ reason: input.reason, from: record.outcome, to: input.outcome });
  if (refusal)
    return {
      ok: false as const,
      error: refusal,
      field: refusal === "archive.amend.sameOutcome" ? "outcome" : "reason",
    };
  const minutes = creditedMinutes(input.outcome, record);
  const madeUp = await tx.trainingRecord.count({
    where: { personId: record.personId, makeUpForSessionId: sessionId, outcome: { in: ["PRESENT", "LATE"] } },
  });
  await tx.trainingRecordAmendment.create({
    data: {
      recordId: record.id,
      byId: actor.id,
      at,
      reason: input.reason.trim(),
      fromOutcome: record.outcome,
      toOutcome: input.outcome,
      fromMinutes: record.minutes,
      toMinutes: minutes,
    },
  });
  await tx.trainingRecord.update({
    where: { id: record.id },
    data: { outcome: input.outcome, minutes, makeUpOwed: makeUpOwed(input.outcome, madeUp > 0), amendedAt: at },
  });
  await writeAudit(tx, {
    actor,
    action: "archive.amended",
    entityType: "TrainingRecord",
    entityId: record.id,
    summary: {
      sessionId,
      title: record.courseTitle,
      employeeNo: record.person.employeeNo,
      from: { outcome: record.outcome, minutes: record.minutes },
      to: { outcome: input.outcome, minutes },
      reason: input.reason.trim(),
    },
  });
  return { ok: true as const, recordId: record.id };
}
