import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useTextDefault } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { publishRuleVersion, RuleVersionSchema } from "~/domain/quiz/publish-rule-version.server";
import { getRule } from "~/domain/quiz/rule-queries.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const RuleParams = z.object({ ruleId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ruleId } = getParams(params, RuleParams);
  await requirePermission(request, "manage:quiz");
  const rule = await getRule(ruleId);
  invariantResponse(rule, "Not found", { status: 404 });
  return { rule };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ruleId } = getParams(params, RuleParams);
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseForm(RuleVersionSchema, await request.formData());
  if (!form.ok) return invalid(form);
  // A version published meanwhile is errors.conflict (409); the flash says how many were given a re-quiz.
  return respond(await publishRuleVersion(actor, ruleId, form.data), {
    form,
    redirectTo: `/quiz/rules/${ruleId}`,
    flash: (done) => messageKey("quiz.rules.published", { count: done.affected }),
  });
}

export default function RuleEditPage() {
  const { t } = useTranslation();
  // Keeps what was typed before the scripts loaded (React would put the default back).
  const textDefault = useTextDefault();
  const { rule } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? {};
  const format = useFormat();
  const current = rule.versions[0];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/rules" className="btn-link">
        ← {t("quiz.rules.title")}
      </Link>
      <h1 className="page-title">
        {rule.id} · {current.titleZh}
      </h1>
      <FormAlert message={errors._form} />
      <Form method="post" className="card space-y-4 p-5">
        <p className="text-sm text-slate-600">{t("quiz.rules.newVersionHint", { version: rule.currentVersion + 1 })}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("quiz.rules.fields.titleZh")} name="titleZh" error={errors.titleZh}>
            <input id="titleZh" name="titleZh" className="input" defaultValue={current.titleZh} />
          </Field>
          <Field label={t("quiz.rules.fields.titleEn")} name="titleEn" error={errors.titleEn}>
            <input id="titleEn" name="titleEn" className="input" defaultValue={current.titleEn} />
          </Field>
        </div>
        <Field
          label={t("quiz.rules.fields.textZh")}
          name="textZh"
          error={errors.textZh}
          hint={t("quiz.rules.companyHint")}
        >
          <textarea id="textZh" name="textZh" rows={4} className="input" {...textDefault(current.textZh)} />
        </Field>
        <Field label={t("quiz.rules.fields.textEn")} name="textEn" error={errors.textEn}>
          <textarea id="textEn" name="textEn" rows={4} className="input" {...textDefault(current.textEn)} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="redLine" defaultChecked={current.redLine} className="h-4 w-4" />{" "}
          {t("quiz.rules.fields.redLine")}
        </label>
        <Field label={t("quiz.rules.fields.changeNote")} name="changeNote" error={errors.changeNote}>
          <input id="changeNote" name="changeNote" className="input" />
        </Field>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary">
            {t("quiz.rules.publish")}
          </button>
        </div>
      </Form>
      <section className="card">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t("quiz.rules.history")}</h2>
        <ol className="divide-y divide-slate-100">
          {rule.versions.map((v) => (
            <li key={v.version} className="px-4 py-3 text-sm">
              <p className="font-medium">
                {t("quiz.rules.version", { version: v.version })} · {format.dateTime(v.effectiveAt)}
                {v.redLine ? ` · ${t("quiz.redLine")}` : ""}
              </p>
              <p className="mt-1 text-slate-700">{v.textZh}</p>
              {v.changeNote ? (
                <p className="mt-1 text-xs text-slate-500">
                  {t("quiz.my.changeNote")}: {v.changeNote}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
