import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConfirmDelete } from "~/components/confirm";
import { formatHours, formatMonths, formatYuan } from "~/components/training/format";
import type { SnapshotItem } from "~/domain/plan/plan-rules";

type Need = { id: string; topic: string; department: string };

/** The plan's items: the body of 《年度培训计划表》. */
export function PlanItemsTable({
  items,
  needs,
  editable,
}: {
  items: SnapshotItem[];
  needs: Need[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const needById = new Map(needs.map((n) => [n.id, n]));
  const headcountOf = (item: SnapshotItem) => (item.headcount ? t("plan.item.people", { count: item.headcount }) : "—");
  const lecturerOf = (item: SnapshotItem) => item.lecturer ?? t("plan.item.lecturerTbd");
  if (items.length === 0) return <p className="card p-8 text-center text-sm text-slate-500">{t("plan.noItems")}</p>;
  return (
    <>
      {/* Phones get one card per item; the full table needs a wider screen. */}
      <ol className="space-y-2 sm:hidden">
        {items.map((item, index) => (
          <li key={item.id} className="card p-3 text-sm">
            <p className="font-medium">
              {index + 1}. {item.title}
            </p>
            <p className="mt-0.5 text-xs text-slate-600">
              {[
                t(`training.categories.${item.category}`),
                formatMonths(t, item.months),
                t("plan.item.sessionsTimesHours", { sessions: item.sessions, hours: formatHours(item.hoursTenths) }),
                formatYuan(item.budgetFen),
              ].join(" · ")}
            </p>
            <p className="text-xs text-slate-500">
              {item.targetPeople} · {headcountOf(item)} · {t(`training.delivery.${item.delivery}`)}
            </p>
            <p className="text-xs text-slate-500">
              {t("plan.item.department")}
              {t("training.colon")}
              {item.department ?? "—"} · {t("plan.item.lecturer")}
              {t("training.colon")}
              {lecturerOf(item)}
            </p>
            {editable ? (
              <Link to={`items/${item.id}`} className="btn-link mt-1 inline-block">
                {t("common.edit")}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="card hidden overflow-x-auto sm:block">
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t("plan.item.title")}</th>
              <th>{t("plan.item.category")}</th>
              <th>{t("plan.item.monthsShort")}</th>
              <th className="hidden lg:table-cell">{t("plan.item.targetPeople")}</th>
              <th className="!text-right">{t("plan.item.headcount")}</th>
              <th>{t("plan.item.department")}</th>
              <th className="!text-right">{t("plan.item.sessions")}</th>
              <th className="!text-right">{t("plan.item.hoursShort")}</th>
              <th>{t("plan.item.lecturer")}</th>
              <th className="!text-right">{t("plan.item.budget")}</th>
              {editable ? <th>{t("common.actions")}</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item, index) => (
              <tr key={item.id}>
                <td className="tabular-nums text-slate-500">{index + 1}</td>
                <td className="min-w-[12rem] whitespace-normal">
                  <span className="font-medium">{item.title}</span>{" "}
                  <span className="text-xs text-slate-500">{t(`training.delivery.${item.delivery}`)}</span>
                  {item.needIds.length > 0 ? (
                    <ul className="mt-0.5 text-xs text-slate-500" aria-label={t("plan.item.needs")}>
                      {item.needIds
                        .map((id) => needById.get(id))
                        .filter(Boolean)
                        .map((n) => (
                          <li key={n!.id}>
                            ↳ {n!.department} · {n!.topic}
                          </li>
                        ))}
                    </ul>
                  ) : null}
                </td>
                <td className="text-xs">{t(`training.categories.${item.category}`)}</td>
                <td className="text-xs">{formatMonths(t, item.months)}</td>
                <td className="hidden whitespace-normal text-xs lg:table-cell">{item.targetPeople}</td>
                <td className="text-right tabular-nums">{item.headcount || "—"}</td>
                <td className="text-xs">{item.department ?? "—"}</td>
                <td className="text-right tabular-nums">{item.sessions}</td>
                <td className="text-right tabular-nums">{formatHours(item.hoursTenths)}</td>
                <td className="whitespace-normal text-xs">
                  {lecturerOf(item)}
                  <span className="block text-slate-500">{t(`training.lecturer.${item.lecturerType}`)}</span>
                </td>
                <td className="text-right tabular-nums">{formatYuan(item.budgetFen)}</td>
                {editable ? (
                  <td>
                    <div className="flex gap-3">
                      <Link to={`items/${item.id}`} className="btn-link">
                        {t("common.edit")}
                      </Link>
                      <ConfirmDelete
                        label={t("plan.deleteItem")}
                        name={item.title}
                        fields={{ intent: "deleteItem", itemId: item.id }}
                      />
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Totals = {
  byMonth: Array<{ month: number; sessions: number; hoursTenths: number; budgetFen: number }>;
  byCategory: Array<{ category: string; items: number; sessions: number; hoursTenths: number; budgetFen: number }>;
  total: { items: number; sessions: number; hoursTenths: number; budgetFen: number };
};

/** Hours and budget by month and by category. */
export function PlanTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <section className="grid gap-5 lg:grid-cols-2">
      <div className="card overflow-x-auto">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t("plan.totals.byMonth")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("plan.totals.month")}</th>
              <th className="!text-right">{t("plan.item.sessions")}</th>
              <th className="!text-right">{t("plan.totals.hours")}</th>
              <th className="!text-right">{t("plan.item.budget")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {totals.byMonth.map((m) => (
              <tr key={m.month} className={m.sessions === 0 ? "text-slate-400" : ""}>
                <td>{t(`training.monthShort.${m.month}`)}</td>
                <td className="text-right tabular-nums">{m.sessions}</td>
                <td className="text-right tabular-nums">{formatHours(m.hoursTenths)}</td>
                <td className="text-right tabular-nums">{formatYuan(m.budgetFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card self-start overflow-x-auto">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t("plan.totals.byCategory")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("plan.item.category")}</th>
              <th className="!text-right">{t("plan.fields.items")}</th>
              <th className="!text-right">{t("plan.totals.hours")}</th>
              <th className="!text-right">{t("plan.item.budget")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {totals.byCategory.map((c) => (
              <tr key={c.category}>
                <td>{t(`training.categories.${c.category}`)}</td>
                <td className="text-right tabular-nums">{c.items}</td>
                <td className="text-right tabular-nums">{formatHours(c.hoursTenths)}</td>
                <td className="text-right tabular-nums">{formatYuan(c.budgetFen)}</td>
              </tr>
            ))}
            <tr className="font-semibold">
              <td>{t("plan.totals.total")}</td>
              <td className="text-right tabular-nums">{totals.total.items}</td>
              <td className="text-right tabular-nums">{formatHours(totals.total.hoursTenths)}</td>
              <td className="text-right tabular-nums">{formatYuan(totals.total.budgetFen)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
