import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form";
import { CASE_FIELDS, CASE_HEADERS, MAX_CASE_ROWS, REQUIRED_CASE_FIELDS, type CaseImportError } from "~/domain/cases/case-import-rules";
import { importCaseBatch } from "~/domain/cases/import-cases.server";
import { MAX_FILE_BYTES } from "~/domain/people/people-file.server";
import { db } from "~/utils/db.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { messageKey, translateMessage } from "~/utils/validation";

const MAX_SHOWN = 500;

async function departmentsFor(scope: string[] | null) {
  return db.department.findMany({ where: { kind: "DEPARTMENT", ...(scope ? { id: { in: scope } } : {}) }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "import:case");
  return { departments: await departmentsFor(await departmentIdsInScope(auth)), maxRows: MAX_CASE_ROWS };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "import:case");
  const fail = (message: string) => data({ errors: [{ row: 0, column: "", message }] as CaseImportError[] }, { status: 400 });
  const upload = await readMultipart(request, MAX_FILE_BYTES);
  if (!upload.ok) return fail(upload.reason === "tooLarge" ? messageKey("peopleImport.fileTooLarge", { max: MAX_FILE_BYTES / 1_000_000 }) : "peopleImport.uploadFailed");
  const form = upload.form;
  const departments = await departmentsFor(await departmentIdsInScope(auth));
  const departmentId = String(form.get("departmentId") ?? "");
  if (!departments.some((d) => d.id === departmentId)) return fail("validation.invalidChoice");
  const file = await uploadedFile(form);
  if (!file) return fail("peopleImport.noFile");
  const outcome = await importCaseBatch({ id: auth.user.id, employeeNo: auth.user.employeeNo }, departmentId, file);
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: 400 });
  return redirect(`/cases/import?created=${outcome.created}`);
}

export default function CaseImportPage() {
  const { t } = useTranslation();
  const { departments, maxRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? [];
  const rowErrors = errors.filter((e) => e.row > 0);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t("cases.import.title")}</h1>
        <Link className="btn-link" to="/cases?assigned=no">{t("cases.title")}</Link>
      </div>
      {params.get("created") && !actionData ? <FormAlert tone="success" message={messageKey("cases.import.success", { count: params.get("created") })} /> : null}
      {errors.filter((e) => e.row === 0).map((e) => <FormAlert key={e.message} message={e.message} />)}
      {rowErrors.length ? (
        <section className="card border-red-200" role="alert">
          <p className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800">{t("cases.import.errorsTitle", { count: rowErrors.length })}</p>
          <div className="max-h-96 overflow-auto">
            <table className="table">
              <thead><tr><th>{t("cases.import.errorRow")}</th><th>{t("cases.import.errorColumn")}</th><th>{t("cases.import.errorMessage")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {rowErrors.slice(0, MAX_SHOWN).map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}><td className="tabular-nums">{e.row === 1 ? t("cases.import.headerRow") : e.row}</td><td>{e.column || "—"}</td><td className="whitespace-normal">{translateMessage(t, e.message)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section className="card p-5">
        <p className="text-sm text-slate-600">{t("cases.import.intro")}</p>
        <Form method="post" encType="multipart/form-data" className="mt-4 grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
          <div>
            <label className="label" htmlFor="departmentId">{t("cases.import.department")}</label>
            <select id="departmentId" name="departmentId" className="input">
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="file">{t("cases.import.fileLabel")}</label>
            <input id="file" name="file" type="file" required className="input" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </div>
          <button type="submit" className="btn-primary" disabled={submitting}>{submitting ? t("cases.import.submitting") : t("cases.import.submit")}</button>
        </Form>
        <p className="mt-1 text-xs text-slate-500">{t("cases.import.fileHint")}</p>
      </section>
      <section className="card overflow-x-auto p-5">
        <h2 className="mb-2 font-semibold">{t("cases.import.columnsTitle")}</h2>
        <table className="table">
          <tbody className="divide-y divide-slate-100">
            {CASE_FIELDS.map((f) => (
              <tr key={f}>
                <td className="font-medium">{CASE_HEADERS[f]} <span className="font-mono text-xs text-slate-400">{f}</span></td>
                <td><span className={`badge ${REQUIRED_CASE_FIELDS.includes(f) ? "bg-amber-50 text-amber-700" : "bg-slate-100 text-slate-600"}`}>{t(REQUIRED_CASE_FIELDS.includes(f) ? "cases.import.required" : "cases.import.optional")}</span></td>
                <td className="whitespace-normal text-slate-600">{t(`cases.import.columns.${f}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">{t("cases.count", { count: maxRows })}</p>
      </section>
    </div>
  );
}
