import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { PrintButton } from "~/components/plan/print-button";
import { formatHours, formatMonths, formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { planPage } from "~/domain/plan/plan-page.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// Outside the signed-in layout on purpose: the page is the paper form, nothing else.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.plan.title}` : "TrainGate" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { planId } = getParams(params, z.object({ planId: Id }));
  const auth = await requirePermission(request, "read:annual-plan");
  const page = await planPage(planId, auth.user.roles);
  invariantResponse(page, "Not found", { status: 404 });
  const { companyName } = await getSettings();
  const submitted = page.decisions.find((d) => d.action === "SUBMIT" && d.revision === page.plan.revision);
  const approved =
    page.plan.state === "APPROVED"
      ? page.decisions.find((d) => d.action === "APPROVE" && d.revision === page.plan.revision)
      : undefined;
  const totals = { ...page.totals, headcount: page.items.reduce((sum, i) => sum + i.headcount, 0) };
  return { plan: page.plan, items: page.items, totals, companyName, submitted, approved };
}

const PAGE_CSS = "@page { size: A4 landscape; margin: 12mm; } @media print { html, body { background: #fff; } }";

export default function PlanPrintPage() {
  const { t } = useTranslation();
  const { plan, items, totals, companyName, submitted, approved } = useLoaderData<typeof loader>();
  const format = useFormat();
  const cell = "border border-slate-400 px-1.5 py-1";
  const sign = (label: string, who?: { actorName: string; at: string | Date }) => (
    <div className="flex items-end gap-2">
      <span>
        {label}
        {t("training.colon")}
      </span>
      <span className="min-w-[8rem] border-b border-slate-500 px-1">{who?.actorName ?? ""}</span>
      <span>
        {t("plan.printView.date")}
        {t("training.colon")}
      </span>
      <span className="min-w-[7rem] border-b border-slate-500 px-1">{who ? format.date(who.at) : ""}</span>
    </div>
  );
  return (
    <div className="mx-auto max-w-[277mm] bg-white p-6 text-[12px] text-black print:p-0">
      <style>{PAGE_CSS}</style>
      <div className="mb-4 flex items-center justify-between gap-2 print:hidden">
        <Link to={`/plans/${plan.id}`} className="btn-link">
          ← {plan.title}
        </Link>
        <PrintButton />
      </div>
      <p className="text-center text-sm">{companyName}</p>
      <h1 className="mt-1 text-center text-xl font-bold tracking-widest">{t("plan.formName")}</h1>
      <div className="mt-2 flex justify-between text-xs">
        <span>{t("plan.printView.year", { year: plan.year })}</span>
        <span>
          {t("workflow.revision", { revision: plan.revision })} · {t(`workflow.states.${plan.state}`)}
        </span>
      </div>
      <table className="mt-2 w-full border-collapse text-[11px]">
        <thead>
          <tr className="bg-slate-100 print:bg-transparent">
            {[
              "no",
              "title",
              "category",
              "months",
              "targetPeople",
              "headcount",
              "department",
              "sessions",
              "hoursPerSession",
              "totalHours",
              "delivery",
              "lecturer",
              "budget",
            ].map((k) => (
              <th key={k} className={`${cell} font-semibold`}>
                {t(`plan.printView.columns.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.id} className="break-inside-avoid">
              <td className={`${cell} text-center`}>{index + 1}</td>
              <td className={cell}>{item.title}</td>
              <td className={cell}>{t(`training.categories.${item.category}`)}</td>
              <td className={cell}>{formatMonths(t, item.months)}</td>
              <td className={cell}>{item.targetPeople}</td>
              <td className={`${cell} text-right`}>{item.headcount || "—"}</td>
              <td className={cell}>{item.department ?? "—"}</td>
              <td className={`${cell} text-right`}>{item.sessions}</td>
              <td className={`${cell} text-right`}>{formatHours(item.hoursTenths)}</td>
              <td className={`${cell} text-right`}>{formatHours(item.sessions * item.hoursTenths)}</td>
              <td className={cell}>{t(`training.delivery.${item.delivery}`)}</td>
              <td className={cell}>
                {t("plan.printView.lecturerWithType", {
                  name: item.lecturer ?? t("plan.item.lecturerTbd"),
                  type: t(`training.lecturer.${item.lecturerType}`),
                })}
              </td>
              <td className={`${cell} text-right`}>{formatYuan(item.budgetFen)}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td className={cell} colSpan={5}>
              {t("plan.totals.total")}
            </td>
            <td className={`${cell} text-right`}>{totals.headcount}</td>
            <td className={cell}></td>
            <td className={`${cell} text-right`}>{totals.total.sessions}</td>
            <td className={cell}></td>
            <td className={`${cell} text-right`}>{formatHours(totals.total.hoursTenths)}</td>
            <td className={cell} colSpan={2}></td>
            <td className={`${cell} text-right`}>{formatYuan(totals.total.budgetFen)}</td>
          </tr>
        </tbody>
      </table>
      <div className="mt-8 flex flex-wrap justify-between gap-6 text-xs">
        {sign(t("plan.printView.preparedBy"), submitted)}
        {sign(t("plan.printView.approvedBy"), approved)}
      </div>
    </div>
  );
}
