import { describe, expect, it } from "vitest";

import { demoCardNumber, demoIdNumber } from "../../../prisma/seed/cases";

import { caseNumbersIn, checkCaseRows } from "./case-import-rules";

const HEADER = [
  "案件编号",
  "委托银行",
  "债务人姓名",
  "身份证号",
  "卡号",
  "欠款金额",
  "逾期天数",
  "联系电话",
  "地址",
  "委托到期日",
];
const row = (n: number, over: Partial<Record<number, string>> = {}) => {
  const cells = [
    `JN-${n}`,
    "江南商业银行信用卡中心",
    "张三",
    demoIdNumber(n),
    demoCardNumber(n),
    "12,345.60",
    "90",
    "13800138000;021-68881234",
    "上海市徐汇区",
    "2027/1/31",
  ];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v!;
  return cells;
};

describe("case batch rows", () => {
  it("turns good rows into cases: amounts in fen, dates at UTC midnight, several phones", () => {
    const result = checkCaseRows([HEADER, row(1), [], row(2)], new Set());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      caseNo: "JN-1",
      amountOwedFen: 1_234_560,
      overdueDays: 90,
      phones: ["13800138000", "021-68881234"],
    });
    expect(result.rows[0].mandateDueDate.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(result.rows[1].row).toBe(4);
  });

  it("lists every problem by row and column, and never repeats a number in a message", () => {
    const badId = demoIdNumber(3).slice(0, 17) + "0";
    const result = checkCaseRows(
      [
        HEADER,
        row(1),
        row(2, { 3: badId, 4: "6222000000000000", 5: "-5", 9: "2027-02-30" }),
        row(1),
        row(4, { 0: "" }),
      ],
      new Set(["JN-2"]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.message.split("::")[0]])).toEqual([
      [3, "案件编号", "cases.import.caseExists"],
      [3, "身份证号", "cases.import.idNumberInvalid"],
      [3, "卡号", "cases.import.cardNumberInvalid"],
      [3, "欠款金额", "cases.import.amountInvalid"],
      [3, "委托到期日", "cases.import.dateInvalid"],
      [4, "案件编号", "cases.import.duplicateCaseNo"],
      [5, "案件编号", "validation.required"],
    ]);
    for (const e of result.errors) expect(e.message).not.toContain(badId);
  });

  it("needs the required columns and at least one row", () => {
    const missing = checkCaseRows([HEADER.filter((h) => h !== "卡号"), ["x"]], new Set());
    expect(!missing.ok && missing.errors[0].message).toContain("cases.import.missingColumn");
    const empty = checkCaseRows([HEADER], new Set());
    expect(!empty.ok && empty.errors[0].message).toBe("cases.import.noRows");
  });
});

describe("caseNumbersIn", () => {
  it("reads the case number column of every row, whatever else is wrong with the rows", () => {
    const badId = demoIdNumber(3).slice(0, 17) + "0";
    expect(caseNumbersIn([HEADER, row(1), row(2, { 3: badId }), row(1), row(4, { 0: "  JN-9 " }), []])).toEqual([
      "JN-1",
      "JN-2",
      "JN-9",
    ]);
  });

  it("finds the column by any of its names, and nothing without one", () => {
    expect(
      caseNumbersIn([
        ["姓名", "案件号"],
        ["张三", "A-1"],
      ]),
    ).toEqual(["A-1"]);
    expect(caseNumbersIn([["姓名"], ["张三"]])).toEqual([]);
    expect(caseNumbersIn([])).toEqual([]);
  });
});
