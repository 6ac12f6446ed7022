import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AssessmentForm } from "~/components/assessment/assessment-form";
import { ClearanceLine } from "~/components/assessment/assessment-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormAlert } from "~/components/form";
import { newAssessmentPage } from "~/domain/assessment/assessment-pages.server";
import { assessmentViewer } from "~/domain/assessment/assessment-queries.server";
import { AssessmentFormSchema } from "~/domain/assessment/assessment.schema";
import { fileAssessment } from "~/domain/assessment/file-assessment.server";
import { requirePermission } from "~/utils/auth.server";
import { Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <GeneralErrorBoundary statusHandlers={{ 403: () => t("assessment.errors.notAllowed") }} />;
}

// The blank form for one new hire (`?personId=`, from the list), with the scores the data suggests.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "assess:new-hire");
  const url = new URL(request.url);
  const asked = url.searchParams.get("personId");
  if (asked === null) return { page: null };
  const personId = Id.safeParse(asked);
  invariantResponse(personId.success, "Not found", { status: 404 });
  const page = await newAssessmentPage(await assessmentViewer(user), personId.data, url.searchParams.get("courseId"));
  invariantResponse(page, "Not found", { status: 404 });
  // Not their lecturer, supervisor or the training manager: refused, and the page says why.
  invariantResponse(page.allowed, "Forbidden", { status: 403 });
  return { page };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "assess:new-hire");
  const form = parseForm(AssessmentFormSchema, await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await fileAssessment(actor, form.data), {
    form,
    redirectTo: (filed) => `/assessments/${filed.id}`,
    flash: "assessment.notices.filed",
  });
}

export default function NewAssessment() {
  const { t } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!page || !page.allowed)
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <Link to="/assessments" className="btn-link">
          ← {t("assessment.title")}
        </Link>
        <p className="card p-6 text-sm text-slate-600">{t("assessment.pickFromList")}</p>
      </div>
    );
  const { person, suggestions } = page;
  const defaults = actionData?.values ?? {
    courseId: page.courseId,
    attendanceScore: suggestions.attendanceScore === null ? "" : String(suggestions.attendanceScore),
    quizScore: suggestions.quizScore === null ? "" : String(suggestions.quizScore),
    practiceScore: "",
    attitudeScore: "",
    result: "",
    comments: "",
  };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/assessments" className="btn-link">
        ← {t("assessment.title")}
      </Link>
      <div>
        <p className="text-sm text-slate-500">{t("assessment.formName")}</p>
        <h1 className="page-title">
          {person.name} <span className="font-mono text-base text-slate-500">{person.employeeNo}</span>
        </h1>
        <p className="text-sm text-slate-600">{person.department}</p>
        <ClearanceLine clearance={page.clearance} />
      </div>
      {page.openFormId ? (
        <div className="space-y-1">
          <FormAlert tone="info" message="assessment.openFormExists" />
          <Link to={`/assessments/${page.openFormId}`} className="btn-link">
            {t("assessment.openExisting")} →
          </Link>
        </div>
      ) : null}
      {page.courses.length > 1 ? (
        // Without JavaScript too: the suggestions follow the course picked here.
        <Form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <input type="hidden" name="personId" value={person.id} />
          <label className="flex-1">
            <span className="label">{t("assessment.suggestFrom")}</span>
            <select name="courseId" defaultValue={page.courseId} className="input">
              <option value="">{t("assessment.noCourse")}</option>
              {page.courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            {t("assessment.suggest")}
          </button>
        </Form>
      ) : null}
      <section className="card p-4 sm:p-5">
        <AssessmentForm
          key={page.courseId}
          schema={AssessmentFormSchema}
          hidden={{ personId: person.id }}
          courses={page.courses}
          defaults={defaults}
          errors={actionData?.errors}
          hints={{
            attendanceScore:
              suggestions.attendanceScore === null
                ? t("assessment.hints.noAttendance")
                : t("assessment.hints.attendance"),
            quizScore: suggestions.quizScore === null ? t("assessment.hints.noQuiz") : t("assessment.hints.quiz"),
            practiceScore: t("assessment.hints.practice"),
            attitudeScore: t("assessment.hints.attitude"),
          }}
          submitLabel={t("assessment.submit")}
        />
      </section>
    </div>
  );
}
