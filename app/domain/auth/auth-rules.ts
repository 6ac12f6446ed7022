// Pure rules of sign-in: lockout and throttling (the session's lifetime is in app/utils/session-rules.ts).
// The counts and locks are taken by single SQL statements (login-attempts.server.ts) with these numbers,
// so that parallel requests cannot slip between a read and a write.

/** Five wrong passwords for one account from one source address lock the account for that source. */
export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

/**
 * The account is locked for every source once failures from all sources add up to 20 in the window.
 * One source can add at most 5 (then it is locked out), so this takes at least four addresses: an
 * anonymous guesser on one address can no longer lock someone out of the office, and a person's own
 * mistakes from office and phone stay far below it. It also caps guessing spread over many addresses
 * at 20 per window for one account.
 */
export const LOCK_EVERYONE_AFTER_FAILURES = 20;

/**
 * A source address (the office's shared one, too) may fail 10 times an hour over all accounts before
 * it is slowed down: generous for a floor of agents who mistype, small for password spraying. After
 * that, attempt k must wait 1 s, 2 s, 4 s … (at most a minute) after the previous attempt, so spraying
 * gets about 70 guesses an hour instead of thousands.
 */
export const SOURCE_FREE_FAILURES = 10;
export const SOURCE_WINDOW_MS = 60 * 60_000;
export const SOURCE_FIRST_DELAY_MS = 1_000;
export const SOURCE_MAX_DELAY_MS = 60_000;

/** How long after attempt number `attempt` of a source (in its window) the next may start. */
export function sourceDelayMs(attempt: number): number {
  if (attempt < SOURCE_FREE_FAILURES) return 0;
  return Math.min(SOURCE_FIRST_DELAY_MS * 2 ** (attempt - SOURCE_FREE_FAILURES), SOURCE_MAX_DELAY_MS);
}

/** sourceDelayMs for attempts 1…n, where n is the first that reaches the cap: the SQL takes the last beyond. */
export function sourceDelayTableMs(): number[] {
  const table: number[] = [];
  for (let attempt = 1; table.at(-1) !== SOURCE_MAX_DELAY_MS; attempt++) table.push(sourceDelayMs(attempt));
  return table;
}

/** Whole seconds to tell someone to wait, never 0 while they must still wait. */
export function secondsToWait(notBefore: Date, at: Date): number {
  return Math.max(1, Math.ceil((notBefore.getTime() - at.getTime()) / 1000));
}
