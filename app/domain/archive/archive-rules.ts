// Pure: what closing a session's roster turns each roster row into (the training record of step 012), when a
// roster may be closed, what an amendment changes, which scans are kept. No I/O; the use-cases beside this
// file perform it.
import type { RosterStatus } from "../attendance/attendance-rules";

export const OUTCOMES = ["PRESENT", "LATE", "ABSENT", "EXCUSED"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The record's outcome for a roster standing: a paper signature counts as present, approved leave as excused.
 * Someone still unmarked has no outcome unless the clerk chose to record the unmarked as absent.
 */
export function outcomeOf(status: RosterStatus, unmarkedAsAbsent = false): Outcome | null {
  switch (status) {
    case "PRESENT":
    case "PRESENT_PAPER":
      return "PRESENT";
    case "LATE":
      return "LATE";
    case "ABSENT":
      return "ABSENT";
    case "EXCUSED":
    case "ON_LEAVE":
      return "EXCUSED";
    case "UNMARKED":
      return unmarkedAsAbsent ? "ABSENT" : null;
  }
}

export const attendedOutcome = (outcome: Outcome) => outcome === "PRESENT" || outcome === "LATE";

/** The session's length in whole minutes. */
export function sessionMinutes(session: { startsAt: Date; endsAt: Date }): number {
  return Math.max(0, Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000));
}

/** Hours are credited for being there (late included), never for an absence, excused or not. */
export function creditedMinutes(outcome: Outcome, session: { startsAt: Date; endsAt: Date }): number {
  return attendedOutcome(outcome) ? sessionMinutes(session) : 0;
}

/** A missed session leaves a make-up owed until the person has attended one. */
export function makeUpOwed(outcome: Outcome, madeUp: boolean): boolean {
  return !attendedOutcome(outcome) && !madeUp;
}

/** What one roster row becomes; null while the row has no outcome (unmarked, not recorded as absent). */
export function recordOf(
  row: { status: RosterStatus; makeUpFor: { missedSessionId: string } | null },
  context: { session: { startsAt: Date; endsAt: Date }; madeUp: boolean; unmarkedAsAbsent: boolean },
) {
  const outcome = outcomeOf(row.status, context.unmarkedAsAbsent);
  if (!outcome) return null;
  return {
    outcome,
    minutes: creditedMinutes(outcome, context.session),
    makeUpOwed: makeUpOwed(outcome, context.madeUp),
    makeUpForSessionId: row.makeUpFor?.missedSessionId ?? null,
  };
}

/** Marked (any mark), still unmarked, on approved leave without a mark. */
export function rosterCounts(rows: ReadonlyArray<{ status: RosterStatus }>) {
  let marked = 0;
  let unmarked = 0;
  let onLeave = 0;
  for (const r of rows) {
    if (r.status === "UNMARKED") unmarked++;
    else if (r.status === "ON_LEAVE") onLeave++;
    else marked++;
  }
  return { marked, unmarked, onLeave };
}

export type CloseRefusal =
  | "archive.close.notFound"
  | "archive.close.notApproved"
  | "archive.close.cancelled"
  | "archive.close.notEnded"
  | "archive.close.unmarked";

/** Why this roster cannot be closed now, or null (an earlier close is answered apart, with who closed it). */
export function closeRefusal(input: {
  at: Date;
  endsAt: Date;
  approved: boolean;
  cancelled: boolean;
  unmarked: number;
  unmarkedAsAbsent: boolean;
}): CloseRefusal | null {
  if (!input.approved) return "archive.close.notApproved";
  if (input.cancelled) return "archive.close.cancelled";
  if (input.at.getTime() < input.endsAt.getTime()) return "archive.close.notEnded";
  if (input.unmarked > 0 && !input.unmarkedAsAbsent) return "archive.close.unmarked";
  return null;
}

/** The best submitted attempt (highest score; of equal scores a passed one), or null when there is none. */
export function bestAttempt<A extends { scorePercent: number | null; passed: boolean | null }>(
  attempts: readonly A[],
): { scorePercent: number; passed: boolean } | null {
  let best: { scorePercent: number; passed: boolean } | null = null;
  for (const a of attempts) {
    if (a.scorePercent === null) continue;
    const candidate = { scorePercent: a.scorePercent, passed: a.passed === true };
    if (
      !best ||
      candidate.scorePercent > best.scorePercent ||
      (candidate.scorePercent === best.scorePercent && candidate.passed && !best.passed)
    )
      best = candidate;
  }
  return best;
}

export const MAX_REASON = 500;

/** Why an amendment is refused: a correction always says why, and changes something. */
export function amendRefusal(input: { reason: string; from: Outcome; to: Outcome }) {
  if (input.reason.trim() === "") return "archive.amend.reasonRequired" as const;
  if (input.reason.trim().length > MAX_REASON) return "archive.amend.reasonTooLong" as const;
  if (input.from === input.to) return "archive.amend.sameOutcome" as const;
  return null;
}

/** Scans of the signed paper sheet: a phone's photo or a scanner's PDF of a few pages. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const SCAN_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

const startsWith = (bytes: Uint8Array, offset: number, text: string) =>
  [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

// The first bytes say what a file is; its name and the browser's stated type are only claims.
const SCAN_KINDS = [
  { mime: "application/pdf", ext: "pdf", matches: (b: Uint8Array) => startsWith(b, 0, "%PDF-") },
  { mime: "image/jpeg", ext: "jpg", matches: (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", ext: "png", matches: (b: Uint8Array) => startsWith(b, 0, "\x89PNG\r\n\x1a\n") },
];

export type ScanCheck =
  | { ok: true; mime: string; fileName: string }
  | { ok: false; error: "archive.scan.tooLarge" | "archive.scan.refusedType" | "archive.scan.empty" };

export function checkScan(fileName: string, bytes: Uint8Array): ScanCheck {
  if (bytes.byteLength === 0) return { ok: false, error: "archive.scan.empty" };
  if (bytes.byteLength > MAX_SCAN_BYTES) return { ok: false, error: "archive.scan.tooLarge" };
  const kind = SCAN_KINDS.find((k) => k.matches(bytes));
  if (!kind) return { ok: false, error: "archive.scan.refusedType" };
  // The last path segment only (some browsers send a whole path), with an extension that tells the truth.
  const base =
    (fileName.split(/[\\/]/).pop() ?? "")
      .trim()
      .replace(/\.[^.]*$/, "")
      .slice(0, 120) || "scan";
  return { ok: true, mime: kind.mime, fileName: `${base}.${kind.ext}` };
}

/** Images show in the browser; a PDF is downloaded. */
export const scanShowsInline = (mime: string) => mime.startsWith("image/");
