// The survey's summary as a workbook: every need line, then the roll-ups the summary page shows.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { fromUnits } from "~/domain/plan/fields";
import { workbookBytes } from "~/utils/workbook.server";

import { summarizeNeeds, type SubmittedNeed } from "./needs-queries.server";

const yuan = (fen: number) => Number(fromUnits(fen, 2));

export async function needsWorkbook(
  t: TFunction,
  year: number,
  needs: SubmittedNeed[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const detail = workbook.addWorksheet(t("needs.xlsx.detail"));
  detail.columns = [
    { header: t("needs.fields.department"), width: 12 },
    { header: t("needs.item.topic"), width: 24 },
    { header: t("needs.item.category"), width: 14 },
    { header: t("needs.item.targetPeople"), width: 18 },
    { header: t("needs.item.headcount"), width: 8 },
    { header: t("needs.item.monthsShort"), width: 14 },
    { header: t("needs.item.hours"), width: 8 },
    { header: t("needs.item.delivery"), width: 8 },
    { header: t("needs.item.cost"), width: 12 },
    { header: t("needs.item.priority"), width: 8 },
    { header: t("needs.item.reason"), width: 40 },
    { header: t("needs.item.problemArea"), width: 30 },
  ];
  for (const n of needs) {
    detail.addRow([
      n.form.department.name,
      n.topic,
      t(`training.categories.${n.category}`),
      n.targetPeople,
      n.headcount,
      n.months.join(t("training.listSeparator")),
      Number(fromUnits(n.hoursTenths, 1)),
      t(`training.delivery.${n.delivery}`),
      yuan(n.costFen),
      t(`training.priority.${n.priority}`),
      n.reason,
      n.problemArea ?? "",
    ]);
  }
  detail.getColumn(9).numFmt = "#,##0.00";
  const summary = summarizeNeeds(needs);
  // Months carry no cost: a need wanted in two months costs once.
  const rollup = (
    name: string,
    rows: typeof summary.byCategory,
    label: (key: string, text: string) => string,
    withCost = true,
  ) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [
      { header: t("needs.summary.group"), width: 16 },
      { header: t("needs.summary.needs"), width: 10 },
      { header: t("needs.summary.headcount"), width: 10 },
      ...(withCost ? [{ header: t("needs.summary.cost"), width: 14 }] : []),
    ];
    for (const r of rows)
      sheet.addRow([label(r.key, r.label), r.needs, r.headcount, ...(withCost ? [yuan(r.costFen)] : [])]);
    sheet.getColumn(4).numFmt = "#,##0.00";
  };
  rollup(t("needs.summary.byCategory"), summary.byCategory, (key) => t(`training.categories.${key}`));
  rollup(t("needs.summary.byDepartment"), summary.byDepartment, (_, label) => label);
  rollup(t("needs.summary.byMonth"), summary.byMonth, (key) => t(`training.monthShort.${key}`), false);
  for (const sheet of workbook.worksheets) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  workbook.title = t("needs.xlsx.title", { year });
  return workbookBytes(workbook);
}
