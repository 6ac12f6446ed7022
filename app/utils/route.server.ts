// The plumbing every route shares (docs/conventions.md, "A route in ten lines"): who acts, and how a
// use-case's outcome becomes the answer.
import { data, redirect } from "@remix-run/node";

import { requirePermission, type Authorized, type CurrentUser } from "./auth.server";
import { redirectWithFlash, type FlashInput } from "./flash.server";
import type { Permission } from "./permissions";
import type { FieldErrors, FormValues } from "./validation";

/** The acting person as use-cases take it: who (for the audit entry) and what they may do. */
export type Actor = Pick<CurrentUser, "id" | "employeeNo" | "name" | "departmentId" | "roles" | "headOfDepartmentIds">;

export function actorOf(user: CurrentUser): Actor {
  return {
    id: user.id,
    employeeNo: user.employeeNo,
    name: user.name,
    departmentId: user.departmentId,
    roles: user.roles,
    headOfDepartmentIds: user.headOfDepartmentIds,
  };
}

/** requirePermission (a refusal is audited and answered with 403), and the acting person. */
export async function requireActor(request: Request, permission: Permission): Promise<Authorized & { actor: Actor }> {
  const auth = await requirePermission(request, permission);
  return { ...auth, actor: actorOf(auth.user) };
}

/**
 * What a refused form answers, whether its schema or the use-case refused it: errors by field
 * (`_form` above the form), what was typed (passwords left out), and which form it was.
 */
export type FormFailure = { intent: string | null; errors: FieldErrors; values: FormValues };

type SentForm = { intent?: string | null; values: FormValues };

const echo = (values: FormValues = {}): FormValues =>
  Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));

/** A form its schema refused (the failed result of parseIntent or parseForm): 400. */
export function invalid(form: SentForm & { errors: FieldErrors }) {
  return data<FormFailure>(
    { intent: form.intent ?? null, errors: form.errors, values: echo(form.values) },
    { status: 400 },
  );
}

/** A use-case's refusal: a message key, for one field or the whole form, and a status when it is not 400. */
export type Failure = { ok: false; error: string; field?: string; errors?: FieldErrors; status?: number };

/** The status of a refusal that names none: the two generic errors have theirs, the rest are bad input. */
export function failureStatus(failure: Failure): number {
  return (
    failure.status ?? (failure.error === "errors.notFound" ? 404 : failure.error === "errors.conflict" ? 409 : 400)
  );
}

type Done<O> = Extract<O, { ok: true }>;

/**
 * The one mapping of a use-case's outcome to an answer:
 * - done: a redirect to `redirectTo`, with `flash` (a message key) for the next page and `headers`;
 * - refused with 404: a thrown 404 (the route's ErrorBoundary, inside the layout);
 * - refused otherwise: `data(FormFailure, { status })` with the error under its field or `_form`.
 */
export async function respond<O extends { ok: true } | Failure>(
  outcome: O,
  on: {
    form?: SentForm;
    redirectTo: string | ((done: Done<O>) => string);
    flash?: FlashInput | ((done: Done<O>) => FlashInput);
    headers?: (done: Done<O>) => HeadersInit | Promise<HeadersInit>;
  },
) {
  const result = outcome as { ok: true } | Failure;
  if (!result.ok) {
    const status = failureStatus(result);
    if (status === 404) throw new Response("Not found", { status: 404 });
    const errors: FieldErrors = { ...result.errors };
    errors[result.field ?? "_form"] ??= result.error;
    return data<FormFailure>({ intent: on.form?.intent ?? null, errors, values: echo(on.form?.values) }, { status });
  }
  const done = outcome as Done<O>;
  const to = typeof on.redirectTo === "function" ? on.redirectTo(done) : on.redirectTo;
  const headers = on.headers ? await on.headers(done) : undefined;
  if (on.flash === undefined) return redirect(to, { headers });
  return redirectWithFlash(to, typeof on.flash === "function" ? on.flash(done) : on.flash, { headers });
}
