// workbookStream: rows leave while the workbook is still being filled, a failure ends the stream in an
// error (never a complete-looking file), and streamed text is quoted like every other export's.
import { randomBytes } from "node:crypto";

import ExcelJS from "exceljs";
import { expect, it } from "vitest";

import { workbookStream } from "./workbook.server";

const noise = () => randomBytes(48).toString("base64");

it("hands out the first rows before the last ones are made", { timeout: 30_000 }, async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const stream = workbookStream(async (book) => {
    const sheet = book.sheet("行", [{ header: "文本", width: 20 }]);
    for (let i = 0; i < 5_000; i++) sheet.add([noise()]);
    await book.drain();
    // The rest of the rows only once the reader has received a good part of the first 5,000: a
    // workbook built whole before it is handed out never gets past this point.
    await gate;
    for (let i = 0; i < 5_000; i++) sheet.add([noise()]);
    sheet.done();
  });
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    // 5,000 rows of 64 random characters deflate to well over 200 KB.
    if (received > 150_000) release();
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets[0].rowCount).toBe(10_001);
});

it("a failure half way ends the stream in an error, not in a file", async () => {
  const stream = workbookStream(async (book) => {
    const sheet = book.sheet("行", [{ header: "文本", width: 20 }]);
    for (let i = 0; i < 3_000; i++) sheet.add([noise()]);
    await book.drain();
    throw new Error("the database went away");
  });
  await expect(new Response(stream).arrayBuffer()).rejects.toThrow();
});

it("quotes text a spreadsheet would read as a formula, bolds and freezes the header", async () => {
  const stream = workbookStream(async (book) => {
    book.title = "标题";
    const sheet = book.sheet("行", [
      { header: "=HEADER()", width: 20 },
      { header: "金额", width: 10, numFmt: "#,##0.00" },
    ]);
    sheet.add(['=HYPERLINK("http://x")', 1234.5]);
    sheet.add(["plain", 2]);
    sheet.done();
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(stream).arrayBuffer());
  const ws = workbook.worksheets[0];
  expect(ws.name).toBe("行");
  expect(ws.getCell("A1").value).toBe("'=HEADER()");
  expect(ws.getCell("A1").font?.bold).toBe(true);
  expect(ws.getCell("A2").value).toBe('\'=HYPERLINK("http://x")');
  expect(ws.getCell("B2").value).toBe(1234.5);
  expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
  expect(ws.getCell("A3").value).toBe("plain");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(workbook.title).toBe("标题");
});

it("a column's cells share a style only with cells of their type (a date stays a date, 7 stays 7)", async () => {
  const day = new Date(Date.UTC(2026, 0, 15));
  const stream = workbookStream(async (book) => {
    const sheet = book.sheet("行", [
      { header: "值", width: 12 },
      { header: "金额", width: 10, numFmt: "#,##0.00" },
    ]);
    sheet.add([day, 1.5]);
    sheet.add([7, "无"]);
    sheet.add(["文本", 3]);
    sheet.add([day, 4]);
    sheet.done();
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(stream).arrayBuffer());
  const ws = workbook.worksheets[0];
  expect(ws.getCell("A2").value).toEqual(day);
  expect(ws.getCell("A3").value).toBe(7);
  expect(ws.getCell("A3").numFmt).toBeUndefined();
  expect(ws.getCell("A4").value).toBe("文本");
  expect(ws.getCell("A5").value).toEqual(day);
  expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
  expect(ws.getCell("B3").value).toBe("无");
  expect(ws.getCell("B4").numFmt).toBe("#,##0.00");
  expect(ws.getCell("B5").value).toBe(4);
});
