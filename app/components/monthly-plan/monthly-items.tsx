import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ApprovalBadge } from "~/components/approval-panel";
import { ConfirmDelete } from "~/components/confirm";
import { formatYuan } from "~/components/training/format";
import type { ApprovalStateName } from "~/workflow/approval-rules";

type Item = {
  id: string;
  title: string;
  category: string;
  targetPeople: string;
  headcount: number;
  sessions: number;
  budgetFen: number;
  planned: boolean;
  annualHeadcount: number | null;
  annualTitle: string | null;
  unplannedReason: string | null;
  committedFen: number;
  pendingFen: number;
  overFen: number;
  courses: Array<{ id: string; title: string; costFen: number; state: ApprovalStateName; revision: number }>;
};

/** The month's items with where each came from, its budget against its courses, and its courses. */
export function MonthlyItems({
  items,
  editable,
  canCourse,
  total,
}: {
  items: Item[];
  editable: boolean;
  canCourse: boolean;
  total: { plannedFen: number; committedFen: number; pendingFen: number };
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="card p-5 text-sm text-slate-500">{t("monthlyPlan.noItems")}</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className={`card p-4 ${item.overFen > 0 ? "border-red-300" : ""}`}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium">{item.title}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {[
                  t(`training.categories.${item.category}`),
                  item.targetPeople,
                  item.annualHeadcount === null
                    ? `${t("monthlyPlan.item.headcount")} ${item.headcount}`
                    : t("monthlyPlan.item.headcountOfAnnual", {
                        headcount: item.headcount,
                        annual: item.annualHeadcount,
                      }),
                  `${t("monthlyPlan.item.sessions")} ${item.sessions}`,
                ].join(" · ")}
              </p>
            </div>
            <span className={`badge ${item.planned ? "bg-sky-50 text-sky-700" : "bg-amber-50 text-amber-800"}`}>
              {item.planned ? t("monthlyPlan.item.fromAnnual") : t("monthlyPlan.item.unplanned")}
            </span>
          </div>
          {item.annualHeadcount !== null && item.headcount > item.annualHeadcount ? (
            <p className="mt-2 text-sm font-medium text-amber-800">
              {t("monthlyPlan.item.overHeadcount", { count: item.headcount - item.annualHeadcount })}
            </p>
          ) : null}
          {item.unplannedReason ? (
            <p className="mt-2 text-sm text-slate-600">
              {t(item.planned ? "monthlyPlan.item.plannedReason" : "monthlyPlan.item.unplannedReason")}
              {t("training.colon")}
              {item.unplannedReason}
            </p>
          ) : null}
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-xs text-slate-500">{t("monthlyPlan.fields.budget")}</dt>
              <dd className="tabular-nums">{formatYuan(item.budgetFen)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("monthlyPlan.item.committed")}</dt>
              <dd className="tabular-nums">{formatYuan(item.committedFen)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("monthlyPlan.item.pending")}</dt>
              <dd className="tabular-nums">{formatYuan(item.pendingFen)}</dd>
            </div>
          </dl>
          {item.overFen > 0 ? (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {t("monthlyPlan.item.over", { amount: formatYuan(item.overFen) })}
            </p>
          ) : null}
          {item.courses.length > 0 ? (
            <ul className="mt-3 space-y-1 border-t border-slate-100 pt-2 text-sm">
              {item.courses.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
                  <Link to={`/courses/${c.id}`} className="text-brand-700 hover:underline">
                    {c.title}
                  </Link>
                  <span className="flex items-center gap-2">
                    <span className="tabular-nums text-slate-600">{formatYuan(c.costFen)}</span>
                    <ApprovalBadge state={c.state} revision={c.revision} />
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            {canCourse ? (
              <Link to={`/courses/new/edit?item=${item.id}`} className="btn-primary">
                {t("monthlyPlan.newCourse")}
              </Link>
            ) : null}
            {editable ? (
              <>
                <Link to={`items/${item.id}`} className="btn-secondary">
                  {t("common.edit")}
                </Link>
                <ConfirmDelete
                  label={t("monthlyPlan.deleteItem")}
                  name={item.title}
                  trigger="secondary"
                  fields={{ intent: "deleteItem", itemId: item.id }}
                />
              </>
            ) : null}
          </div>
        </li>
      ))}
      <li className="flex flex-wrap justify-end gap-4 px-1 text-sm font-medium">
        <span>
          {t("monthlyPlan.total")}
          {t("training.colon")}
          {formatYuan(total.plannedFen)}
        </span>
        <span>
          {t("monthlyPlan.item.committed")}
          {t("training.colon")}
          {formatYuan(total.committedFen)}
        </span>
        <span>
          {t("monthlyPlan.item.pending")}
          {t("training.colon")}
          {formatYuan(total.pendingFen)}
        </span>
      </li>
    </ul>
  );
}

type Person = { id: string; employeeNo: string; name: string; post: string; department: { name: string } };

/**
 * Who this month's own items are for and not yet scheduled, with a one-click start for each kind of
 * item, and how many were left out because an approved course already trains them.
 */
export function PeopleToTrain({
  newHires,
  transfers,
  scheduled,
  editable,
}: {
  newHires: Person[];
  transfers: Person[];
  scheduled: { newHires: number; transfers: number };
  editable: boolean;
}) {
  const { t } = useTranslation();
  const group = (label: string, people: Person[], preset: string, addLabel: string, leftOut: string | null) => (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">{label}</p>
        {editable && people.length > 0 ? (
          <Link to={`items/new?preset=${preset}`} className="btn-link">
            {addLabel}
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        {people.length === 0
          ? t("monthlyPlan.people.none")
          : people
              .map((p) => t("training.personWith", { ...p, detail: p.department.name }))
              .join(t("training.listSeparator"))}
      </p>
      {leftOut ? <p className="text-xs text-slate-500">{leftOut}</p> : null}
    </div>
  );
  return (
    <section className="card space-y-3 p-4">
      <h2 className="font-semibold">{t("monthlyPlan.people.title")}</h2>
      {group(
        t("monthlyPlan.people.newHires", { count: newHires.length }),
        newHires,
        "NEW_HIRE",
        t("monthlyPlan.people.addNewHire"),
        scheduled.newHires > 0 ? t("monthlyPlan.people.newHiresScheduled", { count: scheduled.newHires }) : null,
      )}
      {group(
        t("monthlyPlan.people.transfers", { count: transfers.length }),
        transfers,
        "TRANSFER",
        t("monthlyPlan.people.addTransfer"),
        scheduled.transfers > 0 ? t("monthlyPlan.people.transfersScheduled", { count: scheduled.transfers }) : null,
      )}
    </section>
  );
}
