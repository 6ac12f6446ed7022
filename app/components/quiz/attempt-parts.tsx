import { useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";

import { attemptApi, callAttemptApi } from "./attempt-api";

type SaveState = "idle" | "saving" | "saved" | "failed";

/**
 * Saves the answer the moment it changes: a JSON call answered before Remix (ADR 0010), so no
 * loader revalidates on every tap. Saves go one after another, so the server keeps the newest.
 */
export function useAnswerSaver(attemptId: string, position: number, onSelect: (selected: string[]) => void) {
  const navigate = useNavigate();
  const [state, setState] = useState<SaveState>("idle");
  const seq = useRef(0);
  useEffect(() => setState("idle"), [position]);

  // The chain of saves; handing in waits for it, so the last tap is never lost.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const save = async (chosen: string[], mine: number) => {
    try {
      const { body: result } = await callAttemptApi(attemptApi.answers(attemptId), { position, option: chosen });
      if (mine !== seq.current) return;
      if (result.ok) return setState("saved");
      if (result.redirect) return navigate(result.redirect);
      if (result.error === "quiz.expired" || result.error === "quiz.alreadySubmitted")
        return navigate(`/quiz/attempts/${attemptId}/result`);
      setState("failed");
    } catch {
      if (mine === seq.current) setState("failed");
    }
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const chosen = new FormData(event.currentTarget).getAll("option").map(String);
    onSelect(chosen);
    const mine = ++seq.current;
    setState("saving");
    queue.current = queue.current.then(() => save(chosen, mine));
  };
  const settled = () => queue.current;
  return { state, onChange, settled, fail: () => setState("failed") };
}

export function AnswerOptions({
  options,
  multiple,
  selected,
}: {
  options: Array<{ id: string; text: string }>;
  multiple: boolean;
  selected: string[];
}) {
  return (
    <fieldset className="space-y-3">
      {options.map((o, i) => (
        <label
          key={o.id}
          className={[
            "flex",
            "min-h-14",
            "cursor-pointer",
            "items-start",
            "gap-3",
            "rounded-lg",
            "border",
            "border-slate-300",
            "bg-white",
            "p-4",
            "text-base",
            "leading-relaxed",
            "transition",
            "hover:border-brand-400",
            "has-[:checked]:border-brand-600",
            "has-[:checked]:bg-brand-50",
            "has-[:focus-visible]:ring-2",
            "has-[:focus-visible]:ring-brand-500",
          ].join(" ")}
        >
          <input
            type={multiple ? "checkbox" : "radio"}
            name="option"
            value={o.id}
            defaultChecked={selected.includes(o.id)}
            className="mt-1 h-5 w-5 shrink-0 accent-brand-600"
          />
          <span>
            <span className="mr-1 font-medium text-slate-500">{String.fromCharCode(65 + i)}.</span>
            {o.text}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Shows the server's remaining time; at zero it reloads, and the server finalises the attempt. */
export function Countdown({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const started = Date.now();
    setLeft(seconds);
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        revalidator.revalidate();
      }
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seconds]);
  const mm = String(Math.floor(left / 60)).padStart(2, "0");
  const ss = String(left % 60).padStart(2, "0");
  return (
    <div
      className={[
        "rounded-md px-3 py-1.5 text-center font-mono text-lg tabular-nums",
        left < 120 ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-800",
      ].join(" ")}
      aria-label={t("quiz.take.timeLeft")}
    >
      <span className="sr-only">{t("quiz.take.timeLeft")} </span>
      {mm}:{ss}
    </div>
  );
}

/** Jump to any question; plain links to ?q=N without JavaScript. */
export function QuestionDots({
  answered,
  current,
  onPick,
}: {
  answered: boolean[];
  current: number;
  onPick: (index: number) => (event: MouseEvent) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("quiz.take.allQuestions")} className="card p-3">
      <ol className="grid grid-cols-6 gap-2 sm:grid-cols-8">
        {answered.map((done, i) => (
          <li key={i}>
            <a
              href={`?q=${i + 1}`}
              onClick={onPick(i)}
              aria-current={i === current ? "step" : undefined}
              className={[
                "flex h-11 items-center justify-center rounded-md border text-sm font-medium",
                i === current ? "border-brand-600 ring-2 ring-brand-500" : "border-slate-200",
                done ? "bg-brand-600 text-white" : "bg-white text-slate-700",
              ].join(" ")}
            >
              {i + 1}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
