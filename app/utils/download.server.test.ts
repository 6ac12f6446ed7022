import { describe, expect, it } from "vitest";

import { XLSX_TYPE, xlsxResponse } from "./download.server";

describe("workbook downloads", () => {
  it("are attachments with an ASCII name and the real name, never cached", async () => {
    const response = xlsxResponse(new Uint8Array([1, 2, 3]), "training-needs-2027.xlsx", "2027年度培训需求汇总.xlsx");
    expect(response.headers.get("Content-Type")).toBe(XLSX_TYPE);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="training-needs-2027.xlsx"; filename*=UTF-8''${encodeURIComponent("2027年度培训需求汇总.xlsx")}`,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("an ASCII name alone serves as both", () => {
    expect(xlsxResponse(new Uint8Array(), "question-bank.xlsx").headers.get("Content-Disposition")).toBe(
      `attachment; filename="question-bank.xlsx"; filename*=UTF-8''question-bank.xlsx`,
    );
  });
});
