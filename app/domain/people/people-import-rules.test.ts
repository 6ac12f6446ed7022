import { describe, expect, test } from "vitest";

import { checkImportRows, MAX_IMPORT_ROWS, type ImportCheck } from "./people-import-rules";
import { PERSON_STATUSES } from "./people.schema";

const departments = [
  { id: "d-col1", code: "COL1", name: "催收一部" },
  { id: "d-col2", code: "COL2", name: "催收二部" },
  { id: "d-t1", code: "T1", name: "一组" },
  { id: "d-t2", code: "T2", name: "一组" },
];
const ZH = ["工号", "姓名", "部门", "岗位", "手机", "邮箱", "入职日期", "状态"];
const EN = ["employeeNo", "name", "department", "post", "phone", "email", "hireDate", "status"];
const good = ["C0301", "王小明", "COL1", "催收员", "13800138000", "wxm@example.com", "2025-03-03", "新入职"];

function errorsOf(result: ImportCheck) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}
function rowsOf(result: ImportCheck) {
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}

describe("headers", () => {
  test("Chinese headers are understood", () => {
    const [row] = rowsOf(checkImportRows([ZH, good], departments));
    expect(row).toEqual({
      row: 2,
      employeeNo: "C0301",
      name: "王小明",
      departmentId: "d-col1",
      post: "催收员",
      phone: "13800138000",
      email: "wxm@example.com",
      hireDate: new Date("2025-03-03T00:00:00Z"),
      status: "NEW_HIRE",
    });
  });

  test("English headers are understood, in any order and case", () => {
    const header = ["Status", "EMAIL", "employee_no", "Name", "Department", "Post", "Phone", "Hire Date"];
    const [row] = rowsOf(
      checkImportRows([header, ["LEFT", "", "c0302", "李娜", "催收二部", "催收员", "", "2024/9/16"]], departments),
    );
    expect(row).toMatchObject({
      employeeNo: "C0302",
      departmentId: "d-col2",
      status: "LEFT",
      phone: null,
      email: null,
      hireDate: new Date("2024-09-16T00:00:00Z"),
    });
  });

  test("a missing required column is reported against the header row, with both names", () => {
    const errors = errorsOf(
      checkImportRows(
        [
          ["工号", "姓名", "手机"],
          ["C0301", "王小明", ""],
        ],
        departments,
      ),
    );
    expect(errors).toEqual([
      { row: 1, column: "", message: 'peopleImport.missingColumn::{"zh":"部门","en":"department"}' },
      { row: 1, column: "", message: 'peopleImport.missingColumn::{"zh":"岗位","en":"post"}' },
    ]);
  });

  test("a column given twice is a header error", () => {
    const errors = errorsOf(
      checkImportRows(
        [
          [...ZH, "Name"],
          [...good, "x"],
        ],
        departments,
      ),
    );
    expect(errors).toEqual([{ row: 1, column: "Name", message: 'peopleImport.duplicateColumn::{"column":"Name"}' }]);
  });

  test("optional columns left out of the file are left untouched", () => {
    const [row] = rowsOf(
      checkImportRows(
        [
          ["工号", "姓名", "部门", "岗位"],
          ["C0301", "王小明", "COL1", "催收员"],
        ],
        departments,
      ),
    );
    expect(row.phone).toBeUndefined();
    expect(row.email).toBeUndefined();
    expect(row.hireDate).toBeUndefined();
    expect(row.status).toBeUndefined();
  });

  test("an empty file and a header-only file are file-level errors", () => {
    expect(errorsOf(checkImportRows([], departments))).toEqual([
      { row: 0, column: "", message: "peopleImport.emptyFile" },
    ]);
    expect(errorsOf(checkImportRows([ZH, [], ["", " "]], departments))).toEqual([
      { row: 0, column: "", message: "peopleImport.noRows" },
    ]);
  });
});

