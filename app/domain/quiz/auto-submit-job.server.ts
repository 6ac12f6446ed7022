// The background job that hands in every open attempt past its server deadline, with the same use-case
// an agent's own hand-in uses (finaliseAttempt: a conditional claim, one transaction, audited as
// quiz.auto_submitted). Pages still finalise an attempt they find expired; the job makes sure the score,
// the certification and the to-dos are settled even when nobody opens one. Running it twice, or on two
// instances at once, submits each attempt once: only the run whose claim succeeds counts it.
import { now } from "~/utils/clock.server";

import { attemptSql } from "./attempt-sql.server";
import { finaliseAttempt } from "./submit-attempt.server";

export async function autoSubmitExpiredAttempts(): Promise<{ submitted: number }> {
  const expired = await attemptSql<{ id: string }>(
    `SELECT id FROM "QuizAttempt" WHERE status = 'OPEN' AND "deadlineAt" <= $1::timestamptz::timestamp
      ORDER BY "deadlineAt" LIMIT 1000`,
    [now()],
  );
  let submitted = 0;
  for (const a of expired) if ((await finaliseAttempt(a.id, { auto: true })).finalised) submitted += 1;
  return { submitted };
}
