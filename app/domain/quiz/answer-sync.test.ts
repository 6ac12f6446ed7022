import { describe, expect, it } from "vitest";

import {
  choose,
  classifyReply,
  counts,
  dueToSend,
  FIRST_RETRY_MS,
  initialSync,
  MAX_DELAY_MS,
  nextRetryAt,
  questionMarks,
  replied,
  retryDelayMs,
  retryNow,
  sending,
} from "./answer-sync";

const T0 = 1_000_000;

/** Three questions: the first answered before (from the server), the others not. */
const start = () => initialSync([["a"], [], []]);

describe("an answer that fails to save", () => {
  it("stays unsaved, is not counted as answered, and is retried with backoff until saved", () => {
    let s = choose(start(), 1, ["x"]);
    expect(dueToSend(s, T0)).toEqual([{ index: 1, version: 1, selected: ["x"] }]);
    s = sending(s, 1, 1);
    expect(s.answers[1].status).toBe("saving");
    expect(dueToSend(s, T0)).toEqual([]); // one request per question at a time
    expect(counts(s)).toEqual({ answered: 1, unsaved: 1, unanswered: 1 });

    // Offline: the request fails.
    s = replied(s, 1, 1, "failed", T0);
    expect(s.answers[1].status).toBe("unsaved");
    expect(questionMarks(s)).toEqual(["answered", "unsaved", "empty"]);
    expect(counts(s)).toEqual({ answered: 1, unsaved: 1, unanswered: 1 });
    expect(nextRetryAt(s)).toBe(T0 + FIRST_RETRY_MS);
    expect(dueToSend(s, T0 + 999)).toEqual([]);
    expect(dueToSend(s, T0 + 1000)).toHaveLength(1);

    // The retry fails too: the next one waits longer.
    s = replied(sending(s, 1, 1), 1, 1, "failed", T0 + 1000);
    expect(nextRetryAt(s)).toBe(T0 + 1000 + 2 * FIRST_RETRY_MS);

    // Then it goes through.
    s = replied(sending(s, 1, 1), 1, 1, "saved", T0 + 3000);
    expect(s.answers[1]).toMatchObject({ status: "saved", failures: 0 });
    expect(counts(s)).toEqual({ answered: 2, unsaved: 0, unanswered: 1 });
    expect(nextRetryAt(s)).toBeNull();
  });

  it("back online (or before handing in) every unsaved answer is due at once", () => {
    let s = choose(start(), 2, ["y"]);
    s = replied(sending(s, 2, 1), 2, 1, "failed", T0);
    s = replied(sending(s, 2, 1), 2, 1, "failed", T0);
    expect(dueToSend(s, T0 + 10)).toEqual([]);
    expect(dueToSend(retryNow(s), T0 + 10)).toEqual([{ index: 2, version: 1, selected: ["y"] }]);
  });

  it("backoff doubles from 1 s and stops growing at 30 s", () => {
    const f = FIRST_RETRY_MS;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([
      f,
      2 * f,
      4 * f,
      8 * f,
      16 * f,
      ...[30, 30, 30].map(() => MAX_DELAY_MS),
    ]);
  });
});

describe("replies and newer choices", () => {
  it("a reply for an older choice never marks a newer one saved", () => {
    let s = sending(choose(start(), 1, ["x"]), 1, 1);
    s = choose(s, 1, ["z"]); // changed the answer while the first save was on its way
    s = replied(s, 1, 1, "saved", T0);
    expect(s.answers[1]).toMatchObject({ status: "unsaved", selected: ["z"] });
    expect(dueToSend(s, T0)).toEqual([{ index: 1, version: 2, selected: ["z"] }]);
  });

  it("409 'already submitted' or 'expired' ends the retrying for every answer", () => {
    let s = choose(choose(start(), 1, ["x"]), 2, ["y"]);
    s = replied(sending(s, 1, 1), 1, 1, classifyReply(409, { ok: false, error: "quiz.alreadySubmitted" }), T0);
    expect(s.ended).toBe("submitted");
    expect(dueToSend(s, T0 + 60_000)).toEqual([]);
    expect(dueToSend(retryNow(s), T0 + 60_000)).toEqual([]);
    expect(nextRetryAt(s)).toBeNull();
    expect(classifyReply(409, { ok: false, error: "quiz.expired" })).toBe("expired");
  });

  it("only a 2xx with ok counts as saved; any other answer is a failure to retry", () => {
    expect(classifyReply(200, { ok: true })).toBe("saved");
    expect(classifyReply(500, { ok: false, error: "errors.unexpected" })).toBe("failed");
    expect(classifyReply(502, {})).toBe("failed");
    expect(classifyReply(200, { ok: false, error: "errors.unexpected" })).toBe("failed");
  });
});

it("answers that came with the page count as answered; a cleared answer counts as unanswered", () => {
  let s = start();
  expect(counts(s)).toEqual({ answered: 1, unsaved: 0, unanswered: 2 });
  s = choose(s, 0, []);
  expect(questionMarks(s)).toEqual(["empty", "empty", "empty"]);
  expect(dueToSend(s, T0)).toEqual([{ index: 0, version: 1, selected: [] }]);
});
