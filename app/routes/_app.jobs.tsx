import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { JobTable } from "~/components/jobs/job-table";
import { jobOverview } from "~/domain/jobs/job-queries.server";
import { JOB_KINDS } from "~/domain/jobs/job-rules";
import { requestJobRun } from "~/domain/jobs/request-job-run.server";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const JobIntent = z.discriminatedUnion("intent", [z.object({ intent: z.literal("run"), kind: z.enum(JOB_KINDS) })]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:jobs");
  return { overview: await jobOverview(), canRun: can(user.roles, "run:jobs") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "run:jobs");
  const form = parseIntent(await request.formData(), JobIntent);
  if (!form.ok) return invalid(form);
  return respond(await requestJobRun(actor, form.data.kind), {
    form,
    redirectTo: "/jobs",
    flash: "jobs.notices.queued",
  });
}

export default function JobsPage() {
  const { t } = useTranslation();
  const { overview, canRun } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("jobs.title")}</h1>
      <p className="text-sm text-slate-500">{t("jobs.intro")}</p>
      {!overview.worker ? <p className="text-sm text-slate-500">{t("jobs.workerOff")}</p> : null}
      {!overview.queueReadable ? <p className="text-sm text-amber-700">{t("jobs.queueMissing")}</p> : null}
      <FormAlert message={actionData?.errors?._form} />
      <JobTable jobs={overview.jobs} canRun={canRun} />
      <section className="card space-y-2 p-4 text-sm" data-testid="mail-queue">
        <h2 className="font-semibold text-slate-800">{t("jobs.kinds.mail-deliver")}</h2>
        <p className="text-slate-600">
          {t("jobs.fields.queued")}: {overview.mail.queued} · {t("jobs.fields.active")}: {overview.mail.active} ·{" "}
          {t("jobs.fields.failed")}: {overview.mail.failed}
        </p>
        <p className="text-slate-500">
          {t("jobs.mailNote")}{" "}
          <Link to="/outbox" className="text-sky-700 underline">
            {t("jobs.openOutbox")}
          </Link>
        </p>
      </section>
    </div>
  );
}
