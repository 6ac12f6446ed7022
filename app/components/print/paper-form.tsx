import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { PrintButton } from "~/components/plan/print-button";
import { useFormat } from "~/components/use-format";
import type { FormApproval, FormSigner } from "~/workflow/form-approval";

// Rows never break across pages and table headers repeat, so a long list still reads as one form.
const pageCss = (orientation: "portrait" | "landscape") => `@page { size: A4 ${orientation}; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  .paper-form thead { display: table-header-group; }
  .paper-form tr, .paper-form .keep { break-inside: avoid; page-break-inside: avoid; }
}`;

export const CELL = "border border-slate-500 px-1.5 py-1 align-top";
export const HEAD = `${CELL} bg-slate-100 text-center font-semibold align-middle print:bg-transparent`;

/** The page as the paper form: the company, the form's name, its heading line, then the form itself. */
export function PaperForm(props: {
  orientation: "portrait" | "landscape";
  back: { to: string; label: string };
  exportHref: string;
  companyName: string;
  formName: string;
  heading: [ReactNode, ReactNode];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const width = props.orientation === "portrait" ? "max-w-[186mm]" : "max-w-[273mm]";
  return (
    <div
      className={`paper-form mx-auto ${width} bg-white p-4 text-[12px] text-black sm:p-6 print:max-w-none print:p-0`}
    >
      <style>{pageCss(props.orientation)}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link to={props.back.to} className="btn-link">
          ← {props.back.label}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={props.exportHref} className="btn-secondary">
            {t("plan.export")}
          </a>
          <PrintButton />
        </div>
      </div>
      <p className="text-center text-sm">{props.companyName}</p>
      <h1 className="mt-1 text-center text-xl font-bold tracking-widest">{props.formName}</h1>
      <div className="mt-3 flex flex-wrap justify-between gap-2 text-xs">
        <span>{props.heading[0]}</span>
        <span>{props.heading[1]}</span>
      </div>
      {props.children}
    </div>
  );
}

/** The revision's approval as the system recorded it, then blank lines for the signatures on paper. */
export function ApprovalAndSignatures({
  approval,
  preparedBy,
  approvedBy,
}: {
  approval: FormApproval;
  preparedBy: string;
  approvedBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const recorded = (label: string, who: FormSigner | null) => (
    <span>
      {label}
      {t("training.colon")}
      {who ? `${who.name} ${format.dateTime(who.at)}` : t("workflow.form.none")}
      {who?.note ? ` ${t("workflow.form.note", { note: who.note })}` : ""}
    </span>
  );
  const line = (label: string) => (
    <div className="flex flex-1 items-end gap-2 whitespace-nowrap">
      <span>{label}</span>
      <span className="h-6 min-w-[7rem] flex-1 border-b border-slate-600" />
      <span>
        {t("workflow.form.date")}
        {t("training.colon")}
      </span>
      <span className="h-6 w-24 border-b border-slate-600" />
    </div>
  );
  return (
    <div className="keep mt-4 space-y-6">
      <p className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
        <span className="font-semibold">{t("workflow.form.record")}</span>
        {recorded(t("workflow.form.submitted"), approval.submitted)}
        {recorded(t("workflow.form.approved"), approval.approved)}
      </p>
      <div className="flex flex-wrap gap-x-10 gap-y-6 text-[12px]">
        {line(`${preparedBy}${t("training.colon")}`)}
        {line(`${approvedBy}${t("training.colon")}`)}
      </div>
    </div>
  );
}
