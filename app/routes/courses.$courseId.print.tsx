import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { CoursePlanSheet } from "~/components/course/course-plan-sheet";
import { ApprovalAndSignatures, PaperForm } from "~/components/print/paper-form";
import { courseForm } from "~/domain/course/course-form";
import { coursePage } from "~/domain/course/course-page.server";
import { getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// Outside the signed-in layout on purpose: the page is the paper form (培训课程计划), nothing else.
// Read through the course page's own read, so a department head sees the same courses and attendees.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.form.course.title : "TrainGate" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, z.object({ courseId: Id }));
  const auth = await requirePermission(request, "read:course");
  const { companyName, timeZone } = await getSettings();
  const page = await coursePage(courseId, auth.user.roles, await departmentIdsInScope(auth), timeZone);
  invariantResponse(page, "Not found", { status: 404 });
  return { form: courseForm(page), companyName };
}

export default function CoursePrintPage() {
  const { t } = useTranslation();
  const { form, companyName } = useLoaderData<typeof loader>();
  const { course } = form;
  return (
    <PaperForm
      orientation="portrait"
      back={{ to: `/courses/${course.id}`, label: course.title }}
      exportHref={`/courses/${course.id}/export`}
      companyName={companyName}
      formName={t("course.formName")}
      heading={[
        t("course.print.month", form.plan),
        `${t("workflow.revision", { revision: course.revision })} · ${t(`workflow.states.${course.state}`)}`,
      ]}
    >
      <CoursePlanSheet form={form} />
      <ApprovalAndSignatures
        approval={form.approval}
        preparedBy={t("course.print.preparedBy")}
        approvedBy={t("course.print.approvedBy")}
      />
    </PaperForm>
  );
}
