// A trainee's scan of the projector's code: the code (or the ticket a scan before logging in was exchanged
// for) proves they were in front of the screen; it signs in the person logged in on the phone and no one else.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { localParts } from "../course/session-view";

import { attended } from "./attendance-rules";
import { recordSignIn, type SignInOutcome } from "./sign-in-record.server";
import { signInSecret } from "./sign-in-secret.server";
import { checkScanTicket, checkSignInCode, scanTicket } from "./sign-in-token";

export type ScanProof = { code: string } | { ticket: string };

const PROOF_REFUSALS = {
  code: { expired: "signIn.refused.codeExpired", forged: "signIn.refused.codeForged" },
  ticket: { expired: "signIn.refused.ticketExpired", forged: "signIn.refused.codeForged" },
} as const;

/** Signs the logged-in `person` in with a scanned code or ticket, from the phone's `address`. */
export async function signInByScan(input: {
  sessionId: string;
  person: { id: string; employeeNo: string };
  proof: ScanProof;
  address: string | null | undefined;
}): Promise<SignInOutcome> {
  const secret = await signInSecret();
  const at = now();
  const kind = "code" in input.proof ? "code" : "ticket";
  const check =
    "code" in input.proof
      ? checkSignInCode(secret, input.sessionId, input.proof.code, at)
      : checkScanTicket(secret, input.sessionId, input.proof.ticket, at);
  if (!check.ok) return { ok: false, error: PROOF_REFUSALS[kind][check.reason], status: 400 };
  return recordSignIn({
    sessionId: input.sessionId,
    person: input.person,
    at: check.at,
    source: "QR",
    address: input.address,
  });
}

/**
 * Someone scanned a valid code but is not logged in: the scan is vouched for by a ticket (valid a few
 * minutes, bound to the session) that the login page carries back, as the code may expire while they type.
 * An invalid code gets no ticket: it comes back as it was, and is refused after login.
 */
export async function ticketForScan(sessionId: string, code: string): Promise<string | null> {
  const secret = await signInSecret();
  const at = now();
  return checkSignInCode(secret, sessionId, code, at).ok ? scanTicket(secret, sessionId, at) : null;
}

/** What the page shows a person who opens it: their own sign-in at the session, if any. */
export async function ownSignIn(sessionId: string, personId: string, timeZone: string) {
  const row = await db.attendance.findUnique({
    where: { sessionId_personId: { sessionId, personId } },
    select: { mark: true, at: true },
  });
  if (!row || !attended(row.mark)) return null;
  return { mark: row.mark, time: localParts(row.at, timeZone).time };
}
