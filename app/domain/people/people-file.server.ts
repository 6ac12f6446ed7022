// Reads an uploaded people file (.xlsx or .csv) into rows of strings; row i is spreadsheet row i + 1.
import ExcelJS from "exceljs";
import Papa from "papaparse";

import type { UploadedFile } from "~/utils/upload.server";
import { messageKey } from "~/utils/validation";
import { inspectXlsx } from "~/utils/xlsx-guard";

import { MAX_IMPORT_ROWS } from "./people-import-rules";

export const MAX_FILE_BYTES = 2_000_000;
/**
 * A full 5,000-row import is ~5 MB of XML once inflated; 20 MB leaves room for styles and long cells and keeps
 * what exceljs holds bounded. Rows: the import's limit, its header and some formatted empty rows Excel keeps.
 */
export const MAX_XLSX_INFLATED_BYTES = 20_000_000;
const ROW_ALLOWANCE = 100;

export type { UploadedFile };
export type FileRows = { ok: true; rows: string[][] } | { ok: false; error: string };

/** `maxRows`: the import's row limit (people and case imports share this reader). */
export async function readPeopleFile(file: UploadedFile, maxRows = MAX_IMPORT_ROWS): Promise<FileRows> {
  if (file.bytes.byteLength === 0) return { ok: false, error: "peopleImport.noFile" };
  if (file.bytes.byteLength > MAX_FILE_BYTES)
    return { ok: false, error: messageKey("peopleImport.fileTooLarge", { max: MAX_FILE_BYTES / 1_000_000 }) };
  const name = file.name.toLowerCase();
  if (name.endsWith(".xlsx")) return readXlsx(file.bytes, maxRows);
  if (name.endsWith(".csv")) return readCsv(file.bytes);
  return { ok: false, error: "peopleImport.wrongFileType" };
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (what Chinese Excel saves as "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(bytes: Uint8Array): FileRows {
  const result = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  // A one-column file has no delimiter to detect; that is not an error for us.
  const broken = result.errors.find((e) => e.type === "Quotes");
  if (broken) return { ok: false, error: messageKey("peopleImport.csvBroken", { row: (broken.row ?? 0) + 1 }) };
  return { ok: true, rows: result.data.map((cells) => cells.map((c) => c ?? "")) };
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<FileRows> {
  // A zip bomb or a row bomb is refused before exceljs holds any of it.
  const verdict = inspectXlsx(bytes, {
    maxUncompressedBytes: MAX_XLSX_INFLATED_BYTES,
    maxRows: maxRows + ROW_ALLOWANCE,
  });
  if (!verdict.ok)
    return {
      ok: false,
      error:
        verdict.reason === "tooLarge"
          ? messageKey("peopleImport.inflatesTooLarge", { max: verdict.maxMb })
          : verdict.reason === "tooManyRows"
            ? messageKey("peopleImport.sheetTooManyRows", { max: maxRows })
            : "peopleImport.fileUnreadable",
    };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; at runtime it takes a Node Buffer.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    // Not a zip, an .xls renamed, a password-protected workbook: all unreadable to us.
    return { ok: false, error: "peopleImport.fileUnreadable" };
  }
  const sheet = workbook.worksheets.find((s) => s.state === "visible") ?? workbook.worksheets[0];
  if (!sheet) return { ok: true, rows: [] };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return { ok: true, rows: Array.from(rows, (r) => r ?? []) };
}

/** Dates become YYYY-MM-DD (Excel stores them zoneless, exceljs reads them as UTC), numbers their plain digits. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("error" in value) return value.error;
  return "";
}
