import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { importQuestions, MAX_QUESTION_FILE_BYTES } from "~/domain/quiz/import-questions.server";
import { ruleOptions } from "~/domain/quiz/question-queries.server";
import { XLSX_HEADERS } from "~/domain/quiz/question-xlsx.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useLocalized } from "~/utils/localized";
import { requireActor } from "~/utils/route.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { messageKey, translateMessage } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  return { rules: await ruleOptions(), headers: XLSX_HEADERS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:quiz");
  const empty = { errors: [], unsupported: [], notes: [] };
  const upload = await readMultipart(request, { maxFileBytes: MAX_QUESTION_FILE_BYTES });
  if (!upload.ok)
    return data(
      {
        ok: false as const,
        error: upload.reason === "tooLarge" ? "quiz.import.errors.tooLarge" : "quiz.import.errors.noFile",
        ...empty,
      },
      { status: 400 },
    );
  const form = upload.form;
  const file = await uploadedFile(form);
  if (!file) return data({ ok: false as const, error: "quiz.import.errors.noFile", ...empty }, { status: 400 });
  const outcome = await importQuestions(actor, file, {
    defaultRuleId: String(form.get("defaultRuleId") ?? "") || null,
    skipUnsupported: form.get("skipUnsupported") === "on",
  });
  if (!outcome.ok) return data(outcome, { status: 400 });
  // Show what was left out once more; otherwise redirect so a reload cannot import twice.
  if (outcome.unsupported.length || outcome.notes.length) return outcome;
  // New questions wait for review: the list of what is waiting is where the reviewer goes next.
  return redirectWithFlash(
    outcome.created ? "/quiz/questions?review=pending" : "/quiz/questions/import",
    messageKey("quiz.import.done", { created: outcome.created, updated: outcome.updated }),
  );
}

export default function QuestionImportPage() {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const { rules, headers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // A clean import redirects with a flash; one that left something out is shown here with its count.
  const done = result?.ok ? result : null;
  // A field the checks name (kind, stem, ruleIds …) in the reader's language; an .xlsx column as the file names it.
  const fieldLabel = (field: string) => {
    const key = `quiz.questions.fields.${field === "ruleIds" ? "rules" : field}`;
    return i18n.exists(key) ? t(key) : field;
  };
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">
        ← {t("quiz.questions.title")}
      </Link>
      <h1 className="page-title">{t("quiz.import.title")}</h1>
      {done ? (
        <FormAlert
          tone="success"
          message={messageKey("quiz.import.done", { created: done.created, updated: done.updated })}
        />
      ) : null}
      {result && !result.ok && result.error ? <FormAlert message={result.error} /> : null}
      {result && !result.ok && result.errors.length ? (
        <section className="card border-red-200" role="alert">
          <p className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
            {t("quiz.import.errorsTitle", { count: result.errors.length })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t("quiz.import.where")}</th>
                <th>{t("quiz.import.field")}</th>
                <th>{t("quiz.import.problem")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.errors.slice(0, 500).map((e, i) => (
                <tr key={i}>
                  <td>{e.where}</td>
                  <td>{fieldLabel(e.field)}</td>
                  <td className="whitespace-normal">{translateMessage(t, e.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {result && (result.unsupported.length > 0 || result.notes.length > 0) ? (
        <section className="card border-amber-200" role="status">
          <p className="border-b border-amber-200 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900">
            {result.ok
              ? t("quiz.import.skippedTitle", { count: result.unsupported.length })
              : "needsConfirmation" in result && result.needsConfirmation
                ? t("quiz.import.confirmTitle", { count: result.unsupported.length })
                : t("quiz.import.unsupportedTitle", { count: result.unsupported.length })}
          </p>
          <ul className="divide-y divide-slate-100 text-sm">
            {result.unsupported.map((u, i) => (
              <li key={`u${i}`} className="px-4 py-2">
                <span className="font-medium">{u.where}</span> — {translateMessage(t, u.message)}
              </li>
            ))}
            {result.notes.map((u, i) => (
              <li key={`n${i}`} className="px-4 py-2 text-slate-600">
                <span className="font-medium">{u.where}</span> — {translateMessage(t, u.message)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card space-y-4 p-5">
        <p className="text-sm text-slate-600">{t("quiz.import.intro")}</p>
        <div>
          <label className="label" htmlFor="file">
            {t("quiz.import.file")}
          </label>
          <input id="file" name="file" type="file" required accept=".xlsx,.xml,.gift,.txt" className="input" />
        </div>
        <div>
          <label className="label" htmlFor="defaultRuleId">
            {t("quiz.import.defaultRule")}
          </label>
          <select id="defaultRuleId" name="defaultRuleId" className="input">
            <option value="">{t("quiz.import.noDefaultRule")}</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} {localized(r.titleZh, r.titleEn)}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{t("quiz.import.defaultRuleHint")}</p>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="skipUnsupported" className="mt-0.5 h-4 w-4" /> {t("quiz.import.skipUnsupported")}
        </label>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("quiz.import.submit")}
          </button>
        </div>
      </Form>
      <section className="card p-5 text-sm text-slate-600">
        <h2 className="font-semibold text-slate-800">{t("quiz.import.formatsTitle")}</h2>
        <p className="mt-2">{t("quiz.import.xlsxHelp")}</p>
        <p className="mt-1 font-mono text-xs">{headers.join(" | ")}</p>
        <p className="mt-2">{t("quiz.import.moodleHelp")}</p>
        <p className="mt-2">{t("quiz.import.giftHelp")}</p>
      </section>
    </div>
  );
}
