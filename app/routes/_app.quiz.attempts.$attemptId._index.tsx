import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  redirect as clientRedirect,
  useLoaderData,
  useNavigate,
  useSearchParams,
  type ClientLoaderFunctionArgs,
} from "@remix-run/react";
import { useState, type FormEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { attemptApi, callAttemptApi } from "~/components/quiz/attempt-api";
import { AnswerOptions, Countdown, QuestionDots } from "~/components/quiz/attempt-parts";
import { useAnswerSync } from "~/components/quiz/use-answer-sync";
import { saveAnswer } from "~/domain/quiz/answer-question.server";
import { getAttemptForTaking, type AttemptForTaking } from "~/domain/quiz/attempt-queries.server";
import { submitOwnAttempt } from "~/domain/quiz/submit-attempt.server";
import { useLocalized } from "~/utils/localized";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const AttemptParams = z.object({ attemptId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attemptId } = getParams(params, AttemptParams);
  const { user } = await requireActor(request, "take:quiz");
  const view = await getAttemptForTaking(user.id, attemptId);
  invariantResponse(view.kind !== "notFound", "Not found", { status: 404 });
  if (view.kind === "submitted") throw redirect(`/quiz/attempts/${attemptId}/result`);
  return view;
}

type OpenAttempt = Extract<AttemptForTaking, { kind: "open" }>;

// In the browser the attempt comes from the JSON call (answered before Remix, ADR 0010): opening it
// from the quiz page costs one light request instead of the root, layout and page loaders.
export async function clientLoader({ params }: ClientLoaderFunctionArgs): Promise<OpenAttempt> {
  const { attemptId } = getParams(params, AttemptParams);
  const { status, body } = await callAttemptApi<{ kind?: "open" | "submitted"; resultUrl?: string }>(
    attemptApi.attempt(attemptId),
  );
  if (body.redirect) throw clientRedirect(body.redirect);
  invariantResponse(status !== 404, "Not found", { status: 404 });
  invariantResponse(status === 200, "Error", { status });
  if (body.kind === "submitted") throw clientRedirect(body.resultUrl ?? `/quiz/attempts/${attemptId}/result`);
  return body as unknown as OpenAttempt;
}

// Every button posts the answer on screen (`position`, `option`s) with its `intent`.
const Answer = {
  position: z.coerce.number().int().min(0).max(500).optional(),
  option: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)).max(20)),
};
const AttemptIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("prev"), ...Answer }),
  z.object({ intent: z.literal("next"), ...Answer }),
  z.object({ intent: z.literal("save"), ...Answer }),
  z.object({ intent: z.literal("submit"), ...Answer }),
]);

// Without JavaScript every button posts the current answer here first; with it, answers are already
// saved on change (useAnswerSaver) and the page moves between questions without asking the server.
export async function action({ request, params }: ActionFunctionArgs) {
  const { attemptId } = getParams(params, AttemptParams);
  const { actor } = await requireActor(request, "take:quiz");
  const form = parseIntent(await request.formData(), AttemptIntent);
  if (!form.ok) return invalid(form);
  const { intent, position, option } = form.data;
  const resultUrl = `/quiz/attempts/${attemptId}/result`;
  if (position !== undefined && option.length > 0) {
    const saved = await saveAnswer(actor.id, attemptId, position, option);
    // Handed in already, or out of time: the result says so.
    if (!saved.ok && (saved.error === "quiz.alreadySubmitted" || saved.error === "quiz.expired"))
      return redirect(resultUrl);
    if (!saved.ok) return respond(saved, { form, redirectTo: resultUrl });
  }
  switch (intent) {
    case "submit":
      return respond(await submitOwnAttempt(actor, attemptId), { form, redirectTo: resultUrl });
    case "prev":
    case "next":
    case "save": {
      const step = intent === "prev" ? 0 : intent === "next" ? 2 : 1;
      return redirect(`/quiz/attempts/${attemptId}?q=${Math.max(1, (position ?? 0) + step)}`);
    }
  }
}

