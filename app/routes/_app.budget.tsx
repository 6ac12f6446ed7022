import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AgainstBudget, CompanyBudget } from "~/components/budget/company-budget";
import { formatYuan } from "~/components/training/format";
import { setTrainingBudget } from "~/domain/budget/set-training-budget.server";
import { budgetYear } from "~/domain/budget/training-budget-queries.server";
import { BudgetIntent } from "~/domain/budget/training-budget.schema";
import { yearBudget } from "~/domain/course/budget-queries.server";
import { overBy } from "~/domain/course/budget-rules";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:training-budget");
  const year = await budgetYear(new URL(request.url).searchParams.get("year"));
  return {
    ...(await yearBudget(year)),
    may: { amount: can(user.roles, "set:training-budget"), cap: can(user.roles, "set:training-budget-cap") },
  };
}

// The training manager sets the year's budget, the general manager its cap: the permission follows the intent.
export async function action({ request }: ActionFunctionArgs) {
  const form = parseIntent(await request.formData(), BudgetIntent);
  const { actor } = await requireActor(
    request,
    form.intent === "cap" ? "set:training-budget-cap" : "set:training-budget",
  );
  if (!form.ok) return invalid(form);
  const { intent, ...figure } = form.data;
  return respond(await setTrainingBudget(actor, intent, figure), {
    form,
    redirectTo: `/budget?year=${figure.year}`,
    flash: `budget.notices.${intent}Saved`,
  });
}

export default function BudgetPage() {
  const { t } = useTranslation();
  const b = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const money = (fen: number, warn = false) => (
    <td className={`text-right tabular-nums ${warn ? "font-semibold text-red-700" : ""}`}>{formatYuan(fen)}</td>
  );
  const status = (fen: number) => (
    <td>
      {fen > 0 ? (
        <span className="badge bg-red-100 text-red-800">{t("budget.over", { amount: formatYuan(fen) })}</span>
      ) : (
        <span className="badge bg-emerald-50 text-emerald-700">{t("budget.ok")}</span>
      )}
    </td>
  );
  const head = (first: string, annual = false) => (
    <thead>
      <tr>
        <th>{first}</th>
        {annual ? <th className="!text-right">{t("budget.cols.annual")}</th> : null}
        <th className="!text-right">{t("budget.cols.planned")}</th>
        <th className="!text-right">{t("budget.cols.committed")}</th>
        <th className="!text-right">{t("budget.cols.pending")}</th>
        <th>{t("budget.cols.status")}</th>
      </tr>
    </thead>
  );
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">
            {t("budget.title")} · {b.year}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t("budget.intro")}</p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label className="label" htmlFor="year">
                {t("budget.year")}
              </label>
              <input id="year" name="year" inputMode="numeric" defaultValue={b.year} className="input w-24" />
            </div>
            <button type="submit" className="btn-secondary">
              {t("common.filter")}
            </button>
          </Form>
          <a href={`/budget.xlsx?year=${b.year}`} className="btn-secondary">
            {t("budget.export")}
          </a>
        </div>
      </div>
      <CompanyBudget budget={b.budget} may={b.may} feedback={sent ?? undefined} />
      <AgainstBudget against={b.against} />
      {!b.annualTitle ? <p className="card p-5 text-sm text-slate-500">{t("budget.noPlan")}</p> : null}
      <section className="card overflow-x-auto">
        <h2 className="px-4 pt-4 font-semibold">{t("budget.byAnnualItem")}</h2>
        <table className="table mt-2">
          {head(t("budget.cols.item"), true)}
          <tbody className="divide-y divide-slate-100">
            {b.annualItems.map((a) => (
              <tr key={a.id}>
                <td className="whitespace-normal">
                  {a.title}
                  <span className="block text-xs text-slate-500">{t(`training.categories.${a.category}`)}</span>
                </td>
                {money(a.plannedFen)}
                {money(a.monthlyPlannedFen)}
                {money(a.committedFen, overBy(a) > 0)}
                {money(a.pendingFen)}
                {status(overBy(a))}
              </tr>
            ))}
            {b.unplanned.monthlyPlannedFen > 0 || b.unplanned.committedFen + b.unplanned.pendingFen > 0 ? (
              <tr>
                <td className="whitespace-normal">
                  {t("budget.unplanned")}
                  <span className="block text-xs text-slate-500">{t("budget.unplannedNote")}</span>
                </td>
                <td className="text-right text-slate-400">—</td>
                {money(b.unplanned.monthlyPlannedFen)}
                {money(b.unplanned.committedFen, overBy(b.unplanned) > 0)}
                {money(b.unplanned.pendingFen)}
                {status(overBy(b.unplanned))}
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      <div className="space-y-5">
        <section className="card overflow-x-auto">
          <h2 className="px-4 pt-4 font-semibold">{t("budget.byMonth")}</h2>
          <table className="table mt-2">
            {head(t("budget.cols.month"), true)}
            <tbody className="divide-y divide-slate-100">
              {b.byMonth.map((m) => (
                <tr key={m.month}>
                  <td>{t(`training.monthShort.${m.month}`)}</td>
                  {money(b.annualByMonth[m.month - 1])}
                  {money(m.plannedFen)}
                  {money(m.committedFen, overBy(m) > 0)}
                  {money(m.pendingFen)}
                  {status(overBy(m))}
                </tr>
              ))}
              <tr className="font-semibold">
                <td>{t("budget.total")}</td>
                {money(b.annualByMonth.reduce((s, v) => s + v, 0))}
                {money(b.total.plannedFen)}
                {money(b.total.committedFen)}
                {money(b.total.pendingFen)}
                <td />
              </tr>
            </tbody>
          </table>
        </section>
        <section className="card overflow-x-auto">
          <h2 className="px-4 pt-4 font-semibold">{t("budget.byCategory")}</h2>
          <table className="table mt-2">
            {head(t("budget.cols.category"))}
            <tbody className="divide-y divide-slate-100">
              {b.byCategory.map((c) => (
                <tr key={c.category}>
                  <td>{t(`training.categories.${c.category}`)}</td>
                  {money(c.plannedFen)}
                  {money(c.committedFen, overBy(c) > 0)}
                  {money(c.pendingFen)}
                  {status(overBy(c))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card overflow-x-auto">
        <h2 className="px-4 pt-4 font-semibold">{t("preparation.budget.title")}</h2>
        <p className="px-4 pt-1 text-sm text-slate-500">{t("preparation.budget.intro")}</p>
        {b.feeDifferences.rows.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-500">{t("preparation.budget.none")}</p>
        ) : (
          <table className="table mt-2">
            <thead>
              <tr>
                <th>{t("preparation.budget.course")}</th>
                <th>{t("budget.cols.month")}</th>
                <th className="!text-right">{t("preparation.budget.budgeted")}</th>
                <th className="!text-right">{t("preparation.budget.agreed")}</th>
                <th className="!text-right">{t("preparation.budget.difference")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {b.feeDifferences.rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-normal">
                    <Link to={`/courses/${r.id}/preparation`} className="btn-link">
                      {r.title}
                    </Link>
                  </td>
                  <td>{t(`training.monthShort.${r.month}`)}</td>
                  {money(r.budgetedFen)}
                  {money(r.agreedFen)}
                  {money(r.differenceFen, r.differenceFen > 0)}
                </tr>
              ))}
              <tr className="font-semibold">
                <td colSpan={4}>{t("preparation.budget.total")}</td>
                {money(b.feeDifferences.totalFen, b.feeDifferences.totalFen > 0)}
              </tr>
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
