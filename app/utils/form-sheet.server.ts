// A worksheet laid out like a printed form: title rows across the page, bordered tables, A4 page setup
// that fits the width, and the approval record and signature lines at the foot. Exports that hand out a
// paper form as a workbook build it with these, and write it with workbookBytes (formula-like text quoted).
import type ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import type { FormApproval, FormSigner } from "~/workflow/form-approval";

import { formatDateTime } from "./format";

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
export const YUAN_FORMAT = "#,##0.00";

export type Cell = string | number | null;

export function formSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  { orientation, widths }: { orientation: "portrait" | "landscape"; widths: number[] },
) {
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  const ws = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.47, right: 0.47, top: 0.47, bottom: 0.47, header: 0.2, footer: 0.2 },
    },
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = widths.length;

  /** A line across the whole width (title, company, notes). */
  const wide = (text: string, font: Partial<ExcelJS.Font> = {}, align: "center" | "left" = "left") => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.font = font;
    row.alignment = { horizontal: align, vertical: "middle", wrapText: true };
    return row;
  };

  const frame = (row: ExcelJS.Row, numeric: number[]) => {
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = border;
      cell.alignment = { vertical: "top", wrapText: true, horizontal: numeric.includes(c) ? "right" : "left" };
    }
  };

  /** A bordered table (header null: rows only); `money` columns (1-based) are yuan, `numeric` ones right-aligned. */
  const table = (header: string[] | null, rows: Cell[][], opts: { money?: number[]; numeric?: number[] } = {}) => {
    const numeric = [...(opts.numeric ?? []), ...(opts.money ?? [])];
    const head = header ? ws.addRow(header) : null;
    if (head) {
      head.font = { bold: true };
      for (let c = 1; c <= last; c++) {
        const cell = head.getCell(c);
        cell.border = border;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };
      }
    }
    const added = rows.map((values) => {
      const row = ws.addRow(values);
      frame(row, numeric);
      for (const c of opts.money ?? []) row.getCell(c).numFmt = YUAN_FORMAT;
      return row;
    });
    return { head, rows: added };
  };

  /** Label and value pairs, two to a line: label | value (merged) | label | value (merged). */
  const pairs = (entries: Array<[string, Cell]>, split: number) => {
    for (let i = 0; i < entries.length; i += 2) {
      const [a, b] = [entries[i], entries[i + 1]];
      const values: Cell[] = Array(last).fill(null);
      values[0] = a[0];
      values[1] = a[1];
      if (b) {
        values[split - 1] = b[0];
        values[split] = b[1];
      }
      const row = ws.addRow(values);
      frame(row, []);
      ws.mergeCells(row.number, 2, row.number, b ? split - 1 : last);
      if (b && split + 1 < last) ws.mergeCells(row.number, split + 1, row.number, last);
      row.getCell(1).font = { bold: true };
      if (b) row.getCell(split).font = { bold: true };
    }
  };

  /** The approval as recorded, then signature and date lines to sign on paper. */
  const signatures = (
    t: TFunction,
    approval: FormApproval,
    labels: { preparedBy: string; approvedBy: string },
    locale: string,
    timeZone: string,
  ) => {
    const who = (label: string, s: FormSigner | null) =>
      `${label}${t("training.colon")}${
        s ? `${s.name} ${formatDateTime(s.at, locale, timeZone)}` : t("workflow.form.none")
      }${s?.note ? ` ${t("workflow.form.note", { note: s.note })}` : ""}`;
    ws.addRow([]);
    wide(
      [
        t("workflow.form.record"),
        who(t("workflow.form.submitted"), approval.submitted),
        who(t("workflow.form.approved"), approval.approved),
      ].join("    "),
    );
    ws.addRow([]);
    const date = `${t("workflow.form.date")}${t("training.colon")}`;
    for (const label of [labels.preparedBy, labels.approvedBy]) {
      const row = wide(`${label}${t("training.colon")}______________________    ${date}______________`);
      row.height = 28;
    }
  };

  return { ws, wide, table, pairs, signatures };
}
