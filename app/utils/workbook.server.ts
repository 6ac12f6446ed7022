// The one way the app writes a workbook to hand out: every text cell that could be read as a formula
// is written behind a quote first (spreadsheet-text.ts), whatever export built the workbook. Numbers,
// dates and booleans stay as they are. A unit test keeps exports from calling writeBuffer themselves.
// Large exports are streamed (workbookStream): each row is quoted the same way before it is written.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";

import ExcelJS from "exceljs";

import { now } from "./clock.server";
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

/** A sheet of a streamed workbook: each row is quoted, written and forgotten as it is added. */
export type StreamedSheet = {
  /** Adds a row and writes it out at once; it can no longer be changed. */
  add(values: ExcelJS.CellValue[], style?: Partial<ExcelJS.Style>): void;
  /** Ends the sheet: nothing is written to it after this. */
  done(): void;
};
export type StreamedWorkbook = {
  /** A new sheet, its header row bold and frozen; call `done()` on the previous sheet first. */
  sheet(name: string, columns: Array<{ header: string; width: number; numFmt?: string }>): StreamedSheet;
  /** Waits until the reader has taken what was written so far; throws if the reader went away. */
  drain(): Promise<void>;
  set title(value: string);
};

/**
 * A workbook written as it is read (exceljs's streaming writer): rows go out as `fill` adds them, so a
 * large export never holds the whole file. If `fill` throws, or the reader goes away, the stream ends in
 * an error (the HTTP response is cut, never ended as if complete) and the database reads stop.
 */
export function workbookStream(fill: (workbook: StreamedWorkbook) => Promise<void>): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  Object.assign(writer, { created: now(), modified: now() });
  const gone = () => out.destroyed;
  const book: StreamedWorkbook = {
    sheet(name, columns) {
      const ws = writer.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = columns.map((c) => ({
        header: c.header,
        width: c.width,
        ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
      }));
      const header = ws.getRow(1);
      header.font = { bold: true };
      header.eachCell(quoteCell);
      header.commit();
      // exceljs gives every row and cell a style object of its own and, on commit, renders each one to
      // XML to find its style id (a third of a large export's CPU). A row added without a style has the
      // same style as the rows before it in each column: its cells share one object per column and cell
      // type (the id depends on both), which exceljs remembers by identity. The file is the same.
      const shared = new Map<number, Partial<ExcelJS.Style>>();
      const rowStyle: Partial<ExcelJS.Style> = {};
      return {
        add(values, style) {
          const row = ws.addRow(values);
          if (style) Object.assign(row, style);
          row.eachCell(quoteCell);
          if (!style) {
            // exceljs's typings leave out the row's own style, which its writer reads.
            (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle;
            row.eachCell((cell, column) => {
              // A formula's style id depends on its result's type: not shared.
              if (cell.type === ExcelJS.ValueType.Formula) return;
              const key = column * 32 + cell.type;
              const known = shared.get(key);
              if (known) cell.style = known;
              else shared.set(key, cell.style);
            });
          }
          row.commit();
        },
        done: () => ws.commit(),
      };
    },
    async drain() {
      // Let the zip deflate what was committed, then wait while the reader is behind.
      await new Promise((resolve) => setImmediate(resolve));
      if (!gone() && out.writableNeedDrain) await once(out, "drain");
      if (gone()) throw new Error("the reader went away");
    },
    set title(value: string) {
      (writer as unknown as { title?: string }).title = value;
    },
  };
  fill(book)
    .then(() => writer.commit())
    .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
