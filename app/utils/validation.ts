import { z } from "zod";

// Messages carry a catalog key and, after "::", JSON parameters; the page translates them.
export function messageKey(key: string, params?: Record<string, unknown>): string {
  return params ? `${key}::${JSON.stringify(params)}` : key;
}

export function parseMessage(message: string): { key: string; params?: Record<string, unknown> } {
  const at = message.indexOf("::");
  if (at < 0) return { key: message };
  try {
    return { key: message.slice(0, at), params: JSON.parse(message.slice(at + 2)) };
  } catch {
    return { key: message.slice(0, at) };
  }
}

export function translateMessage(
  t: (key: string, params?: Record<string, unknown>) => string,
  message: string | undefined,
): string | undefined {
  if (!message) return undefined;
  const { key, params } = parseMessage(message);
  return t(key, params);
}

// Built-in zod issues (those without a message of our own) get catalog keys too.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string")
          return Number(issue.minimum) <= 1
            ? "validation.required"
            : messageKey("validation.tooShort", { min: Number(issue.minimum) });
        if (issue.origin === "number") return messageKey("validation.tooSmall", { min: Number(issue.minimum) });
        return messageKey("validation.tooFew", { min: Number(issue.minimum) });
      case "too_big":
        if (issue.origin === "string") return messageKey("validation.tooLong", { max: Number(issue.maximum) });
        if (issue.origin === "number") return messageKey("validation.tooBig", { max: Number(issue.maximum) });
        return messageKey("validation.tooMany", { max: Number(issue.maximum) });
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? "validation.required"
          : "validation.invalid";
      case "invalid_format":
        return issue.format === "email" ? "validation.email" : "validation.invalid";
      case "invalid_value":
        // A choice left empty ("请选择") is a required field not filled in, not a wrong choice.
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? "validation.required"
          : "validation.invalidChoice";
      default:
        return "validation.invalid";
    }
  },
});

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    out[path] ??= issue.message;
  }
  return out;
}

export type FormValues = Record<string, string | string[]>;

/** Plain object of the submitted form's string values, for parsing and for refilling the form. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

export type ParseResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParseResult<z.output<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrors(result.error), values };
}

export type Submission<T> =
  | { ok: true; intent: string; data: T; values: FormValues }
  | { ok: false; intent: string | null; errors: FieldErrors; values: FormValues };

/**
 * A page with several forms: each posts an `intent`, and ONE zod discriminated union on it parses
 * them all (`switch (form.data.intent)` then dispatches). The intent sent is known even when the form
 * is refused, so the page shows the errors under the form that was sent; an unknown intent is a
 * form-level error.
 */
export function parseIntent<S extends z.ZodType<{ intent: string }>>(
  formData: FormData,
  schema: S,
): Submission<z.output<S>> {
  const parsed = parseForm(schema, formData);
  if (parsed.ok) return { ...parsed, intent: parsed.data.intent };
  const sent = formData.get("intent");
  const { intent: intentError, ...errors } = parsed.errors;
  return {
    ...parsed,
    intent: typeof sent === "string" ? sent : null,
    errors: intentError ? { _form: intentError, ...errors } : errors,
  };
}

/** Optional text field: empty input means "not given". */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max).optional(),
  );
