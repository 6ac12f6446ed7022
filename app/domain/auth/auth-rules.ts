// Pure rules of sign-in: lockout (the session's lifetime is in app/utils/session-rules.ts).
export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

export function shouldLock(failuresInWindow: number): boolean {
  return failuresInWindow >= LOCK_AFTER_FAILURES;
}
