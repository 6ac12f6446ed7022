// The monthly plan (月度培训计划) as a workbook laid out like its printed form: A4 landscape, the items
// as a bordered table with totals, the approval record and the signature lines.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { fromUnits } from "~/domain/plan/fields";
import { formSheet } from "~/utils/form-sheet.server";
import { workbookBytes } from "~/utils/workbook.server";

import { itemLecturers, itemSource } from "./monthly-plan-form";
import type { MonthlyPlanForm } from "./monthly-plan-form.server";

const COLUMNS = ["no", "title", "category", "source", "targetPeople", "headcount", "sessions", "lecturer", "budget"];
const WIDTHS = [6, 26, 14, 30, 22, 8, 8, 24, 14];
const yuan = (fen: number) => Number(fromUnits(fen, 2));

export async function monthlyPlanWorkbook(
  t: TFunction,
  form: MonthlyPlanForm,
  settings: { companyName: string; timeZone: string; locale: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const formName = t("monthlyPlan.print.formName");
  const sheet = formSheet(workbook, formName, { orientation: "landscape", widths: WIDTHS });
  const { plan, items, totals } = form;
  sheet.wide(settings.companyName, { size: 11 }, "center");
  sheet.wide(formName, { size: 16, bold: true }, "center").height = 26;
  sheet.wide(
    [
      t("monthlyPlan.print.month", { year: plan.year, month: plan.month }),
      plan.title,
      t("workflow.revision", { revision: plan.revision }),
      t(`workflow.states.${plan.state}`),
    ].join(" · "),
  );
  const { head } = sheet.table(
    COLUMNS.map((k) => t(`monthlyPlan.print.columns.${k}`)),
    items.map((item, i) => [
      i + 1,
      item.title,
      t(`training.categories.${item.category}`),
      itemSource(t, item),
      item.targetPeople,
      item.headcount,
      item.sessions,
      itemLecturers(t, item),
      yuan(item.budgetFen),
    ]),
    { numeric: [1, 6, 7], money: [9] },
  );
  const {
    rows: [total],
  } = sheet.table(
    null,
    [[t("monthlyPlan.total"), null, null, null, null, totals.headcount, totals.sessions, null, yuan(totals.budgetFen)]],
    { numeric: [6, 7], money: [9] },
  );
  sheet.ws.mergeCells(total.number, 1, total.number, 5);
  total.font = { bold: true };
  if (head) sheet.ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  sheet.signatures(
    t,
    form.approval,
    { preparedBy: t("monthlyPlan.print.preparedBy"), approvedBy: t("monthlyPlan.print.approvedBy") },
    settings.locale,
    settings.timeZone,
  );
  return workbookBytes(workbook);
}
