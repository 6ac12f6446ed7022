// Attack: spreadsheet zip bombs. A 2 MB .xlsx that inflates to gigabytes, one whose directory lies about its
// sizes, one with millions of empty rows, and truncated or garbage files, handed to the guard that runs before
// exceljs opens any import (app/utils/xlsx-guard.ts) and to the course-material check.
import { Inflate } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";

import { checkMaterial } from "~/domain/course/material-rules";
import { inspectXlsx } from "~/utils/xlsx-guard";

import { numberedRows, repeatedDeflate, rowBomb, workbookOf, xlsxBomb, zipOf } from "./bombs";

const LIMITS = { maxUncompressedBytes: 20_000_000, maxRows: 5_100 };

// What the guard hands to the inflater, counted: "at once" means no more than the directory allows, which a
// count proves on any machine (a stopwatch does not, on a busy one).
function countInflated() {
  const pushed = { calls: 0, bytes: 0 };
  const push = Inflate.prototype.push;
  vi.spyOn(Inflate.prototype, "push").mockImplementation(function (this: Inflate, chunk: Uint8Array, final?: boolean) {
    pushed.calls++;
    pushed.bytes += chunk.byteLength;
    return push.call(this, chunk, final);
  });
  return pushed;
}
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the xlsx guard refuses what would expand past the import's limits, before exceljs reads it", () => {
  it("lets a real workbook of 5,000 rows through", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [`C${i}`, "张三", "催收一部", "13800000000"]);
    expect(inspectXlsx(await workbookOf([["工号", "姓名", "部门", "手机"], ...rows]), LIMITS)).toEqual({ ok: true });
  });

  it("refuses a 1.9 MB file that expands to 1.9 GB, from its directory alone, at once", () => {
    const bomb = xlsxBomb(1_900);
    expect(bomb.byteLength).toBeLessThan(2_000_000);
    const pushed = countInflated();
    expect(inspectXlsx(bomb, LIMITS)).toEqual({ ok: false, reason: "tooLarge", maxMb: 20 });
    // Not a byte was inflated: the declared sizes refused it.
    expect(pushed.calls).toBe(0);
  });

  it("refuses a part compressed more than 100 times even when the total is within the limit", () => {
    // 16 MiB of blanks in ~16 KB: under 20 MB in total, but no spreadsheet compresses 1,000:1.
    expect(inspectXlsx(xlsxBomb(16), LIMITS)).toMatchObject({ ok: false, reason: "tooLarge" });
    // The same file passes when only the ratio is raised: the ratio is what refused it.
    expect(inspectXlsx(xlsxBomb(16), { ...LIMITS, maxRatio: 10_000 })).toEqual({ ok: true });
  });

  it("refuses a directory that understates a bomb's size, inflating no further than it claimed", () => {
    const lying = xlsxBomb(1_900, { declared: 1_000 });
    const pushed = countInflated();
    expect(inspectXlsx(lying, LIMITS)).toEqual({ ok: false, reason: "notXlsx" });
    // The small parts, then one 4 KB step of the sheet's ~1.9 MB of deflated data: enough to pass the 1,000
    // bytes it claimed. Inflating the sheet to its end would push all 1.9 MB.
    expect(pushed.calls).toBeGreaterThan(0);
    expect(pushed.bytes).toBeLessThan(16 * 1024);
    // Claiming just under the limit: it is inflated up to the limit, then refused as too large.
    const almost = xlsxBomb(1_900, { declared: 19_000_000 });
    expect(inspectXlsx(almost, { ...LIMITS, maxRatio: Infinity })).toMatchObject({ ok: false });
  });

  it("refuses a row bomb (a small file with millions of empty rows) by counting rows while inflating", () => {
    const bomb = rowBomb(5_000_000);
    expect(bomb.byteLength).toBeLessThan(2_000_000);
    expect(inspectXlsx(bomb, { ...LIMITS, maxUncompressedBytes: 100_000_000, maxRatio: Infinity })).toEqual({
      ok: false,
      reason: "tooManyRows",
      maxRows: 5_100,
    });
    // Within every size and ratio limit, the row count alone refuses it.
    expect(inspectXlsx(numberedRows(300_000), LIMITS)).toEqual({ ok: false, reason: "tooManyRows", maxRows: 5_100 });
    // Just under the row limit it passes: the rows are what refused it.
    expect(inspectXlsx(rowBomb(5_000), { ...LIMITS, maxRatio: Infinity })).toEqual({ ok: true });
  });

  it("refuses truncated, garbage and non-workbook zips", async () => {
    const real = await workbookOf([["工号"], ["C0101"]]);
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    const notWorkbook = zipOf([{ name: "word/document.xml", deflated: repeatedDeflate([{ chunk: "<w/>" }]) }]);
    const corrupt = new Uint8Array(real);
    // Damage the middle of the file (the deflated parts), keeping the directory at the end whole.
    corrupt.fill(0xff, 200, 1_000);
    for (const bytes of [real.subarray(0, real.byteLength - 100), garbage, notWorkbook, corrupt, new Uint8Array(0)])
      expect(inspectXlsx(bytes, LIMITS)).toEqual({ ok: false, reason: "notXlsx" });
  });
});

describe("a course material saved as .xlsx must open as a workbook", () => {
  it("keeps a real workbook and refuses a truncated one, garbage and a bomb", async () => {
    const real = await workbookOf([["签到"], ["张三"]]);
    expect(checkMaterial("签到表.xlsx", real)).toMatchObject({ ok: true });
    const garbage = new Uint8Array(2048).fill(0x78);
    garbage.set([0x50, 0x4b, 0x03, 0x04, ...Buffer.from("xl/")]);
    for (const bytes of [real.subarray(0, real.byteLength / 2), garbage, xlsxBomb(1_900)])
      expect(checkMaterial("签到表.xlsx", bytes)).toEqual({ ok: false, error: "course.material.damaged" });
  });
});
