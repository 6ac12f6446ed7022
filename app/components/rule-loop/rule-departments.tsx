import { useTranslation } from "react-i18next";

import { MissRate } from "./figures";

type Row = { id: string; name: string; answered: number; wrong: number; breaches: number; missRate: number | null };

/** One rule's miss rate and breaches per department (teams counted with their department). */
export function RuleDepartments({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <section className="card overflow-x-auto" aria-labelledby="rule-departments">
      <h2 id="rule-departments" className="border-b border-slate-200 px-4 py-3 font-semibold">
        {t("ruleLoop.detail.byDepartment")}
      </h2>
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">{t("ruleLoop.detail.noDepartmentFigures")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("ruleLoop.filter.department")}</th>
              <th className="!text-right">{t("ruleLoop.cols.missRate")}</th>
              <th className="!text-right">{t("ruleLoop.cols.breaches")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="font-medium">{r.name}</td>
                <td className="text-right">
                  <MissRate rate={r.missRate} wrong={r.wrong} answered={r.answered} />
                </td>
                <td className="text-right tabular-nums">{r.breaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
