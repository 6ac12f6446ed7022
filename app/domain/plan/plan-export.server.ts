// 《年度培训计划表》 as a workbook: the items as on paper, then hours and budget by month and category.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { workbookBytes } from "~/utils/workbook.server";

import { fromUnits } from "./fields";
import type { planPage } from "./plan-page.server";

type Page = NonNullable<Awaited<ReturnType<typeof planPage>>>;
const yuan = (fen: number) => Number(fromUnits(fen, 2));
const hours = (tenths: number) => Number(fromUnits(tenths, 1));

export async function planWorkbook(t: TFunction, page: Page): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("plan.formName"));
  const keys = [
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
    "lecturerType",
    "lecturer",
    "budget",
    "needs",
  ] as const;
  const widths = [6, 26, 14, 16, 20, 8, 12, 8, 10, 10, 8, 10, 16, 12, 40];
  sheet.addRow([
    [
      page.plan.title,
      t("workflow.revision", { revision: page.plan.revision }),
      t(`workflow.states.${page.plan.state}`),
    ].join(" · "),
  ]).font = { bold: true, size: 14 };
  sheet.addRow(keys.map((k) => (k === "needs" ? t("plan.item.needs") : t(`plan.printView.columns.${k}`)))).font = {
    bold: true,
  };
  const needTitle = new Map(page.needs.map((n) => [n.id, `${n.department}·${n.topic}`]));
  page.items.forEach((item, i) => {
    sheet.addRow([
      i + 1,
      item.title,
      t(`training.categories.${item.category}`),
      item.months.join(t("training.listSeparator")),
      item.targetPeople,
      item.headcount || "",
      item.department ?? "",
      item.sessions,
      hours(item.hoursTenths),
      hours(item.sessions * item.hoursTenths),
      t(`training.delivery.${item.delivery}`),
      t(`training.lecturer.${item.lecturerType}`),
      item.lecturer ?? t("plan.item.lecturerTbd"),
      yuan(item.budgetFen),
      item.needIds.map((id) => needTitle.get(id) ?? "").join(t("training.itemSeparator")),
    ]);
  });
  sheet.addRow([
    t("plan.totals.total"),
    "",
    "",
    "",
    "",
    page.items.reduce((sum, i) => sum + i.headcount, 0),
    "",
    page.totals.total.sessions,
    "",
    hours(page.totals.total.hoursTenths),
    "",
    "",
    "",
    yuan(page.totals.total.budgetFen),
  ]).font = { bold: true };
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(keys.indexOf("budget") + 1).numFmt = "#,##0.00";
  sheet.views = [{ state: "frozen", ySplit: 2 }];

  const months = workbook.addWorksheet(t("plan.totals.byMonth"));
  months.addRow([t("plan.totals.month"), t("plan.item.sessions"), t("plan.totals.hours"), t("plan.item.budget")]).font =
    { bold: true };
  for (const m of page.totals.byMonth)
    months.addRow([t(`training.monthShort.${m.month}`), m.sessions, hours(m.hoursTenths), yuan(m.budgetFen)]);
  const categories = workbook.addWorksheet(t("plan.totals.byCategory"));
  categories.addRow([
    t("plan.item.category"),
    t("plan.fields.items"),
    t("plan.totals.hours"),
    t("plan.item.budget"),
  ]).font = { bold: true };
  for (const c of page.totals.byCategory)
    categories.addRow([t(`training.categories.${c.category}`), c.items, hours(c.hoursTenths), yuan(c.budgetFen)]);
  for (const s of [months, categories]) {
    s.columns.forEach((c) => (c.width = 14));
    s.getColumn(4).numFmt = "#,##0.00";
  }
  return workbookBytes(workbook);
}
