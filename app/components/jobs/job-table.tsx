import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import type { JobView } from "~/domain/jobs/job-queries.server";
import type { JobSummary } from "~/domain/jobs/job-rules";

function Summary({ summary }: { summary: JobSummary | null }) {
  const { t } = useTranslation();
  if (!summary) return null;
  return (
    <span className="text-slate-500">
      {Object.entries(summary)
        .map(([key, count]) => t(`jobs.summaryKeys.${key}`, { count }))
        .join(" · ")}
    </span>
  );
}

function JobCard({ job, canRun }: { job: JobView; canRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = job.lastRun;
  const outcome = !run ? null : run.ok === null ? "running" : run.ok ? "ok" : "failed";
  return (
    <li className="card space-y-2 p-4 text-sm" data-testid={`job-${job.kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold text-slate-800">{t(`jobs.kinds.${job.kind}`)}</h2>
        {canRun ? (
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <input type="hidden" name="kind" value={job.kind} />
            <button type="submit" className="btn-secondary">
              {t("jobs.runNow")}
            </button>
          </Form>
        ) : null}
      </div>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">{t("jobs.fields.schedule")}</dt>
        <dd>{job.everyMinutes === 1 ? t("jobs.everyMinute") : t("jobs.everyMinutes", { count: job.everyMinutes })}</dd>
        <dt className="text-slate-500">{t("jobs.fields.lastRun")}</dt>
        <dd>
          {run ? (
            <span className="flex flex-wrap gap-x-2">
              <span>{format.dateTime(run.startedAt)}</span>
              <span className="text-slate-500">({t(`jobs.triggers.${run.trigger}`)})</span>
              {run.durationMs !== null ? <span>{t("jobs.durationMs", { ms: run.durationMs })}</span> : null}
              <span className={outcome === "failed" ? "text-red-700" : "text-slate-800"}>
                {t(`jobs.outcomes.${outcome}`)}
              </span>
              <Summary summary={run.summary} />
            </span>
          ) : (
            t("jobs.never")
          )}
        </dd>
        <dt className="text-slate-500">{t("jobs.fields.queued")}</dt>
        <dd>
          {job.counts.queued} · {t("jobs.fields.active")}: {job.counts.active} · {t("jobs.fields.failed")}:{" "}
          <span className={job.counts.failed > 0 ? "text-red-700" : undefined}>{job.counts.failed}</span>
        </dd>
        {job.lastFailure ? (
          <>
            <dt className="text-slate-500">{t("jobs.fields.lastError")}</dt>
            <dd className="break-all text-red-700">
              {format.dateTime(job.lastFailure.at)}: {job.lastFailure.error}
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

export function JobTable({ jobs, canRun }: { jobs: JobView[]; canRun: boolean }) {
  return (
    <ul className="space-y-3">
      {jobs.map((job) => (
        <JobCard key={job.kind} job={job} canRun={canRun} />
      ))}
    </ul>
  );
}
