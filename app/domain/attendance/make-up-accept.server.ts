// A trainee accepts a make-up session for a session they missed (or changes the one they accepted): one
// transaction that locks the target session's course, so two trainees cannot both take its last seat,
// checks the session is still one of theirs to take, records the make-up, closes the offer and audits.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";

import { refusalFor } from "./make-up-candidates.server";
import { closeMakeUpOffer } from "./make-up-offer.server";
import { missedSessionOf } from "./make-up-queries.server";
import { mayChooseMakeUp } from "./make-up-rules";

export type AcceptInput = { personId?: string | null; missedSessionId: string; sessionId: string };
export type AcceptOutcome = { ok: true; changed: boolean; sessionId: string } | Failure;

const refuse = (error: string, status = 400): Failure => ({ ok: false, error, status });

export async function acceptMakeUp(actor: Actor, input: AcceptInput): Promise<AcceptOutcome> {
  // A trainee accepts for themselves only; a form naming someone else is refused, not re-targeted.
  if (input.personId && input.personId !== actor.id) return refuse("makeUps.errors.notYours");
  const personId = actor.id;
  const at = now();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT c.id FROM "Course" c JOIN "CourseSession" s ON s."courseId" = c.id
       WHERE s.id = ${input.sessionId} FOR UPDATE OF c`;
    if (locked.length === 0) return refuse("makeUps.errors.notCandidate");
    const missed = await missedSessionOf(tx, { personId, missedSessionId: input.missedSessionId }, at);
    if (!missed) return refuse("makeUps.errors.notOwed");
    if (!mayChooseMakeUp({ standing: missed.standing, makeUpStartsAt: missed.makeUp?.startsAt ?? null, at }))
      return refuse("makeUps.errors.settled");
    if (missed.makeUp?.sessionId === input.sessionId && missed.standing === "ENROLLED")
      return refuse("makeUps.errors.already");
    const refusal = await refusalFor(
      tx,
      { personId, missedSessionId: input.missedSessionId, sessionId: input.sessionId },
      at,
    );
    if (refusal === "full") return refuse("makeUps.errors.full", 409);
    if (refusal) return refuse("makeUps.errors.notCandidate");
    const key = { personId, missedSessionId: input.missedSessionId };
    const makeUp = await tx.makeUp.upsert({
      where: { personId_missedSessionId: key },
      create: { ...key, sessionId: input.sessionId, acceptedAt: at },
      update: { sessionId: input.sessionId, acceptedAt: at },
      select: { id: true },
    });
    await closeMakeUpOffer(tx, key);
    const changed = missed.makeUp !== null;
    await writeAudit(tx, {
      actor,
      action: changed ? "makeUp.changed" : "makeUp.accepted",
      entityType: "MakeUp",
      entityId: makeUp.id,
      summary: {
        title: missed.courseTitle,
        missedSessionId: input.missedSessionId,
        sessionId: input.sessionId,
        ...(changed ? { from: missed.makeUp!.sessionId } : {}),
      },
    });
    return { ok: true as const, changed, sessionId: input.sessionId };
  });
}
