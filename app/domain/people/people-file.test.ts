import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { decodeText, MAX_FILE_BYTES, readPeopleFile } from "./people-file.server";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("人员"), workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("csv", () => {
  test("UTF-8 with a BOM, as Excel's 'CSV UTF-8' saves it", async () => {
    const bytes = utf8("\uFEFF工号,姓名\r\nC0301,王小明\r\n");
    expect(await readPeopleFile({ name: "人员.CSV", bytes })).toEqual({
      ok: true,
      rows: [["工号", "姓名"], ["C0301", "王小明"], [""]],
    });
  });

  test("GBK, as Chinese Excel saves plain 'CSV'", async () => {
    // 工号,姓名 in GBK: 工=B9A4 号=BAC5 姓=D0D5 名=C3FB
    const bytes = new Uint8Array([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0x43, 0x31, 0x2c, 0x41]);
    expect(decodeText(bytes)).toBe("工号,姓名\nC1,A");
    expect(await readPeopleFile({ name: "people.csv", bytes })).toEqual({
      ok: true,
      rows: [
        ["工号", "姓名"],
        ["C1", "A"],
      ],
    });
  });

  test("quoted cells may hold commas and line breaks", async () => {
    const result = await readPeopleFile({ name: "p.csv", bytes: utf8('工号,岗位\nC1,"催收员,外访"\n') });
    expect(result).toEqual({ ok: true, rows: [["工号", "岗位"], ["C1", "催收员,外访"], [""]] });
  });

  test("an unmatched quote is reported with its row", async () => {
    const result = await readPeopleFile({ name: "p.csv", bytes: utf8('工号,岗位\nC1,"催收员\n') });
    expect(result).toEqual({ ok: false, error: 'peopleImport.csvBroken::{"row":2}' });
  });
});

describe("xlsx", () => {
  test("dates, numbers, rich text, formulas and links become plain strings; empty rows keep their place", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell("A1").value = "工号";
      sheet.getCell("B1").value = { richText: [{ text: "姓" }, { font: { bold: true }, text: "名" }] };
      sheet.getCell("C1").value = "手机";
      sheet.getCell("D1").value = "入职日期";
      sheet.getCell("E1").value = "邮箱";
      sheet.getCell("A3").value = 301;
      sheet.getCell("B3").value = { formula: '"王"&"小明"', result: "王小明" };
      sheet.getCell("C3").value = 13800138000;
      sheet.getCell("D3").value = new Date(Date.UTC(2025, 2, 3));
      sheet.getCell("E3").value = { text: "wxm@example.com", hyperlink: "mailto:wxm@example.com" };
    });
    expect(await readPeopleFile({ name: "people.xlsx", bytes })).toEqual({
      ok: true,
      rows: [
        ["工号", "姓名", "手机", "入职日期", "邮箱"],
        [],
        ["301", "王小明", "13800138000", "2025-03-03", "wxm@example.com"],
      ],
    });
  });

  test("the first visible sheet is read", async () => {
    const bytes = await xlsx((sheet, workbook) => {
      sheet.state = "hidden";
      workbook.addWorksheet("可见").getCell("A1").value = "工号";
    });
    expect(await readPeopleFile({ name: "people.xlsx", bytes })).toEqual({ ok: true, rows: [["工号"]] });
  });

  test("a file that is not really .xlsx is refused, not a crash", async () => {
    expect(await readPeopleFile({ name: "people.xlsx", bytes: utf8("工号,姓名") })).toEqual({
      ok: false,
      error: "peopleImport.fileUnreadable",
    });
  });
});

describe("refused files", () => {
  test.each(["people.xls", "people.txt", "people", "people.xlsx.exe"])("%s is not a type we read", async (name) => {
    expect(await readPeopleFile({ name, bytes: utf8("工号") })).toEqual({
      ok: false,
      error: "peopleImport.wrongFileType",
    });
  });

  test("over 2 MB", async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(await readPeopleFile({ name: "people.csv", bytes })).toEqual({
      ok: false,
      error: 'peopleImport.fileTooLarge::{"max":2}',
    });
  });

  test("empty", async () => {
    expect(await readPeopleFile({ name: "people.csv", bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: "peopleImport.noFile",
    });
  });
});
