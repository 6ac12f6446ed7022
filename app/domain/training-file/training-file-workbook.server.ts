// The training file as a workbook laid out like its printed form (A4 portrait): the person's particulars,
// then each section's table as fileTables gives it, a record's amendments on a line under it.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { safeFileName } from "~/utils/file-name";
import { formSheet } from "~/utils/form-sheet.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { workbookBytes } from "~/utils/workbook.server";

import { fileParticulars, fileTables } from "./training-file-tables";
import type { TrainingFile } from "./training-file.server";

const WIDTHS = [12, 20, 14, 10, 12, 12, 12, 14];

export async function trainingFileWorkbook(
  t: TFunction,
  file: TrainingFile,
  settings: { companyName: string; timeZone: string; locale: string; at: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const formName = t("trainingFile.formName");
  const sheet = formSheet(workbook, formName, { orientation: "portrait", widths: WIDTHS });
  const { ws } = sheet;
  const f = {
    date: (v: Date | string | null) => formatDate(v, settings.locale, settings.timeZone),
    dateTime: (v: Date | string | null) => formatDateTime(v, settings.locale, settings.timeZone),
    language: settings.locale,
  };
  sheet.wide(settings.companyName, { size: 11 }, "center");
  sheet.wide(formName, { size: 16, bold: true }, "center").height = 26;
  sheet.wide(t("trainingFile.printedAt", { date: f.date(settings.at) }));
  const particulars = fileParticulars(t, file);
  sheet.pairs(particulars, 5);

  for (const table of fileTables(t, file, f)) {
    ws.addRow([]);
    sheet.wide(table.title, { bold: true });
    if (table.rows.length === 0) {
      sheet.wide(table.empty);
      continue;
    }
    // A table narrower than the sheet: its last column takes the rest of the width.
    const span = table.header.length;
    const pad = (cells: Array<string | number | null>) => [...cells, ...Array(WIDTHS.length - span).fill(null)];
    const { head } = sheet.table(pad(table.header) as string[], [], { numeric: table.numeric });
    if (head && span < WIDTHS.length) ws.mergeCells(head.number, span, head.number, WIDTHS.length);
    for (const row of table.rows) {
      const added = sheet.table(null, [pad(row.cells)], { numeric: table.numeric }).rows[0];
      if (span < WIDTHS.length) ws.mergeCells(added.number, span, added.number, WIDTHS.length);
      if (row.note) {
        const note = sheet.table(null, [[row.note]]).rows[0];
        ws.mergeCells(note.number, 1, note.number, WIDTHS.length);
        note.font = { italic: true, size: 9 };
      }
    }
  }
  return workbookBytes(workbook);
}

export function trainingFileNames(t: TFunction, file: TrainingFile) {
  const { name, employeeNo } = file.person;
  return {
    name: `${safeFileName(t("trainingFile.fileName", { name, employeeNo }))}.xlsx`,
    ascii: `training-file-${safeFileName(employeeNo).replace(/[^\w-]/g, "_")}.xlsx`,
  };
}
