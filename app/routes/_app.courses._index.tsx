import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalBadge } from "~/components/approval-panel";
import { KeysetPagination } from "~/components/keyset-pagination";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { listCourses } from "~/domain/course/course-list.server";
import { parseYearMonth, yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { keysetQuery } from "~/utils/keyset";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  month: z.string().max(7).optional().catch(undefined),
  ...keysetQuery,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:course");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const picked = parseYearMonth(query.month ?? "");
  const { courses, next, previous } = await listCourses({
    year: picked?.year,
    month: picked?.month,
    departmentIds: await departmentIdsInScope(auth),
    after: query.after,
    before: query.before,
  });
  return { month: picked ? query.month! : "", courses, next, previous };
}

export default function CoursesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { month, courses, next, previous } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="page-title">{t("course.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t("course.intro")}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label className="label" htmlFor="month">
            {t("course.filterMonth")}
          </label>
          <input id="month" name="month" type="month" defaultValue={month} className="input" />
        </div>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
        {month ? (
          <Link to="/courses" className="btn-link mb-2">
            {t("course.allMonths")}
          </Link>
        ) : null}
      </Form>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("course.fields.month")}</th>
              <th>{t("course.fields.title")}</th>
              <th>{t("course.fields.sessions")}</th>
              <th className="!text-right">{t("course.fields.attendees")}</th>
              <th className="!text-right">{t("course.fields.totalCost")}</th>
              <th>{t("course.fields.state")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {courses.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <td className="tabular-nums">{yearMonth(c.monthlyItem.plan.year, c.monthlyItem.plan.month)}</td>
                <td className="whitespace-normal">
                  <Link to={`/courses/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.title}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {t(`training.categories.${c.monthlyItem.category}`)} · {c.monthlyItem.title}
                  </span>
                </td>
                <td className="text-xs text-slate-600">
                  {c.sessions.map((s, i) => (
                    <span key={i} className="block">
                      {format.dateTime(s.startsAt)} · {s.location}
                    </span>
                  ))}
                </td>
                <td className="text-right tabular-nums">
                  {c._count.attendees} / {c.capacity}
                </td>
                <td className="text-right tabular-nums">{formatYuan(c.costFen)}</td>
                <td>
                  <ApprovalBadge state={c.approval.state} revision={c.approval.revision} />
                </td>
              </tr>
            ))}
            {courses.length === 0 ? (
              <tr>
                <td colSpan={6} className="py-8 text-center text-slate-500">
                  {t("course.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <KeysetPagination next={next} previous={previous} />
    </div>
  );
}
