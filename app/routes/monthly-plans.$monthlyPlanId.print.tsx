import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalAndSignatures, CELL, HEAD, PaperForm } from "~/components/print/paper-form";
import { formatYuan } from "~/components/training/format";
import { itemLecturers, itemSource } from "~/domain/monthly-plan/monthly-plan-form";
import { monthlyPlanForm } from "~/domain/monthly-plan/monthly-plan-form.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// Outside the signed-in layout on purpose: the page is the paper form (月度培训计划), nothing else.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.form.plan.title : "TrainGate" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { monthlyPlanId } = getParams(params, z.object({ monthlyPlanId: Id }));
  await requirePermission(request, "read:monthly-plan");
  const form = await monthlyPlanForm(monthlyPlanId);
  invariantResponse(form, "Not found", { status: 404 });
  return { form, companyName: (await getSettings()).companyName };
}

const COLUMNS = ["no", "title", "category", "source", "targetPeople", "headcount", "sessions", "lecturer", "budget"];

export default function MonthlyPlanPrintPage() {
  const { t } = useTranslation();
  const { form, companyName } = useLoaderData<typeof loader>();
  const { plan, items, totals } = form;
  const num = `${CELL} text-right tabular-nums`;
  return (
    <PaperForm
      orientation="landscape"
      back={{ to: `/monthly-plans/${plan.id}`, label: plan.title }}
      exportHref={`/monthly-plans/${plan.id}/export`}
      companyName={companyName}
      formName={t("monthlyPlan.print.formName")}
      heading={[
        t("monthlyPlan.print.month", { year: plan.year, month: plan.month }),
        [plan.title, t("workflow.revision", { revision: plan.revision }), t(`workflow.states.${plan.state}`)].join(
          " · ",
        ),
      ]}
    >
      <table className="mt-2 w-full border-collapse text-[11px]">
        <colgroup>
          {["5%", "16%", "9%", "17%", "14%", "6%", "6%", "15%", "12%"].map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((k) => (
              <th key={k} className={HEAD}>
                {t(`monthlyPlan.print.columns.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td className={`${CELL} text-center`} colSpan={COLUMNS.length}>
                {t("monthlyPlan.noItems")}
              </td>
            </tr>
          ) : null}
          {items.map((item, index) => (
            <tr key={item.id}>
              <td className={`${CELL} text-center`}>{index + 1}</td>
              <td className={CELL}>{item.title}</td>
              <td className={CELL}>{t(`training.categories.${item.category}`)}</td>
              <td className={CELL}>{itemSource(t, item)}</td>
              <td className={CELL}>{item.targetPeople}</td>
              <td className={num}>{item.headcount}</td>
              <td className={num}>{item.sessions}</td>
              <td className={CELL}>{itemLecturers(t, item)}</td>
              <td className={num}>{formatYuan(item.budgetFen)}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td className={`${CELL} text-center`} colSpan={5}>
              {t("monthlyPlan.total")}
            </td>
            <td className={num}>{totals.headcount}</td>
            <td className={num}>{totals.sessions}</td>
            <td className={CELL}></td>
            <td className={num}>{formatYuan(totals.budgetFen)}</td>
          </tr>
        </tbody>
      </table>
      <ApprovalAndSignatures
        approval={form.approval}
        preparedBy={t("monthlyPlan.print.preparedBy")}
        approvedBy={t("monthlyPlan.print.approvedBy")}
      />
    </PaperForm>
  );
}
