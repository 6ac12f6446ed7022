// Pure: the rotating code on the projector and the "scanned at" ticket that carries a scan through the
// login page. Both are HMAC-SHA256 over what they vouch for, under the server's secret (sign-in-secret.server.ts):
// a code names its 15-second window, a ticket the instant of the scan; neither can be made without the secret.
import { createHmac, timingSafeEqual } from "node:crypto";

/** A code changes every 15 s. */
export const CODE_WINDOW_MS = 15_000;
/** The previous window's code still counts this long into the next one (a slow phone, a slow network). */
export const CODE_GRACE_MS = 5_000;
/** A scan vouched for by a ticket may be completed this long after it (time to type a password). */
export const TICKET_VALID_MS = 5 * 60_000;
// Instances on several machines may disagree by a second or two: a code of the next window is taken
// this close to its start.
const CLOCK_SKEW_MS = 2_000;

export type TokenCheck = { ok: true; at: Date } | { ok: false; reason: "expired" | "forged" };

const mac = (secret: Buffer, ...parts: string[]) =>
  createHmac("sha256", secret).update(parts.join("\u0000")).digest("base64url").slice(0, 22);

function sameMac(given: string, expected: string) {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export const windowOf = (at: Date) => Math.floor(at.getTime() / CODE_WINDOW_MS);

/** When the window of `at` ends (the projector shows the next code then). */
export const windowEndsAt = (at: Date) => new Date((windowOf(at) + 1) * CODE_WINDOW_MS);

/** The code shown during the window of `at`: "<window>.<mac>". */
export function signInCode(secret: Buffer, sessionId: string, at: Date): string {
  const window = windowOf(at);
  return `${window}.${mac(secret, "code", sessionId, String(window))}`;
}

/**
 * Whether `code` is this session's code and still valid at `at`. A code that does not verify (altered,
 * made up, or another session's) is forged; one that verifies but whose window is over (plus the grace) is
 * expired. A valid code vouches for the instant it was checked.
 */
export function checkSignInCode(secret: Buffer, sessionId: string, code: string, at: Date): TokenCheck {
  const match = /^(\d{1,15})\.([\w-]{22})$/.exec(code);
  if (!match) return { ok: false, reason: "forged" };
  const window = Number(match[1]);
  if (!sameMac(match[2], mac(secret, "code", sessionId, String(window)))) return { ok: false, reason: "forged" };
  const startsAt = window * CODE_WINDOW_MS;
  const t = at.getTime();
  if (t < startsAt - CLOCK_SKEW_MS) return { ok: false, reason: "forged" };
  if (t >= startsAt + CODE_WINDOW_MS + CODE_GRACE_MS) return { ok: false, reason: "expired" };
  return { ok: true, at };
}

/** A ticket for a valid scan at `scannedAt`, to finish the sign-in after logging in: "<ms>.<mac>". */
export function scanTicket(secret: Buffer, sessionId: string, scannedAt: Date): string {
  const ms = String(scannedAt.getTime());
  return `${ms}.${mac(secret, "ticket", sessionId, ms)}`;
}

/** Whether `ticket` was issued for this session and is still valid at `at`; it vouches for the scan's instant. */
export function checkScanTicket(secret: Buffer, sessionId: string, ticket: string, at: Date): TokenCheck {
  const match = /^(\d{1,15})\.([\w-]{22})$/.exec(ticket);
  if (!match || !sameMac(match[2], mac(secret, "ticket", sessionId, match[1]))) return { ok: false, reason: "forged" };
  const scannedAt = Number(match[1]);
  if (scannedAt > at.getTime() + CLOCK_SKEW_MS) return { ok: false, reason: "forged" };
  if (at.getTime() - scannedAt >= TICKET_VALID_MS) return { ok: false, reason: "expired" };
  return { ok: true, at: new Date(Math.min(scannedAt, at.getTime())) };
}

/** The trainee's page for a code (absolute, for the QR): `origin` is PUBLIC_URL or the request's. */
export function codeUrl(origin: string, sessionId: string, code: string): string {
  return new URL(`sessions/${encodeURIComponent(sessionId)}/sign-in?code=${encodeURIComponent(code)}`, `${origin}/`)
    .href;
}
