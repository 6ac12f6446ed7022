import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { CourseForm } from "~/components/course/course-form";
import { FormAlert } from "~/components/form";
import { TaughtRulesFields } from "~/components/rule-loop/taught-rules-fields";
import { yuanInput } from "~/components/training/format";
import { courseToEdit, itemForNewCourse, lecturerChoices } from "~/domain/course/course-queries.server";
import { CourseSchema } from "~/domain/course/course.schema";
import { createCourse, updateCourse } from "~/domain/course/course.server";
import { courseRuleChoices } from "~/domain/rule-loop/course-rule-choices.server";
import { trainerChoices } from "~/domain/scheduling/scheduling-queries.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";
import { isEditable } from "~/workflow/approval-rules";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const CourseEditParams = z.object({ courseId: Id });

// "/courses/new/edit?item=<monthly item>" sets up a course; "/courses/<id>/edit" changes a draft's details.
async function target(request: Request, courseId: string) {
  if (courseId !== "new") {
    const course = await courseToEdit(courseId);
    invariantResponse(course, "Not found", { status: 404 });
    return { course, item: course.monthlyItem };
  }
  const itemId = new URL(request.url).searchParams.get("item") ?? "";
  const item = await itemForNewCourse(itemId);
  invariantResponse(item, "Not found", { status: 404 });
  return { course: null, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, CourseEditParams);
  await requirePermission(request, "draft:course");
  const { course, item } = await target(request, courseId);
  const defaults: Record<string, string | string[]> = course
    ? {
        title: course.title,
        capacity: String(course.capacity),
        outline: course.outline,
        lecturerKind: course.lecturerKind,
        lecturerId: course.lecturerId ?? "",
        externalLecturer: course.externalLecturer ?? "",
        externalOrg: course.externalOrg ?? "",
        externalContact: course.externalContact ?? "",
        trainerId: course.trainerId ?? "",
        lecturerFee: yuanInput(course.lecturerFeeFen),
        venueFee: yuanInput(course.venueFeeFen),
        materialsFee: yuanInput(course.materialsFeeFen),
        externalFee: yuanInput(course.externalFeeFen),
        otherFee: yuanInput(course.otherFeeFen),
        ruleIds: course.rules.map((r) => r.ruleId),
        quizId: course.quizId ?? "",
      }
    : {
        title: item.title,
        capacity: String("headcount" in item ? item.headcount : 30),
        lecturerKind: "INTERNAL",
        lecturerFee: "0",
        venueFee: "0",
        materialsFee: "0",
        externalFee: "0",
        otherFee: "0",
      };
  // The lecturer search sends the form back here by GET (without JavaScript): what was typed is kept.
  const url = new URL(request.url);
  const search = url.searchParams.get("lecturerSearch");
  const typed =
    search === null
      ? null
      : Object.fromEntries(
          [...new Set(url.searchParams.keys())]
            .filter((k) => k !== "item" && k !== "lecturerSearch")
            .map((k) => [k, k === "ruleIds" ? url.searchParams.getAll(k) : (url.searchParams.get(k) ?? "")]),
        );
  const editable = course
    ? isEditable(course.approval.state)
    : "plan" in item && item.plan.approval.state === "APPROVED";
  return {
    course: course ? { id: course.id, title: course.title } : null,
    item: { id: item.id, title: item.title, category: item.category },
    editable,
    people: await lecturerChoices(search ?? "", course?.lecturerId ?? null),
    trainers: await trainerChoices(search ?? "", course?.trainerId ?? null),
    search: search ?? "",
    ruleChoices: await courseRuleChoices(),
    defaults: typed ?? defaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, CourseEditParams);
  const { actor } = await requireActor(request, "draft:course");
  const { course, item } = await target(request, courseId);
  const form = parseForm(CourseSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const outcome = course
    ? await updateCourse(actor, course.id, form.data)
    : await createCourse(actor, item.id, form.data);
  return respond(outcome, {
    form,
    redirectTo: (done) => `/courses/${done.id}`,
    flash: course ? "course.notices.saved" : "course.notices.created",
  });
}

export default function CourseEditPage() {
  const { t } = useTranslation();
  const { course, item, editable, people, trainers, search, ruleChoices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = course ? `/courses/${course.id}` : "/courses";
  return (
    <div className="space-y-5">
      <Link to={back} className="btn-link">
        ← {course ? course.title : t("course.title")}
      </Link>
      <div>
        <h1 className="page-title">{course ? t("course.edit") : t("course.new")}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {t("course.fields.item")}
          {t("training.colon")}
          {item.title} · {t(`training.categories.${item.category}`)}
        </p>
      </div>
      {!editable ? (
        <FormAlert message={course ? "course.locked" : "course.monthlyPlanNotApproved"} />
      ) : (
        <div className="card p-5">
          <CourseForm
            defaults={actionData?.values ?? defaults}
            errors={actionData?.errors}
            people={people}
            trainers={trainers}
            search={search}
            hidden={course ? undefined : { item: item.id }}
            cancelTo={back}
          >
            <TaughtRulesFields
              choices={ruleChoices}
              defaults={actionData?.values ?? defaults}
              errors={actionData?.errors}
            />
          </CourseForm>
        </div>
      )}
    </div>
  );
}
