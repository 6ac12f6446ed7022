import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalAndSignatures, CELL, HEAD, PaperForm } from "~/components/print/paper-form";
import { formatYuan } from "~/components/training/format";
import { COST_KEYS, courseForm, courseLecturer, courseLocations } from "~/domain/course/course-form";
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
  const { course, item } = form;
  const label = `${CELL} w-[15%] bg-slate-50 font-semibold print:bg-transparent`;
  const section = (title: string, body: ReactNode) => (
    <div className="keep mt-3">
      <h2 className="mb-1 text-[13px] font-semibold">{title}</h2>
      {body}
    </div>
  );
  return (
    <PaperForm
      orientation="portrait"
      back={{ to: `/courses/${course.id}`, label: course.title }}
      exportHref={`/courses/${course.id}/export`}
      companyName={companyName}
      formName={t("course.formName")}
      heading={[
        t("course.print.month", { month: form.month }),
        `${t("workflow.revision", { revision: course.revision })} · ${t(`workflow.states.${course.state}`)}`,
      ]}
    >
      <table className="mt-2 w-full border-collapse">
        <tbody>
          <tr>
            <th className={label}>{t("course.fields.title")}</th>
            <td className={`${CELL} font-semibold`} colSpan={3}>
              {course.title}
            </td>
          </tr>
          <tr>
            <th className={label}>{t("course.fields.item")}</th>
            <td className={CELL}>
              {t("training.withNote", {
                text: item.title,
                note: t(`course.print.source.${item.planned ? "planned" : "unplanned"}`),
              })}
            </td>
            <th className={label}>{t("course.fields.category")}</th>
            <td className={CELL}>{t(`training.categories.${item.category}`)}</td>
          </tr>
          <tr>
            <th className={label}>{t("course.print.headcount")}</th>
            <td className={CELL}>
              {t("course.print.headcountValue", { count: form.attendeeCount, capacity: course.capacity })}
            </td>
            <th className={label}>{t("course.print.location")}</th>
            <td className={CELL}>{courseLocations(t, form)}</td>
          </tr>
          <tr>
            <th className={label}>{t("course.fields.lecturer")}</th>
            <td className={CELL} colSpan={3}>
              {t("training.withNote", {
                text: courseLecturer(t, course),
                note: t(`course.lecturerKinds.${course.lecturerKind}`),
              })}
            </td>
          </tr>
          <tr>
            <th className={label}>{t("course.fields.materials")}</th>
            <td className={CELL} colSpan={3}>
              {form.materials.join(t("training.listSeparator")) || t("course.print.noMaterials")}
            </td>
          </tr>
        </tbody>
      </table>
      {section(
        t("training.withNote", { text: t("course.print.time"), note: t("course.fields.sessions") }),
        <table className="w-full border-collapse">
          <thead>
            <tr>
              {[
                t("course.print.sessionNo"),
                t("course.session.date"),
                t("course.print.time"),
                t("course.session.location"),
              ].map((h) => (
                <th key={h} className={HEAD}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {form.sessions.length === 0 ? (
              <tr>
                <td className={`${CELL} text-center`} colSpan={4}>
                  {t("course.session.none")}
                </td>
              </tr>
            ) : null}
            {form.sessions.map((s) => (
              <tr key={s.no}>
                <td className={`${CELL} w-[10%] text-center`}>{s.no}</td>
                <td className={`${CELL} w-[22%] tabular-nums`}>{s.date}</td>
                <td className={`${CELL} w-[22%] tabular-nums`}>
                  {s.start}–{s.end}
                </td>
                <td className={CELL}>{s.location}</td>
              </tr>
            ))}
          </tbody>
        </table>,
      )}
      {section(
        t("course.fields.outline"),
        <div className={`${CELL} min-h-[3rem] whitespace-pre-line`}>{course.outline}</div>,
      )}
      {section(
        t("course.fields.costs"),
        <table className="w-full border-collapse">
          <thead>
            <tr>
              {[...COST_KEYS, "totalCost" as const].map((k) => (
                <th key={k} className={HEAD}>
                  {t(`course.fields.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {COST_KEYS.map((k) => (
                <td key={k} className={`${CELL} text-right tabular-nums`}>
                  {formatYuan(course.costs[k])}
                </td>
              ))}
              <td className={`${CELL} text-right font-semibold tabular-nums`}>{formatYuan(course.totalFen)}</td>
            </tr>
          </tbody>
        </table>,
      )}
      <div className="mt-3">
        <h2 className="mb-1 text-[13px] font-semibold">
          {t("course.fields.attendees")}
          {form.scoped ? (
            <span className="ml-2 text-[11px] font-normal">
              {t("course.print.scopeNote", { count: form.attendeeCount })}
            </span>
          ) : null}
        </h2>
        <table className="w-full border-collapse">
          <thead>
            <tr>
              {(["no", "name", "employeeNo", "department"] as const).map((k) => (
                <th key={k} className={HEAD}>
                  {t(`course.print.attendeeColumns.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {form.attendees.length === 0 ? (
              <tr>
                <td className={`${CELL} text-center`} colSpan={4}>
                  {t("course.attendee.none")}
                </td>
              </tr>
            ) : null}
            {form.attendees.map((a) => (
              <tr key={a.employeeNo}>
                <td className={`${CELL} w-[10%] text-center`}>{a.no}</td>
                <td className={`${CELL} w-[22%]`}>{a.name}</td>
                <td className={`${CELL} w-[22%] tabular-nums`}>{a.employeeNo}</td>
                <td className={CELL}>{a.department}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ApprovalAndSignatures
        approval={form.approval}
        preparedBy={t("course.print.preparedBy")}
        approvedBy={t("course.print.approvedBy")}
      />
    </PaperForm>
  );
}
