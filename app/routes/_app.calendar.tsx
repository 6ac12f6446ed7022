import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";

import { ApprovalBadge } from "~/components/approval-panel";
import { attendeeSessions } from "~/domain/course/course-queries.server";
import { localParts, monthGrid } from "~/domain/course/session-view";
import { monthCalendar } from "~/domain/monthly-plan/monthly-plan-queries.server";
import { nextMonth, parseYearMonth, yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { companyToday, getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requireUser } from "~/utils/auth.server";
import { scopeFor } from "~/utils/permissions";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  // Everyone signed in has a calendar: who reads the monthly plans sees the month; anyone else (an agent)
  // sees only the sessions of the approved courses they attend, without the plan.
  const user = await requireUser(request);
  const { timeZone } = await getSettings();
  const { year, month } =
    parseYearMonth(new URL(request.url).searchParams.get("month") ?? "") ?? (await companyToday());
  const readsPlans = scopeFor(user.roles, "read:monthly-plan") !== null;
  // A department head sees the sessions their own people attend; the plan's items are open to all readers.
  const scope = scopeFor(user.roles, "read:course");
  const departmentIds = scope ? await departmentIdsInScope({ user, scope }) : [];
  const { plan, sessions } = readsPlans
    ? await monthCalendar(year, month, departmentIds)
    : { plan: null, sessions: await attendeeSessions(user.id, year, month) };
  const prev = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const next = nextMonth(year, month);
  return {
    year,
    month,
    readsPlans,
    linksCourses: scope !== null,
    prev: yearMonth(prev.year, prev.month),
    next: yearMonth(next.year, next.month),
    weeks: monthGrid(year, month, timeZone),
    plan,
    sessions: sessions.map((s) => ({
      id: s.id,
      courseId: s.course.id,
      title: s.course.title,
      category: s.course.monthlyItem.category,
      state: s.course.approval.state,
      location: s.location,
      day: localParts(s.startsAt, timeZone).day,
      start: localParts(s.startsAt, timeZone).time,
      end: localParts(s.endsAt, timeZone).time,
    })),
  };
}

const CATEGORY_STYLE: Record<string, string> = {
  NEW_HIRE: "bg-emerald-50 text-emerald-800 border-emerald-200",
  INTERNAL: "bg-sky-50 text-sky-800 border-sky-200",
  TRANSFER: "bg-violet-50 text-violet-800 border-violet-200",
  EXTERNAL: "bg-amber-50 text-amber-800 border-amber-200",
  GROUP: "bg-rose-50 text-rose-800 border-rose-200",
};

// Someone who may not open a course page (an agent) sees the session without a link to it.
function SessionLink({ link, ...props }: { link: boolean } & ComponentProps<typeof Link>) {
  if (link) return <Link {...props} />;
  return <span className={props.className}>{props.children}</span>;
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const { year, month, prev, next, weeks, plan, sessions, readsPlans, linksCourses } = useLoaderData<typeof loader>();
  const onDay = (day: number) => sessions.filter((s) => s.day === day);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">
          {t("monthlyPlan.cal.title")} · {yearMonth(year, month)}
        </h1>
        <div className="flex gap-2">
          <Link to={`?month=${prev}`} className="btn-secondary">
            ← {t("monthlyPlan.cal.prev")}
          </Link>
          <Link to={`?month=${next}`} className="btn-secondary">
            {t("monthlyPlan.cal.next")} →
          </Link>
        </div>
      </div>
      {readsPlans ? (
        <section className="card p-4">
          {plan ? (
            <>
              <div className="flex flex-wrap items-center gap-3">
                <Link to={`/monthly-plans/${plan.id}`} className="font-semibold text-brand-700 hover:underline">
                  {plan.title}
                </Link>
                <ApprovalBadge state={plan.approval.state} revision={plan.approval.revision} />
              </div>
              <ul className="mt-3 flex flex-wrap gap-2" aria-label={t("monthlyPlan.cal.items")}>
                {plan.items.map((i) => (
                  <li key={i.id} className={`rounded border px-2 py-1 text-xs ${CATEGORY_STYLE[i.category]}`}>
                    {t(`training.categories.${i.category}`)} · {i.title}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-500">{t("monthlyPlan.cal.noPlan")}</p>
          )}
        </section>
      ) : null}
      {/* Wide screens: the month as a grid. Phones: the days that have sessions, as a list. */}
      <div className="card hidden overflow-hidden md:block">
        <div
          className={[
            "grid",
            "grid-cols-7",
            "border-b",
            "border-slate-200",
            "bg-slate-50",
            "text-center",
            "text-xs",
            "font-medium",
            "text-slate-600",
          ].join(" ")}
        >
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <div key={d} className="py-2">
              {t(`monthlyPlan.cal.weekdays.${d}`)}
            </div>
          ))}
        </div>
        {weeks.map((week, w) => (
          <div key={w} className="grid grid-cols-7 divide-x divide-slate-100 border-b border-slate-100 last:border-b-0">
            {week.map((day, i) => (
              <div key={i} className={`min-h-24 p-1.5 ${day ? "" : "bg-slate-50"}`}>
                {day ? <p className="text-xs font-medium text-slate-500">{day}</p> : null}
                {day
                  ? onDay(day).map((s) => (
                      <SessionLink
                        link={linksCourses}
                        key={s.id}
                        to={`/courses/${s.courseId}`}
                        className={[
                          "mt-1 block rounded border px-1.5 py-1 text-xs leading-snug hover:underline",
                          CATEGORY_STYLE[s.category],
                        ].join(" ")}
                      >
                        <span className="font-medium tabular-nums">
                          {s.start}–{s.end}
                        </span>{" "}
                        {s.title}
                        <span className="block truncate opacity-75">{s.location}</span>
                      </SessionLink>
                    ))
                  : null}
              </div>
            ))}
          </div>
        ))}
      </div>
      <section className="card p-4 md:hidden">
        <h2 className="mb-2 font-semibold">{t("monthlyPlan.cal.sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-500">{t("monthlyPlan.cal.noSessions")}</p>
        ) : (
          <ul className="space-y-2">
            {sessions.map((s) => (
              <li key={s.id}>
                <SessionLink
                  link={linksCourses}
                  to={`/courses/${s.courseId}`}
                  className={`block rounded border px-2 py-1.5 text-sm ${CATEGORY_STYLE[s.category]}`}
                >
                  <span className="font-medium tabular-nums">
                    {month}/{s.day} {s.start}–{s.end}
                  </span>{" "}
                  {s.title}
                  <span className="block text-xs opacity-75">{s.location}</span>
                </SessionLink>
              </li>
            ))}
          </ul>
        )}
      </section>
      {sessions.length === 0 ? (
        <p className="hidden text-sm text-slate-500 md:block">{t("monthlyPlan.cal.noSessions")}</p>
      ) : null}
    </div>
  );
}