describe("rows", () => {
  test("every problem is reported with its spreadsheet row and the column header as written", () => {
    const header = ["工号", "姓名", "部门", "岗位", "手机", "Email", "入职日期", "状态"];
    const errors = errorsOf(
      checkImportRows(
        [header, ["c 03", "", "XYZ", "", "12345", "not-an-email", "2025-02-30", "休假"], good],
        departments,
      ),
    );
    expect(errors).toEqual([
      { row: 2, column: "工号", message: "people.employeeNoFormat" },
      { row: 2, column: "姓名", message: "validation.required" },
      { row: 2, column: "部门", message: 'peopleImport.unknownDepartment::{"value":"XYZ"}' },
      { row: 2, column: "岗位", message: "validation.required" },
      { row: 2, column: "手机", message: "people.phoneFormat" },
      { row: 2, column: "Email", message: "validation.email" },
      { row: 2, column: "入职日期", message: "validation.date" },
      { row: 2, column: "状态", message: 'peopleImport.unknownStatus::{"value":"休假"}' },
    ]);
  });

  test("only invalid rows are listed, and a file with any error gives no rows to save", () => {
    const errors = errorsOf(
      checkImportRows(
        [ZH, good, [...good.slice(0, 2), "", ...good.slice(3)].map((c, i) => (i === 0 ? "C0302" : c))],
        departments,
      ),
    );
    expect(errors).toEqual([{ row: 3, column: "部门", message: "validation.required" }]);
  });

  test("a department is found by code (any case) or by exact name; a name shared by two departments is refused", () => {
    const rows = (dept: string) => checkImportRows([ZH, [good[0], good[1], dept, ...good.slice(3)]], departments);
    expect(rowsOf(rows("col2"))[0].departmentId).toBe("d-col2");
    expect(rowsOf(rows("催收一部"))[0].departmentId).toBe("d-col1");
    expect(errorsOf(rows("一组"))).toEqual([
      { row: 2, column: "部门", message: 'peopleImport.ambiguousDepartment::{"value":"一组"}' },
    ]);
  });

  test("a repeated employee number points back to its first row, even when the repeat has other errors", () => {
    const errors = errorsOf(
      checkImportRows([ZH, good, ["x"], ["c0301", "王小明", "COL1", "催收员", "bad-phone", "", "", ""]], departments),
    );
    expect(errors).toEqual([
      { row: 3, column: "工号", message: "people.employeeNoFormat" },
      { row: 3, column: "姓名", message: "validation.required" },
      { row: 3, column: "部门", message: "validation.required" },
      { row: 3, column: "岗位", message: "validation.required" },
      { row: 4, column: "工号", message: 'peopleImport.duplicateEmployeeNo::{"employeeNo":"C0301","row":2}' },
      { row: 4, column: "手机", message: "people.phoneFormat" },
    ]);
  });

  test("empty rows are skipped but keep the row numbers of the rows after them", () => {
    const result = checkImportRows(
      [ZH, [], ["", "", ""], ["C0301", "王小明", "COL1", "", "", "", "", ""]],
      departments,
    );
    expect(errorsOf(result)).toEqual([{ row: 4, column: "岗位", message: "validation.required" }]);
  });

  test.each([
    ["在职", "ACTIVE"],
    ["新入职", "NEW_HIRE"],
    ["转岗中", "TRANSFERRING"],
    ["离职", "LEFT"],
    ...PERSON_STATUSES.map((s) => [s.toLowerCase(), s]),
  ])("status %s means %s", (word, status) => {
    const [row] = rowsOf(checkImportRows([ZH, [...good.slice(0, 7), word]], departments));
    expect(row.status).toBe(status);
  });

  test("an empty status is left for the use-case to decide", () => {
    expect(rowsOf(checkImportRows([ZH, [...good.slice(0, 7), ""]], departments))[0].status).toBeUndefined();
  });

  test("Excel-style dates are accepted", () => {
    for (const written of ["2025/3/3", "2025.3.3", "2025年3月3日", "2025-3-3"]) {
      expect(rowsOf(checkImportRows([ZH, [...good.slice(0, 6), written, ""]], departments))[0].hireDate).toEqual(
        new Date("2025-03-03T00:00:00Z"),
      );
    }
  });

  test(`more than ${MAX_IMPORT_ROWS} rows is refused as a whole`, () => {
    const rows = [
      EN,
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`C${10000 + i}`, "张三", "COL1", "催收员"]),
    ];
    expect(errorsOf(checkImportRows(rows, departments))).toEqual([
      {
        row: 0,
        column: "",
        message: `peopleImport.tooManyRows::{"max":${MAX_IMPORT_ROWS},"count":${MAX_IMPORT_ROWS + 1}}`,
      },
    ]);
    expect(rowsOf(checkImportRows(rows.slice(0, -1), departments))).toHaveLength(MAX_IMPORT_ROWS);
  });
});
