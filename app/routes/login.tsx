import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { LanguageSwitch } from "~/components/language-switch";
import { LoginSchema } from "~/domain/auth/auth.schema";
import { login, UNKNOWN_SOURCE } from "~/domain/auth/login.server";
import { useRootData } from "~/root";
import { getCurrentUser } from "~/utils/auth.server";
import { isDemoMode } from "~/utils/demo-mode.server";
import { useLocalized } from "~/utils/localized";
import { invalid, respond } from "~/utils/route.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readSessionToken, sessionCookieHeader } from "~/utils/session.server";
import { parseForm } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/home");
  if (!isDemoMode()) return { demo: null };
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../../prisma/seed/demo-accounts");
  return { demo: { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(LoginSchema, await request.formData());
  if (!form.ok) return invalid(form);
  // The address express saw (the client's behind TRUST_PROXY); absent only when a test calls this directly.
  const source = context?.clientAddress || UNKNOWN_SOURCE;
  const outcome = await login({ ...form.data, source, previousToken: await readSessionToken(request) });
  return respond(outcome, {
    form,
    redirectTo: (done) => (done.mustChangePassword ? "/password" : safeRedirect(form.data.redirectTo)),
    headers: async (done) => ({ "Set-Cookie": await sessionCookieHeader(request, done.token) }),
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const root = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useSchemaForm(LoginSchema, {
    defaultValues: { employeeNo: actionData?.values.employeeNo ?? "" },
    serverErrors: actionData?.errors,
  });
  const reason = params.get("reason");
  return (
    <main
      className={[
        "flex",
        "min-h-screen",
        "flex-col",
        "bg-gradient-to-br",
        "from-brand-900",
        "via-brand-800",
        "to-slate-900",
        "lg:flex-row",
      ].join(" ")}
    >
      <section className="flex flex-1 flex-col justify-between p-6 text-white lg:p-12">
        <div className="flex items-center justify-between">
          <p className="text-lg font-semibold tracking-wide">TrainGate</p>
          <LanguageSwitch tone="dark" />
        </div>
        <div className="my-8 lg:my-0">
          <h1 className="text-2xl font-bold lg:text-4xl">{t("common.productName")}</h1>
          <p className="mt-3 max-w-md text-sm text-brand-100 lg:text-base">
            {t("auth.tagline", { company: root?.settings.companyName })}
          </p>
        </div>
        <p className="hidden text-xs text-brand-200 lg:block">{root?.settings.companyName}</p>
      </section>
      <section
        className={[
          "flex",
          "flex-1",
          "items-start",
          "justify-center",
          "bg-slate-50",
          "p-4",
          "lg:items-center",
          "lg:rounded-l-3xl",
          "lg:p-12",
        ].join(" ")}
      >
        <div className="w-full max-w-sm space-y-5">
          <div className="card p-6">
            <h2 className="mb-4 text-lg font-semibold">{t("auth.signInTitle")}</h2>
            <Form method="post" className="space-y-4" onSubmit={onSubmit} noValidate>
              {reason === "expired" ? <FormAlert tone="info" message="auth.sessionEnded" /> : null}
              <FormAlert message={actionData?.errors._form} />
              <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
              <Field label={t("auth.employeeNo")} name="employeeNo" error={errorOf("employeeNo")}>
                <input
                  id="employeeNo"
                  className="input"
                  autoComplete="username"
                  autoCapitalize="characters"
                  aria-invalid={Boolean(errorOf("employeeNo"))}
                  {...register("employeeNo")}
                />
              </Field>
              <Field label={t("auth.password")} name="password" error={errorOf("password")}>
                <input
                  id="password"
                  type="password"
                  className="input"
                  autoComplete="current-password"
                  aria-invalid={Boolean(errorOf("password"))}
                  {...register("password")}
                />
              </Field>
              <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
                {navigation.state === "submitting" ? t("auth.signingIn") : t("auth.signIn")}
              </button>
              <p className="text-xs text-slate-500">{t("auth.lockHint")}</p>
            </Form>
          </div>
          {demo ? (
            <div className="card p-4 text-sm">
              <p className="font-medium">{t("auth.demoTitle")}</p>
              <p className="mt-1 text-slate-600">
                {t("auth.demoPassword")} <code className="rounded bg-slate-100 px-1 font-mono">{demo.password}</code>
              </p>
              <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
                {demo.accounts.map((a) => (
                  <li key={a.employeeNo}>
                    <span className="font-mono text-slate-900">{a.employeeNo}</span> {localized(a.zh, a.en)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </section>
    </main>
  );
}
