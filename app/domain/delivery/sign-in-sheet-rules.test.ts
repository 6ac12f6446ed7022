import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";

import { serverT } from "~/utils/i18n";

import {
  lecturerText,
  sessionOrdinal,
  sheetDateTime,
  sheetLayout,
  sheetPageCount,
  sheetExpected,
  sheetRows,
  sheetSignature,
  signInPath,
  signInUrl,
  ROWS_FIRST_PAGE,
  ROWS_NEXT_PAGE,
} from "./sign-in-sheet-rules";

const t = serverT("zh-CN") as TFunction;

describe("sheetLayout", () => {
  it("gives new-hire sessions the new-hire form and every other category the general one", () => {
    expect(sheetLayout("NEW_HIRE")).toBe("newHire");
    for (const c of ["INTERNAL", "TRANSFER", "EXTERNAL", "GROUP"] as const) expect(sheetLayout(c)).toBe("general");
  });
});

describe("sheetRows", () => {
  const col1 = { department: "催收一部", departmentOrder: 1, departmentCode: "COL1" };
  const col2 = { department: "催收二部", departmentOrder: 1, departmentCode: "COL2" };
  const admin = { department: "综合部", departmentOrder: 5, departmentCode: "ADM" };
  it("sorts by department, then employee number, and numbers from 1", () => {
    const rows = sheetRows([
      { personId: "a", employeeNo: "C0202", name: "乙", ...col2 },
      { personId: "b", employeeNo: "C0105", name: "甲", ...col1 },
      { personId: "c", employeeNo: "C0201", name: "丙", ...col2 },
      { personId: "d", employeeNo: "C0101", name: "丁", ...col1 },
      { personId: "e", employeeNo: "A0001", name: "戊", ...admin },
    ]);
    expect(rows.map((r) => [r.no, r.employeeNo])).toEqual([
      [1, "C0101"],
      [2, "C0105"],
      [3, "C0201"],
      [4, "C0202"],
      [5, "A0001"],
    ]);
  });
});

describe("sessionOrdinal", () => {
  const sessions = [
    { id: "late", startsAt: new Date("2026-12-16T01:00:00Z") },
    { id: "early", startsAt: new Date("2026-12-15T01:00:00Z") },
  ];
  it("counts the session's place by start time", () => {
    expect(sessionOrdinal(sessions, "early")).toEqual({ n: 1, of: 2 });
    expect(sessionOrdinal(sessions, "late")).toEqual({ n: 2, of: 2 });
  });
  it("counts among the sessions of the session's batch only", () => {
    const split = [
      { id: "b1-early", startsAt: new Date("2026-12-15T01:00:00Z"), batch: 1 },
      { id: "b2-early", startsAt: new Date("2026-12-15T06:00:00Z"), batch: 2 },
      { id: "b1-late", startsAt: new Date("2026-12-16T01:00:00Z"), batch: 1 },
      { id: "b2-late", startsAt: new Date("2026-12-16T06:00:00Z"), batch: 2 },
    ];
    expect(sessionOrdinal(split, "b1-late")).toEqual({ n: 2, of: 2 });
    expect(sessionOrdinal(split, "b2-early")).toEqual({ n: 1, of: 2 });
  });
  it("is null for a session of another course", () => {
    expect(sessionOrdinal(sessions, "other")).toBeNull();
  });
});

describe("sheetPageCount", () => {
  it("fits the first page's rows on one page and the rest by the next pages' size", () => {
    expect(sheetPageCount(0)).toBe(1);
    expect(sheetPageCount(ROWS_FIRST_PAGE)).toBe(1);
    expect(sheetPageCount(ROWS_FIRST_PAGE + 1)).toBe(2);
    expect(sheetPageCount(ROWS_FIRST_PAGE + ROWS_NEXT_PAGE)).toBe(2);
    expect(sheetPageCount(ROWS_FIRST_PAGE + ROWS_NEXT_PAGE + 1)).toBe(3);
  });
});

describe("signInUrl", () => {
  it("is the session's sign-in page on the request's origin", () => {
    expect(signInPath("s1")).toBe("/sessions/s1/sign-in");
    expect(signInUrl("https://train.example.com", "s1")).toBe("https://train.example.com/sessions/s1/sign-in");
    expect(signInUrl("http://10.0.0.5:3000/whatever?x=1", "s1")).toBe("http://10.0.0.5:3000/sessions/s1/sign-in");
  });
  it("escapes the id and refuses an origin that is not a web address", () => {
    expect(signInUrl("http://a.example", "a/b")).toBe("http://a.example/sessions/a%2Fb/sign-in");
    expect(() => signInUrl("javascript:alert(1)", "s1")).toThrow();
  });
});

describe("labels", () => {
  it("writes the lecturer as a person, an external trainer with the institution, or not set", () => {
    expect(lecturerText(t, { kind: "INTERNAL", name: "张三", employeeNo: "T0003" })).toBe("张三");
    expect(lecturerText(t, { kind: "EXTERNAL", name: "王敏", org: "集团培训中心" })).toBe("王敏（集团培训中心）");
    expect(lecturerText(t, { kind: "EXTERNAL", name: "", org: "集团培训中心" })).toBe("集团培训中心");
    expect(lecturerText(t, { kind: "NONE" })).toBe("未定");
  });
  it("writes date, weekday and times", () => {
    expect(sheetDateTime(t, { date: "2026-12-10", weekday: 4, start: "14:00", end: "17:00" })).toBe(
      "2026-12-10（星期四）14:00–17:00",
    );
  });
});

describe("what the sheet writes before anyone signs", () => {
  it("请假 for approved leave, 已准假 for the excused, the way a QR or kiosk sign-in came; a blank line otherwise", () => {
    expect(sheetSignature("ON_LEAVE", null)).toBe("ON_LEAVE");
    expect(sheetSignature("EXCUSED", { source: "CLERK" })).toBe("EXCUSED");
    expect(sheetSignature("PRESENT", { source: "QR" })).toBe("QR");
    expect(sheetSignature("LATE", { source: "KIOSK" })).toBe("KIOSK");
    expect(sheetSignature("PRESENT_PAPER", { source: "CLERK" })).toBeNull();
    expect(sheetSignature("ABSENT", { source: "QR" })).toBeNull();
    expect(sheetSignature("UNMARKED", null)).toBeNull();
    expect(sheetExpected([{ signature: "ON_LEAVE" }, { signature: "QR" }, { signature: null }])).toBe(2);
  });
});
