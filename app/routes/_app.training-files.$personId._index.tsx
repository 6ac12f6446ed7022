import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { StatusBadge } from "~/components/people/status-badge";
import {
  AssessmentsSection,
  CertificationSection,
  RecordsSection,
  TableSection,
  YearsSection,
} from "~/components/training-file/file-sections";
import { useFormat } from "~/components/use-format";
import { getSettings } from "~/domain/settings/settings.server";
import { fileTables } from "~/domain/training-file/training-file-tables";
import { trainingFile } from "~/domain/training-file/training-file.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireFileInScope } from "~/utils/training-file-scope.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

/** The latest quiz attempts the page shows; the print and the export list them all. */
const ATTEMPTS_SHOWN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { personId } = getParams(params, z.object({ personId: Id }));
  const auth = await requirePermission(request, "read:training-file");
  await requireFileInScope(auth, personId);
  const { timeZone } = await getSettings();
  const file = await trainingFile(personId, timeZone, { latestAttempts: ATTEMPTS_SHOWN });
  invariantResponse(file, "Not found", { status: 404 });
  // Only readers with a list to go back to get the link to it.
  return { file, hasList: auth.scope !== "own" };
}

export default function TrainingFilePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { file, hasList } = useLoaderData<typeof loader>();
  const { person } = file;
  const tables = Object.fromEntries(
    fileTables(t, file, { ...format, language: i18n.language }).map((table) => [table.key, table]),
  );
  return (
    <div className="space-y-5">
      {hasList ? (
        <Link to="/training-files" className="btn-link">
          ← {t("trainingFile.title")}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">
          {t("trainingFile.link")} · {person.name}
        </h1>
        <span className="font-mono text-sm text-slate-500">{person.employeeNo}</span>
        <StatusBadge status={person.status} disabled={person.disabled} />
        <span className="ml-auto flex gap-2">
          <Link to={`/training-files/${person.id}/print`} className="btn-secondary">
            {t("trainingFile.print")}
          </Link>
          <a href={`/training-files/${person.id}/export`} className="btn-secondary">
            {t("trainingFile.export")}
          </a>
        </span>
      </div>
      <section className="card grid gap-3 p-5 text-sm sm:grid-cols-4">
        {(
          [
            ["department", person.department],
            ["post", person.post],
            ["hireDate", person.hireDate],
            ["phone", person.phone],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <p className="text-xs text-slate-500">{t(`trainingFile.fields.${k}`)}</p>
            <p className="font-medium">{v || "—"}</p>
          </div>
        ))}
      </section>
      <YearsSection years={file.years} />
      <RecordsSection file={file} />
      <CertificationSection cert={file.certification} />
      <AssessmentsSection assessments={file.assessments} />
      <TableSection table={tables.attempts} />
      {file.attemptCount > file.attempts.length ? (
        <p className="-mt-3 text-xs text-slate-500" data-testid="attempts-shown">
          {t("trainingFile.attemptsShown", { shown: file.attempts.length, total: file.attemptCount })}
        </p>
      ) : null}
      <TableSection table={tables.leaves} />
      <TableSection table={tables.makeUps} />
    </div>
  );
}
