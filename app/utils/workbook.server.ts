// The one way the app writes a workbook to hand out: every text cell that could be read as a formula
// is written behind a quote first (spreadsheet-text.ts), whatever export built the workbook. Numbers,
// dates and booleans stay as they are. A unit test keeps exports from calling writeBuffer themselves.
import type ExcelJS from "exceljs";

import { quoteFormulaText } from "./spreadsheet-text";

function quoteCell(cell: ExcelJS.Cell) {
  // A merged cell reads and writes its master's value: quoting through it would quote the master again.
  if (cell.master !== cell) return;
  const value = cell.value;
  if (typeof value === "string") {
    const quoted = quoteFormulaText(value);
    if (quoted !== value) cell.value = quoted;
  } else if (value && typeof value === "object" && "richText" in value && value.richText.length > 0) {
    // Only the first run decides how the cell's text begins.
    const [first, ...rest] = value.richText;
    const quoted = quoteFormulaText(first.text);
    if (quoted !== first.text) cell.value = { richText: [{ ...first, text: quoted }, ...rest] };
  } else if (value && typeof value === "object" && "hyperlink" in value && typeof value.text === "string") {
    const quoted = quoteFormulaText(value.text);
    if (quoted !== value.text) cell.value = { ...value, text: quoted };
  }
}

/** The workbook's bytes, with formula-like text quoted in every sheet. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  workbook.eachSheet((sheet) => sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell(quoteCell)));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
