import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";

import {
  choose,
  classifyReply,
  counts,
  dueToSend,
  initialSync,
  nextRetryAt,
  questionMarks,
  replied,
  retryNow,
  sending,
  type SaveReply,
  type SyncState,
} from "~/domain/quiz/answer-sync";

import { attemptApi, callAttemptApi } from "./attempt-api";

/**
 * Saves each answer the moment it changes (a JSON call answered before Remix, ADR 0010) and keeps
 * every answer's state: saved, saving or unsaved. Unsaved ones are sent again with backoff, and at
 * once when the browser is back online, until saved or the attempt has ended (the rules live in
 * ~/domain/quiz/answer-sync).
 */
export function useAnswerSync(attemptId: string, questions: ReadonlyArray<{ position: number; selected: string[] }>) {
  const navigate = useNavigate();
  const [state, setState] = useState<SyncState>(() => initialSync(questions.map((q) => q.selected)));
  const current = useRef(state);
  const inFlight = useRef(new Map<number, Promise<void>>());
  const update = useCallback((next: (s: SyncState) => SyncState) => {
    current.current = next(current.current);
    setState(current.current);
  }, []);

  const send = useCallback(
    async (index: number, version: number, selected: string[]) => {
      let reply: SaveReply;
      try {
        const { status, body } = await callAttemptApi(attemptApi.answers(attemptId), {
          position: questions[index].position,
          option: selected,
        });
        if (body.redirect) {
          // Signed out meanwhile: the sign-in page brings the person back; the answer stays unsaved.
          reply = "failed";
          navigate(body.redirect);
        } else reply = classifyReply(status, body);
      } catch {
        reply = "failed";
      }
      update((s) => replied(s, index, version, reply, Date.now()));
      if (reply === "submitted" || reply === "expired") navigate(`/quiz/attempts/${attemptId}/result`);
    },
    [attemptId, questions, navigate, update],
  );

  // Sends what is due; a question already on its way waits for its reply.
  const pump = useCallback(() => {
    for (const due of dueToSend(current.current, Date.now())) {
      if (inFlight.current.has(due.index)) continue;
      update((s) => sending(s, due.index, due.version));
      const done = send(due.index, due.version, due.selected).finally(() => {
        inFlight.current.delete(due.index);
        pump();
      });
      inFlight.current.set(due.index, done);
    }
  }, [send, update]);

  // The next retry, re-planned whenever the state changes.
  const retryAt = nextRetryAt(state);
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setTimeout(pump, Math.max(0, retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [retryAt, pump]);

  useEffect(() => {
    const online = () => {
      update(retryNow);
      pump();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [pump, update]);

  const select = (index: number, selected: string[]) => {
    update((s) => choose(s, index, selected));
    pump();
  };

  /** Before handing in: every unsaved answer is sent once more; resolves when no request is on its way. */
  const flush = async () => {
    update(retryNow);
    pump();
    while (inFlight.current.size > 0) await Promise.allSettled([...inFlight.current.values()]);
    return counts(current.current);
  };

  return { state, marks: questionMarks(state), counts: counts(state), select, flush };
}
