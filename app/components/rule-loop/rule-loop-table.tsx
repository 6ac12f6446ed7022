import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useLocalized } from "~/utils/localized";

import { Enforced, MissRate, RedLine } from "./figures";

type Row = {
  ruleId: string;
  titleZh: string;
  titleEn: string;
  redLine: boolean;
  courses: number;
  sessions: number;
  questions: number;
  answered: number;
  wrong: number;
  missRate: number | null;
  enforced: boolean;
  breaches: number;
};

/** One row per rule: a table on wide screens, a card per rule on a phone. */
export function RuleLoopTable({ rows, year, department }: { rows: Row[]; year: number; department: string | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const href = (id: string) => `/rule-loop/${id}?year=${year}${department ? `&department=${department}` : ""}`;
  const title = (r: Row) => (
    <span className="flex min-w-0 flex-wrap items-center gap-2">
      <Link to={href(r.ruleId)} className="font-mono font-semibold text-brand-700 hover:underline">
        {r.ruleId}
      </Link>
      <span>{localized(r.titleZh, r.titleEn)}</span>
      {r.redLine ? <RedLine /> : null}
    </span>
  );
  return (
    <>
      <section className="card hidden overflow-x-auto md:block">
        <table className="table">
          <caption className="sr-only">{t("ruleLoop.tableCaption", { year })}</caption>
          <thead>
            <tr>
              <th>{t("ruleLoop.cols.rule")}</th>
              <th className="!text-right">{t("ruleLoop.cols.courses")}</th>
              <th className="!text-right">{t("ruleLoop.cols.questions")}</th>
              <th className="!text-right">{t("ruleLoop.cols.missRate")}</th>
              <th>{t("ruleLoop.cols.enforced")}</th>
              <th className="!text-right">{t("ruleLoop.cols.breaches")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.ruleId}>
                <td>{title(r)}</td>
                <td className="text-right tabular-nums">
                  {r.courses}
                  <span className="ml-1 text-xs text-slate-500">{t("ruleLoop.sessions", { count: r.sessions })}</span>
                </td>
                <td className="text-right tabular-nums">{r.questions}</td>
                <td className="text-right">
                  <MissRate rate={r.missRate} wrong={r.wrong} answered={r.answered} />
                </td>
                <td>
                  <Enforced enforced={r.enforced} />
                </td>
                <td className={`text-right tabular-nums ${r.breaches > 0 ? "font-semibold text-red-700" : ""}`}>
                  {r.breaches}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ul className="space-y-2 md:hidden" aria-label={t("ruleLoop.tableCaption", { year })}>
        {rows.map((r) => (
          <li key={r.ruleId} className="card p-3 text-sm">
            {title(r)}
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
              <dt className="text-slate-500">{t("ruleLoop.cols.courses")}</dt>
              <dd className="tabular-nums">
                {r.courses} · {t("ruleLoop.sessions", { count: r.sessions })}
              </dd>
              <dt className="text-slate-500">{t("ruleLoop.cols.questions")}</dt>
              <dd className="tabular-nums">{r.questions}</dd>
              <dt className="text-slate-500">{t("ruleLoop.cols.missRate")}</dt>
              <dd>
                <MissRate rate={r.missRate} wrong={r.wrong} answered={r.answered} />
              </dd>
              <dt className="text-slate-500">{t("ruleLoop.cols.enforced")}</dt>
              <dd>
                <Enforced enforced={r.enforced} />
              </dd>
              <dt className="text-slate-500">{t("ruleLoop.cols.breaches")}</dt>
              <dd className={`tabular-nums ${r.breaches > 0 ? "font-semibold text-red-700" : ""}`}>{r.breaches}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
