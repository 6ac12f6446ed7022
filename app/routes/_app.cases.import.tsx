import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import {
  CASE_FIELDS,
  CASE_HEADERS,
  MAX_CASE_ROWS,
  REQUIRED_CASE_FIELDS,
  type CaseImportError,
} from "~/domain/cases/case-import-rules";
import { caseImportDepartments } from "~/domain/cases/case-queries.server";
import { CaseImportSchema } from "~/domain/cases/cases.schema";
import { importCaseBatch } from "~/domain/cases/import-cases.server";
import { MAX_FILE_BYTES } from "~/domain/people/people-file.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { scopeFor } from "~/utils/permissions";
import { requireActor } from "~/utils/route.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { messageKey, parseForm, translateMessage, type FieldErrors, type FormValues } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const MAX_SHOWN = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "import:case");
  const scope = await departmentIdsInScope(auth);
  const departments = await caseImportDepartments(scope);
  const readScope = scopeFor(auth.user.roles, "read:case");
  // A head imports into their own department: it is chosen already. Scope "any" chooses on purpose.
  return {
    departments,
    preselected: scope ? (departments[0]?.id ?? "") : "",
    maxRows: MAX_CASE_ROWS,
    canListCases: readScope === "department" || readScope === "any",
  };
}

// An import is refused with its list of row problems, not one message: answered with data(), not respond().
type ActionAnswer = { errors: CaseImportError[]; fieldErrors: FieldErrors | null; values: FormValues | null };

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireActor(request, "import:case");
  const answer = (body: Partial<ActionAnswer>, status: number) =>
    data<ActionAnswer>({ errors: [], fieldErrors: null, values: null, ...body }, { status });
  const fileError = (message: string) => [{ row: 0, column: "", message }];
  const upload = await readMultipart(request, { maxFileBytes: MAX_FILE_BYTES });
  if (!upload.ok)
    return answer(
      {
        errors: fileError(
          upload.reason === "tooLarge"
            ? messageKey("peopleImport.fileTooLarge", { max: MAX_FILE_BYTES / 1_000_000 })
            : "peopleImport.uploadFailed",
        ),
      },
      400,
    );
  const parsed = parseForm(CaseImportSchema, upload.form);
  if (!parsed.ok) return answer({ fieldErrors: parsed.errors, values: parsed.values }, 400);
  const file = await uploadedFile(upload.form);
  if (!file) return answer({ errors: fileError("peopleImport.noFile"), values: parsed.values }, 400);
  // The department must be a collection department inside the person's scope: checked (and a refusal audited) in the
  // domain.
  const outcome = await importCaseBatch(auth.actor, await departmentIdsInScope(auth), parsed.data.departmentId, file);
  if (!outcome.ok) return answer({ errors: outcome.errors, values: parsed.values }, outcome.refused ? 403 : 400);
  return redirectWithFlash("/cases/import", messageKey("cases.import.success", { count: outcome.created }));
}

export default function CaseImportPage() {
  const { t } = useTranslation();
  const { departments, preselected, maxRows, canListCases } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useSchemaForm(CaseImportSchema, {
    defaultValues: actionData?.values ?? { departmentId: preselected },
    serverErrors: actionData?.fieldErrors,
  });
  const submitting = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? [];
  const rowErrors = errors.filter((e) => e.row > 0);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t("cases.import.title")}</h1>
        {canListCases ? (
          <Link className="btn-link" to="/cases?assigned=no">
            {t("cases.title")}
          </Link>
        ) : null}
      </div>
      {errors
        .filter((e) => e.row === 0)
        .map((e) => (
          <FormAlert key={e.message} message={e.message} />
        ))}
      {rowErrors.length ? (
        <section className="card border-red-200" role="alert">
          <p className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
            {t("cases.import.errorsTitle", { count: rowErrors.length })}
          </p>
          <div className="max-h-96 overflow-auto">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("cases.import.errorRow")}</th>
                  <th>{t("cases.import.errorColumn")}</th>
                  <th>{t("cases.import.errorMessage")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rowErrors.slice(0, MAX_SHOWN).map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}>
                    <td className="tabular-nums">{e.row === 1 ? t("cases.import.headerRow") : e.row}</td>
                    <td>{e.column || "—"}</td>
                    <td className="whitespace-normal">{translateMessage(t, e.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section className="card p-5">
        <p className="text-sm text-slate-600">{t("cases.import.intro")}</p>
        {departments.length === 0 ? (
          <div className="mt-4">
            <FormAlert tone="info" message="cases.import.noDepartments" />
          </div>
        ) : null}
        <Form
          method="post"
          encType="multipart/form-data"
          className="mt-4 grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-start"
          onSubmit={form.onSubmit}
        >
          <Field
            label={t("cases.import.department")}
            name="departmentId"
            error={form.errorOf("departmentId")}
            hint={preselected ? undefined : t("cases.import.departmentHint")}
          >
            <select
              id="departmentId"
              className="input"
              aria-invalid={Boolean(form.errorOf("departmentId"))}
              {...form.register("departmentId")}
            >
              {preselected ? null : <option value="">{t("cases.import.chooseDepartment")}</option>}
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <label className="label" htmlFor="file">
              {t("cases.import.fileLabel")}
            </label>
            <input
              id="file"
              name="file"
              type="file"
              required
              className="input"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          </div>
          <button type="submit" className="btn-primary sm:mt-6" disabled={submitting || departments.length === 0}>
            {submitting ? t("cases.import.submitting") : t("cases.import.submit")}
          </button>
        </Form>
        <p className="mt-1 text-xs text-slate-500">{t("cases.import.fileHint", { max: maxRows })}</p>
      </section>
      <section className="card overflow-x-auto p-5">
        <h2 className="mb-2 font-semibold">{t("cases.import.columnsTitle")}</h2>
        <table className="table">
          <tbody className="divide-y divide-slate-100">
            {CASE_FIELDS.map((f) => (
              <tr key={f}>
                <td className="font-medium">
                  {CASE_HEADERS[f]} <span className="font-mono text-xs text-slate-400">{f}</span>
                </td>
                <td>
                  <span
                    className={[
                      "badge",
                      REQUIRED_CASE_FIELDS.includes(f) ? "bg-amber-50 text-amber-700" : "bg-slate-100 text-slate-600",
                    ].join(" ")}
                  >
                    {t(REQUIRED_CASE_FIELDS.includes(f) ? "cases.import.required" : "cases.import.optional")}
                  </span>
                </td>
                <td className="whitespace-normal text-slate-600">{t(`cases.import.columns.${f}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
