import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { importPeople } from "~/domain/people/import-people.server";
import { MAX_FILE_BYTES } from "~/domain/people/people-file.server";
import {
  CHINESE_HEADERS,
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  REQUIRED_FIELDS,
  type ImportError,
} from "~/domain/people/people-import-rules";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireActor } from "~/utils/route.server";
import { readMultipart, uploadedFile, type UploadedFile } from "~/utils/upload.server";
import { messageKey, translateMessage } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// A file with every cell wrong would list tens of thousands of problems; the first ones are enough to act on.
const MAX_SHOWN = 1_000;
const MAX_MB = MAX_FILE_BYTES / 1_000_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:person");
  return { maxMb: MAX_MB, maxRows: MAX_IMPORT_ROWS };
}

async function readUpload(request: Request): Promise<{ ok: true; file: UploadedFile } | { ok: false; error: string }> {
  const upload = await readMultipart(request, { maxFileBytes: MAX_FILE_BYTES });
  if (!upload.ok)
    return {
      ok: false,
      error:
        upload.reason === "tooLarge"
          ? messageKey("peopleImport.fileTooLarge", { max: MAX_MB })
          : "peopleImport.uploadFailed",
    };
  const file = await uploadedFile(upload.form);
  return file ? { ok: true, file } : { ok: false, error: "peopleImport.noFile" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "import:person");
  const upload = await readUpload(request);
  if (!upload.ok)
    return data({ errors: [{ row: 0, column: "", message: upload.error }] as ImportError[] }, { status: 400 });
  const outcome = await importPeople(actor, upload.file);
  // The problems of the file's rows: a list for the page's table, not a form's field errors.
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: 400 });
  // Redirect so that reloading the page does not import the file a second time.
  const { created, updated, unchanged } = outcome;
  return redirectWithFlash("/people/import", messageKey("peopleImport.success", { created, updated, unchanged }));
}

export default function PeopleImportPage() {
  const { t } = useTranslation();
  const { maxMb, maxRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const errors = actionData?.errors ?? [];
  const fileErrors = errors.filter((e) => e.row === 0);
  const rowErrors = errors.filter((e) => e.row > 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t("peopleImport.title")}</h1>
        <a className="btn-link" href="/people">
          {t("peopleImport.backToPeople")}
        </a>
      </div>

      {fileErrors.map((e) => (
        <FormAlert key={e.message} message={e.message} />
      ))}
      {rowErrors.length > 0 ? <ErrorTable errors={rowErrors} /> : null}

      <section className="card p-5">
        <p className="text-sm text-slate-600">{t("peopleImport.intro")}</p>
        <Form method="post" encType="multipart/form-data" className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <label className="label" htmlFor="file">
              {t("peopleImport.fileLabel")}
            </label>
            <input
              id="file"
              name="file"
              type="file"
              required
              className="input"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="file-hint"
            />
            <p id="file-hint" className="mt-1 text-xs text-slate-500">
              {t("peopleImport.fileHint", { max: maxMb })}
            </p>
          </div>
          <button type="submit" className="btn-primary" disabled={submitting}>
            {submitting ? t("peopleImport.submitting") : t("peopleImport.submit")}
          </button>
        </Form>
      </section>

      <section className="card p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="font-semibold">{t("peopleImport.columnsTitle")}</h2>
          <a className="btn-secondary" href="/people/import-template" download>
            {t("peopleImport.downloadTemplate")}
          </a>
        </div>
        <p className="mt-2 text-sm text-slate-600">{t("peopleImport.columnsIntro", { max: maxRows })}</p>
        <div className="mt-3 overflow-x-auto">
          <table className="table">
            <tbody className="divide-y divide-slate-100">
              {IMPORT_FIELDS.map((field) => (
                <tr key={field}>
                  <td className="font-medium">
                    {CHINESE_HEADERS[field]} <span className="font-mono text-xs text-slate-400">{field}</span>
                  </td>
                  <td>
                    {REQUIRED_FIELDS.includes(field) ? (
                      <span className="badge bg-amber-50 text-amber-700">{t("peopleImport.required")}</span>
                    ) : (
                      <span className="badge bg-slate-100 text-slate-600">{t("peopleImport.optional")}</span>
                    )}
                  </td>
                  <td className="whitespace-normal text-slate-600">{t(`peopleImport.columns.${field}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-slate-600">{t("peopleImport.emptyCellNote")}</p>
      </section>
    </div>
  );
}

function ErrorTable({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  const shown = errors.slice(0, MAX_SHOWN);
  return (
    <section className="card border-red-200" role="alert">
      <header className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-medium">{t("peopleImport.errorsTitle", { count: errors.length })}</p>
        {errors.length > shown.length ? (
          <p className="mt-1">
            {t("peopleImport.errorsTruncated", { shown: shown.length, more: errors.length - shown.length })}
          </p>
        ) : null}
      </header>
      <div className="max-h-[32rem] overflow-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("peopleImport.errorRow")}</th>
              <th scope="col">{t("peopleImport.errorColumn")}</th>
              <th scope="col">{t("peopleImport.errorMessage")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td className="tabular-nums">{e.row === 1 ? t("peopleImport.headerRow") : e.row}</td>
                <td>{e.column || "—"}</td>
                <td className="whitespace-normal">{translateMessage(t, e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