export default function AttemptPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { attempt, questions } = useLoaderData<typeof clientLoader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [index, setIndex] = useState(() =>
    Math.min(Math.max(Number(params.get("q") ?? 1) - 1 || 0, 0), questions.length - 1),
  );
  const question = questions[index];
  // Only answers the server has count as answered; the others are retried (~/domain/quiz/answer-sync).
  const sync = useAnswerSync(attempt.id, questions);
  const entry = sync.state.answers[index];
  const onChange = (event: FormEvent<HTMLFormElement>) =>
    sync.select(index, new FormData(event.currentTarget).getAll("option").map(String));
  const last = index === questions.length - 1;
  // With JavaScript, moving is local (the URL follows for reloads); the buttons stay form posts without it.
  const go = (to: number) => (event: MouseEvent) => {
    event.preventDefault();
    setIndex(to);
    window.history.replaceState(window.history.state, "", `?q=${to + 1}`);
  };
  // With JavaScript the hand-in is a JSON call too; the result page is then opened like any page.
  const [submitting, setSubmitting] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const confirmSubmit = async (event: MouseEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setSubmitFailed(false);
    // Unsaved answers are sent once more first; what still is not saved is named before handing in.
    const { unsaved, unanswered } = await sync.flush();
    const warning =
      unsaved > 0
        ? t("quiz.take.confirmSubmitUnsaved", { count: unsaved })
        : unanswered > 0
          ? t("quiz.take.confirmSubmit", { count: unanswered })
          : null;
    if (warning && !window.confirm(warning)) return setSubmitting(false);
    try {
      const { body } = await callAttemptApi<{ resultUrl?: string }>(attemptApi.submit(attempt.id), {});
      navigate(body.redirect ?? body.resultUrl ?? `/quiz/attempts/${attempt.id}/result`);
    } catch {
      setSubmitting(false);
      setSubmitFailed(true);
    }
  };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header className="card sticky top-[3.25rem] z-[5] flex items-center gap-3 p-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">
            {localized(attempt.title, attempt.titleEn)}
            {attempt.mode === "REQUIZ" ? ` · ${t("quiz.requiz")}` : ""}
          </p>
          <p className="text-xs text-slate-500">
            {t("quiz.take.progress", { n: index + 1, total: questions.length })} ·{" "}
            {t("quiz.take.answeredCount", { count: sync.counts.answered })}
            {sync.counts.unsaved > 0 ? (
              <span className="font-medium text-amber-700">
                {" "}
                · {t("quiz.take.unsavedCount", { count: sync.counts.unsaved })}
              </span>
            ) : null}
          </p>
        </div>
        <Countdown seconds={attempt.secondsLeft} />
      </header>
      <div className="h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full bg-brand-600" style={{ width: `${((index + 1) * 100) / questions.length}%` }} />
      </div>

      <Form method="post" replace className="card space-y-4 p-4 sm:p-6" onChange={onChange} key={question.position}>
        <input type="hidden" name="position" value={question.position} />
        <p className="text-xs font-medium uppercase tracking-wide text-brand-700">
          {t(`quiz.kinds.${question.kind}`)}
          {question.multiple ? ` · ${t("quiz.take.chooseAll")}` : ""}
        </p>
        <h1 className="text-lg font-semibold leading-relaxed text-slate-900">{question.stem}</h1>
        <AnswerOptions options={question.options} multiple={question.multiple} selected={entry.selected} />
        <p className="min-h-5 text-xs text-slate-500" role="status" aria-live="polite">
          {entry.version === 0 ? "" : t(`quiz.take.save.${entry.status}`)}
        </p>
        {sync.counts.unsaved > 0 ? (
          <FormAlert message={messageKey("quiz.take.save.unsavedHint", { count: sync.counts.unsaved })} />
        ) : null}
        {submitFailed ? <FormAlert message="quiz.take.submitFailed" /> : null}
        <div className="grid grid-cols-2 gap-3">
          <button
            type="submit"
            name="intent"
            value="prev"
            className="btn-secondary py-3 text-base"
            disabled={index === 0}
            onClick={go(index - 1)}
          >
            {t("quiz.take.prev")}
          </button>
          {last ? (
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn-primary py-3 text-base"
              onClick={confirmSubmit}
              disabled={submitting}
            >
              {t("quiz.take.submit")}
            </button>
          ) : (
            <button
              type="submit"
              name="intent"
              value="next"
              className="btn-primary py-3 text-base"
              onClick={go(index + 1)}
            >
              {t("quiz.take.next")}
            </button>
          )}
        </div>
      </Form>

      <QuestionDots marks={sync.marks} current={index} onPick={(i) => go(i)} />
      {!last ? (
        <Form method="post" replace className="text-center">
          <button type="submit" name="intent" value="submit" className="btn-link" onClick={confirmSubmit}>
            {t("quiz.take.submitNow")}
          </button>
        </Form>
      ) : null}
      <p className="text-center text-xs text-slate-500">
        <Link to="/quiz" className="hover:underline">
          {t("quiz.take.leave")}
        </Link>
      </p>
    </div>
  );
}
