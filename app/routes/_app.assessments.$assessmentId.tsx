import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { decisionError, DecisionHistory } from "~/components/approval-panel";
import { AssessmentForm } from "~/components/assessment/assessment-form";
import { ClearanceLine, ResultBadge, ScoreTable, StandingBadge } from "~/components/assessment/assessment-parts";
import { SignOffPanel } from "~/components/assessment/sign-off-panel";
import { FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { assessmentPage } from "~/domain/assessment/assessment-pages.server";
import { assessmentViewer } from "~/domain/assessment/assessment-queries.server";
import { formStanding } from "~/domain/assessment/assessment-rules";
import { AssessmentSubject } from "~/domain/assessment/assessment-subject.server";
import { AssessmentRevisionSchema } from "~/domain/assessment/assessment.schema";
import { reviseAssessment } from "~/domain/assessment/revise-assessment.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseIntent } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ assessmentId: Id });

// The filed form, read-only, with its approval history; a head above the new hire signs it off or returns
// it; the assessor revises a returned form and sends it again. To anyone else it does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assessmentId } = getParams(params, Params);
  const { user } = await requirePermission(request, "read:assessment");
  const page = await assessmentPage(await assessmentViewer(user), assessmentId);
  invariantResponse(page, "Not found", { status: 404 });
  return page;
}

const AssessmentIntent = z.discriminatedUnion("intent", [DecisionSchema, AssessmentRevisionSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { assessmentId } = getParams(params, Params);
  await requireActor(request, "read:assessment");
  const form = parseIntent(await request.formData(), AssessmentIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/assessments/${assessmentId}` };
  if (form.data.intent === "revise") {
    const { actor } = await requireActor(request, "assess:new-hire");
    return respond(await reviseAssessment(actor, assessmentId, form.data), {
      ...done,
      flash: "assessment.notices.revised",
    });
  }
  // Signing off and returning need sign-off:assessment; then the subject says which heads decide (anyone
  // else: 403, nothing recorded). A second decision on the same revision: 409.
  const { intent, revision, reason } = form.data;
  const { actor } = await requireActor(request, permissionFor(AssessmentSubject.policy, intent));
  const outcome = await decide(AssessmentSubject, { subjectId: assessmentId, action: intent, revision, reason, actor });
  return respond(outcome, { ...done, flash: `assessment.notices.${intent}` });
}

export default function AssessmentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, assessor } = page;
  const revising = actionData?.intent === "revise" ? actionData : undefined;
  const decisionProblem = actionData && !revising ? decisionError(actionData.errors) : undefined;
  const standing = formStanding(form.approval.state);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/assessments" className="btn-link">
        ← {t("assessment.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-500">{t("assessment.formName")}</p>
          <h1 className="page-title">
            {form.person.name} <span className="font-mono text-base text-slate-500">{form.person.employeeNo}</span>
          </h1>
        </div>
        <ResultBadge result={form.result} />
        <StandingBadge standing={standing} />
      </div>
      <FormAlert tone="info" message={`assessment.next.${standing}`} />
      {page.base?.kind === "rejected" && form.approval.state === "DRAFT" ? (
        <FormAlert
          message={messageKey("assessment.returnedBecause", {
            name: page.base.actorName,
            reason: page.base.reason ?? "",
          })}
        />
      ) : null}
      <section className="card space-y-4 p-4 sm:p-5">
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-500">{t("assessment.newHire")}</dt>
          <dd>
            {form.person.name} · {form.person.department.name}
            {form.person.post ? ` · ${form.person.post}` : ""}
            <span className="block text-xs text-slate-500">
              {t("assessment.hired", { date: format.date(form.person.hireDate) })}
            </span>
          </dd>
          <dt className="text-slate-500">{t("assessment.fields.courseId")}</dt>
          <dd>{form.course?.title ?? t("assessment.noCourse")}</dd>
          <dt className="text-slate-500">{t("assessment.assessor")}</dt>
          <dd>
            {assessor?.name} <span className="font-mono text-xs text-slate-500">{assessor?.employeeNo}</span>
            <span className="text-slate-500"> · {format.dateTime(form.assessedAt)}</span>
          </dd>
          <dt className="text-slate-500">{t("assessment.clearance.label")}</dt>
          <dd>
            <ClearanceLine clearance={page.clearance} />
          </dd>
        </dl>
        <ScoreTable scores={form} />
        <div>
          <p className="text-sm text-slate-500">{t("assessment.fields.result")}</p>
          <p className="mt-1">
            <ResultBadge result={form.result} />
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-500">{t("assessment.fields.comments")}</p>
          <p className="mt-1 whitespace-pre-line text-sm">{form.comments || t("assessment.noComments")}</p>
        </div>
      </section>
      <SignOffPanel
        revision={form.approval.revision}
        actions={page.actions}
        error={decisionProblem}
        name={form.person.name}
        result={form.result}
      />
      {page.canRevise ? (
        <section className="card space-y-3 p-4 sm:p-5">
          <h2 className="font-semibold">{t("assessment.resubmit")}</h2>
          <AssessmentForm
            schema={AssessmentRevisionSchema}
            hidden={{ intent: "revise", revision: form.approval.revision }}
            courses={page.courses}
            defaults={
              revising?.values ?? {
                courseId: form.courseId ?? "",
                attendanceScore: String(form.attendanceScore),
                quizScore: String(form.quizScore),
                practiceScore: String(form.practiceScore),
                attitudeScore: String(form.attitudeScore),
                result: form.result,
                comments: form.comments,
              }
            }
            errors={revising?.errors}
            submitLabel={t("assessment.resubmit")}
          />
        </section>
      ) : null}
      <DecisionHistory decisions={page.decisions} />
    </div>
  );
}
