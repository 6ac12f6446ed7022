import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { KeysetPagination } from "~/components/keyset-pagination";
import { useFormat } from "~/components/use-format";

type When = {
  id: string;
  course: { id: string; title: string };
  location: string;
  date: string;
  start: string;
  end: string;
};
type OpenRow = When & { counts: { marked: number; unmarked: number; onLeave: number } };
type ClosedRow = When & {
  closedAt: Date | string;
  closedBy: string;
  tally: { PRESENT: number; LATE: number; ABSENT: number; EXCUSED: number };
};

type Props = {
  month: string | null;
  counts: { open: number; closed: number };
  list: ({ view: "open"; sessions: OpenRow[] } | { view: "closed"; sessions: ClosedRow[] }) & {
    next: string | null;
    previous: string | null;
  };
};

function Tabs({ view, counts }: { view: "open" | "closed"; counts: Props["counts"] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const link = (to: string) => {
    const params = new URLSearchParams(location.search);
    params.set("view", to);
    for (const k of ["page", "after", "before"]) params.delete(k);
    return `?${params}`;
  };
  return (
    <nav
      aria-label={t("archive.list.tabsLabel")}
      className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {(["open", "closed"] as const).map((v) => (
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
          {t(`archive.list.tabs.${v}`)}
          <span className="ml-1 rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">{counts[v]}</span>
        </Link>
      ))}
    </nav>
  );
}

function SessionCell({ row }: { row: When }) {
  return (
    <>
      <Link to={`/sessions/${row.id}/archive`} className="font-medium text-brand-700 hover:underline">
        {row.course.title}
      </Link>
      <span className="block text-xs text-slate-500">{row.location}</span>
    </>
  );
}

function OpenTable({ rows }: { rows: OpenRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="card p-4 text-sm text-slate-500">{t("archive.list.noneOpen")}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="table w-full text-sm">
        <thead>
          <tr>
            <th>{t("archive.list.columns.session")}</th>
            <th>{t("archive.list.columns.date")}</th>
            <th className="text-right">{t("archive.list.columns.marked")}</th>
            <th className="text-right">{t("archive.list.columns.unmarked")}</th>
            <th className="text-right">{t("archive.list.columns.onLeave")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="min-w-40">
                <SessionCell row={r} />
              </td>
              <td className="whitespace-nowrap tabular-nums">
                {r.date}
                <span className="block text-xs text-slate-500">
                  {r.start}–{r.end}
                </span>
              </td>
              <td className="text-right tabular-nums">{r.counts.marked}</td>
              <td className={`text-right tabular-nums ${r.counts.unmarked > 0 ? "font-semibold text-amber-700" : ""}`}>
                {r.counts.unmarked}
              </td>
              <td className="text-right tabular-nums">{r.counts.onLeave}</td>
              <td className="text-right">
                <Link to={`/sessions/${r.id}/archive`} className="btn-secondary whitespace-nowrap">
                  {t("archive.list.open")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClosedTable({ rows }: { rows: ClosedRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return <p className="card p-4 text-sm text-slate-500">{t("archive.list.noneClosed")}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="table w-full text-sm">
        <thead>
          <tr>
            <th>{t("archive.list.columns.session")}</th>
            <th>{t("archive.list.columns.date")}</th>
            <th>{t("archive.list.columns.outcomes")}</th>
            <th>{t("archive.list.columns.closed")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="min-w-40">
                <SessionCell row={r} />
              </td>
              <td className="whitespace-nowrap tabular-nums">{r.date}</td>
              <td className="whitespace-nowrap text-xs">{t("archive.list.tally", r.tally)}</td>
              <td className="whitespace-nowrap">
                {r.closedBy}
                <span className="block text-xs tabular-nums text-slate-500">{format.dateTime(r.closedAt)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ArchiveListPage({ month, counts, list }: Props) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">{t("archive.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("archive.list.intro")}</p>
        </div>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="view" value={list.view} />
          <label className="label" htmlFor="archive-month">
            {t("archive.list.month")}
            <input id="archive-month" type="month" name="month" defaultValue={month ?? ""} className="input mt-1" />
          </label>
          <button type="submit" className="btn-secondary">
            {t("archive.list.filter")}
          </button>
          {month ? (
            <Link to={`?view=${list.view}`} className="btn-link">
              {t("archive.list.allMonths")}
            </Link>
          ) : null}
        </Form>
      </div>
      <Tabs view={list.view} counts={counts} />
      {list.view === "open" ? <OpenTable rows={list.sessions} /> : <ClosedTable rows={list.sessions} />}
      <KeysetPagination next={list.next} previous={list.previous} />
    </div>
  );
}
