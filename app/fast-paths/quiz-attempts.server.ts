// Taking a quiz with JavaScript: the attempt page's JSON calls, answered before express and Remix
// (ADR 0010). The same use-cases serve the no-JavaScript forms through the Remix routes.
//   POST /api/quiz/attempts                 {quizId, mode}       start or resume → {ok, attemptId, resumed}
//   GET  /api/quiz/attempts/:id                                  the open attempt's questions (never the answers)
//   POST /api/quiz/attempts/:id/answers     {position, option[]} save one answer → {ok}
//   POST /api/quiz/attempts/:id/submit                           hand in → {ok, resultUrl}
import type { IncomingMessage, ServerResponse } from "node:http";

import { saveAnswer } from "~/domain/quiz/answer-question.server";
import { getAttemptForTaking } from "~/domain/quiz/attempt-queries.server";
import { AnswerSchema, StartAttemptSchema } from "~/domain/quiz/attempt.schema";
import { startAttempt } from "~/domain/quiz/start-attempt.server";
import { submitOwnAttempt } from "~/domain/quiz/submit-attempt.server";
import { authorizeApiCall, type CurrentUser } from "~/utils/auth.server";
import {
  BodyTooLarge,
  isCrossOriginWrite,
  readJsonBody,
  sendJson,
  type FastPath,
  type FastPathOptions,
} from "~/utils/fast-path.server";

const PATH = /^\/api\/quiz\/attempts(?:\/([A-Za-z0-9_-]{1,60})(?:\/(answers|submit))?)?\/?$/;
const ANSWER_STATUS: Record<string, number> = {
  "errors.notFound": 404,
  "quiz.alreadySubmitted": 409,
  "quiz.expired": 409,
  "quiz.invalidAnswer": 400,
};

type Call = { req: IncomingMessage; res: ServerResponse; user: CurrentUser; attemptId?: string };

async function start({ req, res, user }: Call) {
  const parsed = StartAttemptSchema.safeParse(await readJsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: "validation.invalid" });
  const outcome = await startAttempt(user, parsed.data.quizId, parsed.data.mode);
  if (!outcome.ok)
    return sendJson(res, outcome.error === "errors.notFound" ? 404 : 409, {
      ok: false,
      error: outcome.error,
      until: outcome.until?.toISOString() ?? null,
    });
  sendJson(res, outcome.resumed ? 200 : 201, outcome);
}

async function load({ res, user, attemptId }: Call) {
  const view = await getAttemptForTaking(user.id, attemptId!);
  if (view.kind === "notFound") return sendJson(res, 404, { ok: false, error: "errors.notFound" });
  sendJson(
    res,
    200,
    view.kind === "open" ? view : { kind: "submitted", resultUrl: `/quiz/attempts/${attemptId}/result` },
  );
}

async function answer({ req, res, user, attemptId }: Call) {
  const body = (await readJsonBody(req)) as { position?: unknown; option?: unknown } | undefined;
  const parsed = AnswerSchema.safeParse({ position: body?.position, option: body?.option });
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: "validation.invalid" });
  const outcome = await saveAnswer(user.id, attemptId!, parsed.data.position, parsed.data.option);
  sendJson(res, outcome.ok ? 200 : (ANSWER_STATUS[outcome.error] ?? 400), outcome);
}

async function submit({ res, user, attemptId }: Call) {
  const outcome = await submitOwnAttempt(user, attemptId!);
  if (!outcome.ok) return sendJson(res, 404, outcome);
  sendJson(res, 200, { ok: true, finalised: outcome.finalised, resultUrl: `/quiz/attempts/${attemptId}/result` });
}

export function quizAttemptsFastPath(options: FastPathOptions): FastPath {
  return (req, res) => {
    const url = req.url ?? "";
    const path = url.split("?", 1)[0];
    const match = PATH.exec(path);
    if (!match) return false;
    const [, attemptId, action] = match;
    const method = req.method ?? "GET";
    const handler = !attemptId
      ? method === "POST"
        ? start
        : null
      : !action
        ? method === "GET"
          ? load
          : null
        : method === "POST"
          ? action === "answers"
            ? answer
            : submit
          : null;
    if (!handler) {
      sendJson(res, 405, { ok: false, error: "errors.methodNotAllowed" });
      return true;
    }
    void (async () => {
      const secure = options.isSecure(req);
      if (isCrossOriginWrite(req, secure)) return sendJson(res, 403, { ok: false, error: "errors.crossOrigin" });
      // A refusal sends the browser back to the quiz (or the attempt) after signing in.
      const returnTo = attemptId ? `/quiz/attempts/${attemptId}` : "/quiz";
      const auth = await authorizeApiCall({ cookie: req.headers.cookie, secure, path, method, returnTo }, "take:quiz");
      if (!auth.ok) {
        const { status, ...refusal } = auth;
        return sendJson(res, status, refusal);
      }
      await handler({ req, res, user: auth.user, attemptId });
    })().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { ok: false, error: "validation.tooLarge" });
      if (error instanceof SyntaxError) return sendJson(res, 400, { ok: false, error: "validation.invalid" });
      console.error("[quiz api]", (error as Error)?.message ?? error);
      sendJson(res, 500, { ok: false, error: "errors.unexpected" });
    });
    return true;
  };
}
