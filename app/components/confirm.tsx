// A confirmation before an act that cannot be undone, without JavaScript: the first button only unfolds a
// panel that says what will happen; the act is the submit inside it. Closing the panel (the same button
// again) is the way back.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";

const SUMMARY_STYLE = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  danger: "btn-danger",
  link: "text-sm font-medium text-red-600 hover:underline",
} as const;

export function ConfirmAction({
  label,
  question,
  consequences = [],
  warning,
  confirmLabel,
  fields = {},
  tone = "danger",
  trigger = "secondary",
  children,
  className = "",
  open = false,
  ownForm = true,
  floating = false,
}: {
  /** The folded button's text. */
  label: string;
  /** One sentence: what is about to happen. */
  question: string;
  /** What follows from it, one line each (who is told, what can no longer change). */
  consequences?: string[];
  /** Shown in red above the button: something that is probably a mistake (an empty form, people still owing). */
  warning?: string | null;
  confirmLabel: string;
  /** The hidden inputs the act posts (intent, ids, revision). */
  fields?: Record<string, string | number>;
  tone?: "danger" | "primary";
  trigger?: keyof typeof SUMMARY_STYLE;
  /** More inputs inside the panel, such as a required reason. */
  children?: ReactNode;
  className?: string;
  /** Unfolded from the start: the act was refused (a missing reason) and the panel shows why. */
  open?: boolean;
  /** False inside a form of its own (the fields to post are around it): the panel's button submits that form. */
  ownForm?: boolean;
  /** The panel opens over what is beside it instead of widening its place (a table's last cell). */
  floating?: boolean;
}) {
  const { t } = useTranslation();
  const body = (
    <>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={tone === "danger" ? "btn-danger" : "btn-primary"}>
          {confirmLabel}
        </button>
        <span className="text-xs text-slate-500">{t("common.confirm.cancelHint", { label })}</span>
      </div>
    </>
  );
  return (
    <details className={`group ${floating ? "relative" : ""} ${className}`} open={open || undefined}>
      <summary
        className={`${SUMMARY_STYLE[trigger]} cursor-pointer list-none select-none [&::-webkit-details-marker]:hidden`}
      >
        {label}
        <span aria-hidden className="ml-1 group-open:hidden">
          …
        </span>
      </summary>
      <div
        role="group"
        aria-label={question}
        className={[
          "mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-left text-sm text-slate-800",
          floating
            ? "absolute right-0 z-20 w-72 max-w-[calc(100vw-2rem)] whitespace-normal shadow-lg"
            : "w-full max-w-md sm:min-w-72",
        ].join(" ")}
      >
        <p className="font-medium">{question}</p>
        {consequences.length > 0 ? (
          <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
            {consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : null}
        {warning ? <p className="font-medium text-red-700">{warning}</p> : null}
        {ownForm ? (
          <Form method="post" className="space-y-2">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {body}
          </Form>
        ) : (
          <div className="space-y-2">{body}</div>
        )}
      </div>
    </details>
  );
}

/** A required reason inside a confirmation: told to those it concerns and kept in the audit log. */
export function ConfirmReason({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        required
        maxLength={500}
        rows={2}
        className="input"
        aria-invalid={Boolean(error)}
      />
      <FormAlert message={error} />
    </div>
  );
}

/** A delete that asks first: "Delete “name”? This cannot be undone." */
export function ConfirmDelete({
  label,
  name,
  fields,
  trigger = "link",
}: {
  label: string;
  /** What is deleted, as the person knows it (an item's title, a session's time). */
  name: string;
  fields: Record<string, string | number>;
  trigger?: "link" | "secondary";
}) {
  const { t } = useTranslation();
  return (
    <ConfirmAction
      label={label}
      trigger={trigger}
      question={t("common.confirm.deleteQuestion", { name })}
      consequences={[t("common.confirm.irreversible")]}
      confirmLabel={label}
      fields={fields}
      floating={trigger === "link"}
    />
  );
}
