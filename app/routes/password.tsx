import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { ChangePasswordSchema, PASSWORD_MIN } from "~/domain/auth/auth.schema";
import { changeOwnPassword } from "~/domain/auth/change-password.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf, invalid, respond } from "~/utils/route.server";
import { sessionCookieHeader } from "~/utils/session.server";
import { parseForm } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowPasswordChange: true });
  return { forced: user.mustChangePassword, name: user.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireUser(request, { allowPasswordChange: true }));
  const form = parseForm(ChangePasswordSchema, await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await changeOwnPassword(actor, form.data), {
    form,
    redirectTo: "/home",
    flash: "auth.passwordChanged",
    // Every other session ended with the change; this browser carries on in a new one.
    headers: async (done) => ({ "Set-Cookie": await sessionCookieHeader(request, done.token) }),
  });
}

export default function PasswordPage() {
  const { t } = useTranslation();
  const { forced, name } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useSchemaForm(ChangePasswordSchema, { serverErrors: actionData?.errors });
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 p-4 sm:items-center">
      <div className="card w-full max-w-md p-6">
        <h1 className="page-title">{t("auth.changePasswordTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {forced ? t("auth.mustChangePassword", { name }) : t("auth.changePasswordIntro")}
        </p>
        <Form method="post" className="mt-5 space-y-4" onSubmit={onSubmit} noValidate>
          <FormAlert message={actionData?.errors?._form} />
          {(["currentPassword", "newPassword", "confirmPassword"] as const).map((name) => (
            <Field
              key={name}
              label={t(`auth.${name}`)}
              name={name}
              error={errorOf(name)}
              hint={name === "newPassword" ? t("auth.passwordRule", { min: PASSWORD_MIN }) : undefined}
            >
              <input
                id={name}
                type="password"
                className="input"
                autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
                aria-invalid={Boolean(errorOf(name))}
                {...register(name)}
              />
            </Field>
          ))}
          <div className="flex items-center justify-between gap-3">
            {forced ? (
              <span />
            ) : (
              <a className="btn-link" href="/home">
                {t("common.cancel")}
              </a>
            )}
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {t("auth.savePassword")}
            </button>
          </div>
        </Form>
      </div>
    </main>
  );
}
