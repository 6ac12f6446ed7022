// The sign-in sheet as a workbook, laid out like the printed page: title rows, a bordered table with a
// row per attendee tall enough to sign, A4 portrait, the table header repeated on every printed page.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { workbookBytes } from "~/utils/workbook.server";

import type { SignInSheet } from "./sign-in-sheet-queries.server";
import { lecturerText, sheetDateTime, sheetExpected } from "./sign-in-sheet-rules";

const COLUMNS = ["no", "employeeNo", "name", "department", "signature", "signedAt"] as const;
const WIDTHS = [6, 12, 12, 20, 26, 14];
const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function signInSheetWorkbook(
  t: TFunction,
  sheet: SignInSheet,
  companyName: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const formName = t(`sessionDay.forms.${sheet.layout}`);
  const ws = workbook.addWorksheet(formName, {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.47, right: 0.47, top: 0.47, bottom: 0.47, header: 0.2, footer: 0.2 },
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = COLUMNS.length;
  const wide = (text: string, style: Partial<ExcelJS.Font>, height: number) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.font = style;
    row.height = height;
    row.alignment = { horizontal: "center", vertical: "middle" };
  };
  wide(companyName, { size: 11 }, 18);
  wide(formName, { size: 16, bold: true }, 26);
  const info = (label: string, value: string) => {
    const row = ws.addRow([label, "", value]);
    ws.mergeCells(row.number, 1, row.number, 2);
    ws.mergeCells(row.number, 3, row.number, last);
    row.getCell(1).font = { bold: true };
  };
  info(t("sessionDay.sheet.course"), sheet.course.title);
  info(t("sessionDay.sheet.dateTime"), sheetDateTime(t, sheet.session));
  info(t("sessionDay.sheet.place"), sheet.session.location);
  info(t("sessionDay.sheet.lecturer"), lecturerText(t, sheet.lecturer));
  info(t("sessionDay.sheet.session"), t("sessionDay.ordinal", sheet.ordinal));
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => t(`sessionDay.sheet.columns.${c}`)));
  header.font = { bold: true };
  header.height = 20;
  header.eachCell((cell) => {
    cell.border = border;
    cell.alignment = { horizontal: "center", vertical: "middle" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };
  });
  for (const r of sheet.rows) {
    const row = ws.addRow([
      r.no,
      r.employeeNo,
      r.makeUp ? `${r.name}${t("sessionDay.sheet.makeUpTag")}` : r.name,
      r.department,
      r.signature ? t(`sessionDay.sheet.signature.${r.signature}`) : "",
      r.signedAt ?? "",
    ]);
    row.height = 30;
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = border;
      cell.alignment = {
        vertical: "middle",
        horizontal: c === 1 || c === 6 || (c === 5 && r.signature) ? "center" : "left",
      };
    }
  }
  ws.addRow([]);
  const footer = ws.addRow([
    t("sessionDay.sheet.expected", { count: sheetExpected(sheet.rows) }),
    "",
    `${t("sessionDay.sheet.present")} ____ ${t("sessionDay.sheet.people")}`,
    "",
    `${t("sessionDay.sheet.clerkSign")} __________`,
  ]);
  ws.mergeCells(footer.number, 1, footer.number, 2);
  ws.mergeCells(footer.number, 3, footer.number, 4);
  ws.mergeCells(footer.number, 5, footer.number, last);
  footer.height = 24;
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  return workbookBytes(workbook);
}
