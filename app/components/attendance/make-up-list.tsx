import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import { MAKE_UP_VIEWS, type MakeUpView } from "~/domain/attendance/make-up-views";

import { STANDING_STYLE, useSessionTime } from "./make-up-cards";

type When = Date | string;
export type MakeUpListRow = {
  personId: string;
  employeeNo: string;
  name: string;
  department: string;
  missedSessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: When;
  endsAt: When;
  why: "ABSENT" | "EXCUSED" | "ON_LEAVE";
  standing: "OWED" | "ENROLLED" | "DONE";
  makeUp: { startsAt: When; endsAt: When; location: string; courseTitle: string } | null;
  candidateCount: number | null;
};

/** The three views as tabs with their counts; switching keeps the filters and starts at the first page. */
export function MakeUpTabs({ view, counts }: { view: MakeUpView; counts: Record<MakeUpView, number> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const link = (to: MakeUpView) => {
    const params = new URLSearchParams(location.search);
    params.set("view", to);
    for (const k of ["page", "after", "before"]) params.delete(k);
    return `?${params}`;
  };
  return (
    <nav aria-label={t("makeUps.list.views")} className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200">
      {MAKE_UP_VIEWS.map((v) => (
        <Link
          key={v}
          to={link(v)}
          aria-current={v === view ? "page" : undefined}
          className={`whitespace-nowrap rounded-t-md px-3 py-2 text-sm ${
            v === view
              ? "border-b-2 border-brand-600 font-semibold text-brand-700"
              : "text-slate-600 hover:text-slate-900"
          }`}
        >
          {t(`makeUps.list.tabs.${v}`)}
          <span className="ml-1 rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">{counts[v]}</span>
        </Link>
      ))}
    </nav>
  );
}

export function MakeUpFilters(props: {
  view: MakeUpView;
  departmentId: string | null;
  courseId: string | null;
  departments: Array<{ id: string; name: string; depth: number }>;
  courses: Array<{ id: string; title: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[1fr_1fr_auto]">
      <input type="hidden" name="view" value={props.view} />
      <select
        name="departmentId"
        defaultValue={props.departmentId ?? ""}
        className="input"
        aria-label={t("makeUps.list.department")}
      >
        <option value="">{t("makeUps.list.allDepartments")}</option>
        {props.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {"\u3000".repeat(Math.max(0, d.depth - 1))}
            {d.name}
          </option>
        ))}
      </select>
      <select
        name="courseId"
        defaultValue={props.courseId ?? ""}
        className="input"
        aria-label={t("makeUps.list.course")}
      >
        <option value="">{t("makeUps.list.allCourses")}</option>
        {props.courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary">
        {t("makeUps.list.filter")}
      </button>
    </Form>
  );
}

export function MakeUpTable({ view, rows }: { view: MakeUpView; rows: MakeUpListRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const time = useSessionTime();
  if (rows.length === 0) return <p className="card p-5 text-sm text-slate-500">{t(`makeUps.list.empty.${view}`)}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th>{t("makeUps.list.cols.person")}</th>
            <th>{t("makeUps.list.cols.missed")}</th>
            <th className="hidden sm:table-cell">{t("makeUps.list.cols.why")}</th>
            {view === "owed" ? <th className="hidden sm:table-cell">{t("makeUps.list.cols.since")}</th> : null}
            {view === "owed" ? (
              <th className="hidden !text-right sm:table-cell">{t("makeUps.list.cols.candidates")}</th>
            ) : null}
            {view !== "owed" ? <th>{t("makeUps.list.cols.makeUp")}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.missedSessionId}:${r.personId}`}>
              <td className="whitespace-normal">
                <Link to={`/people/${r.personId}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="ml-1 font-mono text-xs text-slate-500">{r.employeeNo}</span>
                <span className="block text-xs text-slate-500">{r.department}</span>
              </td>
              <td className="min-w-40 whitespace-normal">
                <Link to={`/courses/${r.courseId}`} className="block hover:underline">
                  {r.courseTitle}
                </Link>
                <span className="block text-xs text-slate-500">{time(r)}</span>
                {/* On a phone the reason sits here instead of in its own column. */}
                <span className="mt-1 flex flex-wrap items-center gap-1 text-xs sm:hidden">
                  <span className="badge bg-slate-100 text-slate-700">{t(`makeUps.why.${r.why}`)}</span>
                  {r.candidateCount !== null ? (
                    <span className={r.candidateCount ? "text-slate-600" : "text-red-700"}>
                      {t("makeUps.list.candidatesInline", { count: r.candidateCount })}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="hidden whitespace-nowrap sm:table-cell">
                <span className="badge bg-slate-100 text-slate-700">{t(`makeUps.why.${r.why}`)}</span>
              </td>
              {view === "owed" ? (
                <td className="hidden whitespace-nowrap text-sm sm:table-cell">{fmt.date(r.endsAt)}</td>
              ) : null}
              {view === "owed" ? (
                <td className="hidden text-right tabular-nums sm:table-cell">
                  {r.candidateCount ? (
                    r.candidateCount
                  ) : (
                    <span className="text-xs text-red-700">{t("makeUps.list.noCandidates")}</span>
                  )}
                </td>
              ) : null}
              {view !== "owed" ? (
                <td className="min-w-40 whitespace-normal">
                  <span className={`badge ${STANDING_STYLE[r.standing]}`}>{t(`makeUps.standing.${r.standing}`)}</span>
                  {r.makeUp && r.standing !== "OWED" ? (
                    <span className="mt-1 block text-xs text-slate-600">
                      {time(r.makeUp)} · {r.makeUp.location}
                      <span className="block">{r.makeUp.courseTitle}</span>
                    </span>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
