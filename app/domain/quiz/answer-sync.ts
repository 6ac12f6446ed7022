// Pure state of the answers on the attempt page while they travel to the server. An answer counts as
// answered only once the server has it; one that failed to save stays "unsaved" and is retried with
// backoff (and at once when the browser is back online) until it is saved or the attempt has ended.
// No I/O here: the page's hook (app/components/quiz/attempt-parts.tsx) sends and reports back.

export type AnswerStatus = "saved" | "saving" | "unsaved";
export type AnswerEntry = {
  selected: string[];
  status: AnswerStatus;
  /** Bumped on every choice: a reply for an older choice never marks a newer one saved. */
  version: number;
  failures: number;
  /** When an unsaved answer may be sent again (ms since epoch); 0 = now. */
  retryAt: number;
};
export type SyncState = { answers: AnswerEntry[]; ended: null | "submitted" | "expired" };
export type SaveReply = "saved" | "failed" | "submitted" | "expired";

/** The first retry waits this long, each next one twice as long, up to MAX_DELAY_MS. */
export const FIRST_RETRY_MS = 1000;
export const MAX_DELAY_MS = 30_000;

/** The answers the server sent with the page are saved already. */
export function initialSync(selected: readonly string[][]): SyncState {
  return {
    answers: selected.map((s) => ({ selected: [...s], status: "saved", version: 0, failures: 0, retryAt: 0 })),
    ended: null,
  };
}

const withEntry = (state: SyncState, index: number, next: Partial<AnswerEntry>): SyncState => ({
  ...state,
  answers: state.answers.map((a, i) => (i === index ? { ...a, ...next } : a)),
});

/** The person chose: the answer waits to be sent. */
export function choose(state: SyncState, index: number, selected: string[]): SyncState {
  const entry = state.answers[index];
  return withEntry(state, index, { selected, status: "unsaved", version: entry.version + 1, failures: 0, retryAt: 0 });
}

/** Answers to send now: unsaved and due, one per question (a question being sent waits for its reply). */
export function dueToSend(
  state: SyncState,
  nowMs: number,
): Array<{ index: number; version: number; selected: string[] }> {
  if (state.ended) return [];
  return state.answers
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.status === "unsaved" && a.retryAt <= nowMs)
    .map(({ a, index }) => ({ index, version: a.version, selected: a.selected }));
}

export function sending(state: SyncState, index: number, version: number): SyncState {
  const entry = state.answers[index];
  return entry.version === version ? withEntry(state, index, { status: "saving" }) : state;
}

/** Wait before the n-th retry: 1, 2, 4, 8, 16 s, then every 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** The server's reply (or the network's failure) for the answer sent at `version`. */
export function replied(state: SyncState, index: number, version: number, reply: SaveReply, nowMs: number): SyncState {
  if (reply === "submitted" || reply === "expired") return { ...state, ended: state.ended ?? reply };
  const entry = state.answers[index];
  // A newer choice was made meanwhile: it is still to be sent, whatever happened to this one.
  if (entry.version !== version) return withEntry(state, index, { status: "unsaved" });
  if (reply === "saved") return withEntry(state, index, { status: "saved", failures: 0, retryAt: 0 });
  const failures = entry.failures + 1;
  return withEntry(state, index, { status: "unsaved", failures, retryAt: nowMs + retryDelayMs(failures) });
}

/** Back online, or about to hand in: every unsaved answer is due at once. */
export function retryNow(state: SyncState): SyncState {
  return { ...state, answers: state.answers.map((a) => (a.status === "unsaved" ? { ...a, retryAt: 0 } : a)) };
}

/** When the next retry is due, or null when nothing waits. */
export function nextRetryAt(state: SyncState): number | null {
  if (state.ended) return null;
  const due = state.answers.filter((a) => a.status === "unsaved").map((a) => a.retryAt);
  return due.length ? Math.min(...due) : null;
}

/** How a save request ended, from its HTTP status and body (a thrown fetch is "failed"). */
export function classifyReply(status: number, body: { ok?: boolean; error?: string }): SaveReply {
  if (body.error === "quiz.alreadySubmitted") return "submitted";
  if (body.error === "quiz.expired") return "expired";
  if (status >= 200 && status < 300 && body.ok) return "saved";
  return "failed";
}

export type QuestionMark = "answered" | "unsaved" | "empty";

/** What the navigator shows per question: answered only once saved. */
export function questionMarks(state: SyncState): QuestionMark[] {
  return state.answers.map((a) => (a.selected.length === 0 ? "empty" : a.status === "saved" ? "answered" : "unsaved"));
}

/** The "已答" counter and the hand-in check: saved answers, answers not yet saved, questions without an answer. */
export function counts(state: SyncState) {
  const marks = questionMarks(state);
  return {
    answered: marks.filter((m) => m === "answered").length,
    unsaved: marks.filter((m) => m === "unsaved").length,
    unanswered: marks.filter((m) => m === "empty").length,
  };
}
