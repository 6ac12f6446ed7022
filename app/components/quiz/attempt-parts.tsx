import { useRevalidator } from "@remix-run/react";
import { useEffect, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";

import type { QuestionMark } from "~/domain/quiz/answer-sync";

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

/** Jump to any question; plain links to ?q=N without JavaScript. An answer not yet saved is marked, not filled. */
export function QuestionDots({
  marks,
  current,
  onPick,
}: {
  marks: QuestionMark[];
  current: number;
  onPick: (index: number) => (event: MouseEvent) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("quiz.take.allQuestions")} className="card p-3">
      <ol className="grid grid-cols-6 gap-2 sm:grid-cols-8">
        {marks.map((mark, i) => (
          <li key={i}>
            <a
              href={`?q=${i + 1}`}
              onClick={onPick(i)}
              aria-current={i === current ? "step" : undefined}
              className={[
                "relative flex h-11 items-center justify-center rounded-md border text-sm font-medium",
                i === current ? "border-brand-600 ring-2 ring-brand-500" : "border-slate-200",
                mark === "answered"
                  ? "bg-brand-600 text-white"
                  : mark === "unsaved"
                    ? "border-dashed border-amber-500 bg-amber-50 text-amber-900"
                    : "bg-white text-slate-700",
              ].join(" ")}
            >
              {i + 1}
              {mark === "unsaved" ? (
                <>
                  <span aria-hidden="true" className="absolute right-0.5 top-0 text-xs font-bold text-amber-600">
                    !
                  </span>
                  <span className="sr-only">{t("quiz.take.save.unsavedMark")}</span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
