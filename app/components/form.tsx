import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

import { fieldErrors, formValues, translateMessage, type FieldErrors } from "~/utils/validation";

type Values = Record<string, string | string[] | undefined>;

/**
 * One form, two paths: without JavaScript the browser posts it and the action's zod schema answers;
 * with JavaScript react-hook-form checks the same schema first and then submits the same FormData.
 *
 * Default values are rendered into the HTML (defaultValue / defaultChecked) and react-hook-form reads
 * the fields from the page when it starts: what someone typed before the scripts loaded is kept (see
 * useTextDefault), and the form is filled in even when JavaScript never runs.
 */
export function useSchemaForm<S extends z.ZodType>(
  schema: S,
  options: { defaultValues?: Values; serverErrors?: FieldErrors | null },
) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const textDefault = useTextDefault();
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    mode: "onTouched",
    // Fields that leave the page (e.g. a form re-keyed for another record) forget their values.
    shouldUnregister: true,
  });
  const defaults = options.defaultValues ?? {};
  const serverErrors = options.serverErrors;
  useEffect(() => {
    if (!serverErrors) return;
    for (const [name, message] of Object.entries(serverErrors)) form.setError(name, { type: "server", message });
  }, [serverErrors, form]);

  /** A text field, textarea or select. */
  const register = (name: string) => {
    const value = defaults[name];
    return { ...form.register(name), ...textDefault(typeof value === "string" ? value : undefined) };
  };
  /**
   * One checkbox or radio button of a field, left to the browser (react-hook-form mis-tracks
   * checkbox groups whose first box starts checked); the whole form is checked on submit anyway.
   */
  const choice = (name: string, value: string) => {
    const current = defaults[name];
    const checked = Array.isArray(current) ? current.includes(value) : current === value;
    return { name, value, defaultChecked: checked };
  };

  // On submit the schema checks exactly the FormData that will be posted, as the action will.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    event.preventDefault();
    const result = schema.safeParse(formValues(new FormData(formElement, submitter)));
    if (!result.success) {
      form.clearErrors();
      const errors = fieldErrors(result.error);
      for (const [name, message] of Object.entries(errors)) form.setError(name, { type: "client", message });
      formElement.querySelector<HTMLElement>(`[name="${CSS.escape(Object.keys(errors)[0] ?? "")}"]`)?.focus();
      return;
    }
    submit(submitter ?? formElement, { method: "post", encType: formElement.enctype as never });
  };
  const errorOf = (name: string): string | undefined => {
    const err = form.formState.errors[name];
    return (typeof err?.message === "string" ? err.message : undefined) ?? serverErrors?.[name];
  };
  /** A labelled text input; the label is `t(labelPrefix + name)`. */
  const input = (labelPrefix: string, name: string, extra: Record<string, string> = {}) => (
    <Field label={t(`${labelPrefix}${name}`)} name={name} error={errorOf(name)}>
      <input id={name} className="input" aria-invalid={Boolean(errorOf(name))} {...extra} {...register(name)} />
    </Field>
  );
  /** A labelled select of fixed options, each shown as `t(optionPrefix + option)`. */
  const select = (labelPrefix: string, name: string, options: readonly string[], optionPrefix: string) => (
    <Field label={t(`${labelPrefix}${name}`)} name={name} error={errorOf(name)}>
      <select id={name} className="input" {...register(name)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${optionPrefix}${o}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  return { register, choice, onSubmit, errorOf, form, input, select };
}

const neverChanges = () => () => {};

/**
 * The defaultValue of a text field, textarea or select, without losing what someone typed before the
 * page's scripts loaded. When React hydrates the server's HTML it puts a textarea's text back to its
 * default (inputs and selects keep what was typed), so while hydrating the prop is left out: the
 * server's HTML already holds the default. The render right after hydration adds it back, and then
 * React only updates the default, not what was typed. Checkboxes and radios need no such care.
 */
export function useTextDefault() {
  const phase = useSyncExternalStore(
    neverChanges,
    () => "client",
    () => (typeof document === "undefined" ? "server" : "hydrating"),
  );
  return (value: string | undefined) => (phase === "hydrating" ? {} : { defaultValue: value });
}

export type ChoiceProps = (name: string, value: string) => ReturnType<ReturnType<typeof useSchemaForm>["choice"]>;

export function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {children}
      {/* A line is always kept for the hint or the message: a message appearing when the field loses
          focus must not push down what is below it, or a click already under way there (a month's
          checkbox) lands beside its target and is lost. */}
      <p
        id={error ? `${name}-error` : undefined}
        role={error ? "alert" : undefined}
        className={`mt-1 min-h-4 text-xs ${error ? "text-red-600" : "text-slate-500"}`}
      >
        {error ? translateMessage(t, error) : (hint ?? "")}
      </p>
    </div>
  );
}

export function FormAlert({
  message,
  tone = "error",
}: {
  message?: string | null;
  tone?: "error" | "success" | "info";
}) {
  const { t } = useTranslation();
  if (!message) return null;
  const styles = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {translateMessage(t, message)}
    </div>
  );
}
