// Pure: how long a session lasts.
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
// lastSeenAt is written at most this often, so reads do not turn every request into a write.
export const SESSION_TOUCH_MS = 60_000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
export type SessionState = "valid" | "idle" | "expired";

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return "valid";
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

export function sessionExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_MS);
}
