// The budget page as a workbook: the year's budget and cap against the plans and the courses, then the
// annual items (with the unplanned ones), the months and the categories, as the page shows them.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import type { yearBudget } from "~/domain/course/budget-queries.server";
import { overBy } from "~/domain/course/budget-rules";
import { fromUnits } from "~/domain/plan/fields";
import { formSheet, type Cell } from "~/utils/form-sheet.server";
import { workbookBytes } from "~/utils/workbook.server";

type YearBudget = Awaited<ReturnType<typeof yearBudget>>;
const yuan = (fen: number | null) =>
  fen === null ? null : fen < 0 ? -Number(fromUnits(-fen, 2)) : Number(fromUnits(fen, 2));

export async function budgetWorkbook(t: TFunction, b: YearBudget, companyName: string) {
  const workbook = new ExcelJS.Workbook();
  const title = `${t("budget.title")} · ${b.year}`;
  const sheet = formSheet(workbook, t("budget.fileName", { year: b.year }), {
    orientation: "landscape",
    widths: [30, 16, 16, 16, 16, 16],
  });
  const heading = (text: string) => {
    sheet.ws.addRow([]);
    sheet.wide(text, { bold: true });
  };
  sheet.wide(companyName, { size: 11 }, "center");
  sheet.wide(title, { size: 16, bold: true }, "center").height = 26;

  heading(t("budget.sheet.summary"));
  sheet.table(
    [t("budget.company.amount"), t("budget.company.cap"), "", "", "", ""],
    [[yuan(b.budget.amountFen), yuan(b.budget.capFen), null, null, null, null]],
    { money: [1, 2] },
  );
  sheet.table(
    [t("budget.company.cols.what"), t("budget.company.cols.used"), t("budget.company.cols.remaining"), "", "", ""],
    (["annual", "monthly", "courses"] as const).map((k) => [
      t(`budget.company.rows.${k}`),
      yuan(b.against[k].usedFen),
      yuan(b.against[k].remainingFen),
      null,
      null,
      null,
    ]),
    { money: [2, 3] },
  );

  const cols = (first: string) => [
    first,
    t("budget.cols.annual"),
    t("budget.cols.planned"),
    t("budget.cols.committed"),
    t("budget.cols.pending"),
    t("budget.cols.status"),
  ];
  const status = (line: { plannedFen: number; committedFen: number; pendingFen: number }) =>
    overBy(line) > 0 ? t("budget.over", { amount: fromUnits(overBy(line), 2) }) : t("budget.ok");

  heading(t("budget.byAnnualItem"));
  const items: Cell[][] = b.annualItems.map((a) => [
    a.title,
    yuan(a.plannedFen),
    yuan(a.monthlyPlannedFen),
    yuan(a.committedFen),
    yuan(a.pendingFen),
    status(a),
  ]);
  items.push([
    t("budget.unplanned"),
    null,
    yuan(b.unplanned.monthlyPlannedFen),
    yuan(b.unplanned.committedFen),
    yuan(b.unplanned.pendingFen),
    status(b.unplanned),
  ]);
  sheet.table(cols(t("budget.cols.item")), items, { money: [2, 3, 4, 5] });

  heading(t("budget.byMonth"));
  sheet.table(
    cols(t("budget.cols.month")),
    [
      ...b.byMonth.map((m) => [
        t(`training.monthShort.${m.month}`),
        yuan(b.annualByMonth[m.month - 1]),
        yuan(m.plannedFen),
        yuan(m.committedFen),
        yuan(m.pendingFen),
        status(m),
      ]),
      [
        t("budget.total"),
        yuan(b.annualByMonth.reduce((s, v) => s + v, 0)),
        yuan(b.total.plannedFen),
        yuan(b.total.committedFen),
        yuan(b.total.pendingFen),
        null,
      ],
    ],
    { money: [2, 3, 4, 5] },
  );

  heading(t("budget.byCategory"));
  sheet.table(
    cols(t("budget.cols.category"))
      .filter((_, i) => i !== 1)
      .concat(""),
    b.byCategory.map((c) => [
      t(`training.categories.${c.category}`),
      yuan(c.plannedFen),
      yuan(c.committedFen),
      yuan(c.pendingFen),
      status(c),
      null,
    ]),
    { money: [2, 3, 4] },
  );
  return workbookBytes(workbook);
}
