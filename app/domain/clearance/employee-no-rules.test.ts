import { describe, expect, it } from "vitest";

import { EMPLOYEE_NO_MAX, parseEmployeeNoSegment, storableText } from "./employee-no-rules";

describe("the clearance API's employee number", () => {
  it.each([
    ["C0102", "C0102"],
    ["c0102", "C0102"],
    ["%20C0102%20", "C0102"],
    [" c0102 ", "C0102"],
    ["A-0001", "A-0001"],
  ])("%j is the employee %s (trimmed and upper-cased, as at sign-in)", (segment, employeeNo) => {
    expect(parseEmployeeNoSegment(segment)).toEqual({ ok: true, employeeNo });
  });

  it.each([
    ["a NUL", "C0102%00"],
    ["a line feed", "C0102%0A"],
    ["a carriage return", "%0DC0102"],
    ["a tab inside", "C01%0902"],
    ["DEL", "C0102%7F"],
    ["a C1 control", "C0102%C2%85"],
    ["a zero-width space", "C0102%E2%80%8B"],
    ["a right-to-left override", "%E2%80%AEC0102"],
    ["a lone surrogate", "C0102%ED%A0%80"],
    ["a malformed escape", "C0102%E0%A4%A"],
    ["too long", "C".repeat(EMPLOYEE_NO_MAX + 1)],
    ["5,000 characters", "C".repeat(5_000)],
    ["5,000 escaped characters", "%41".repeat(5_000)],
    ["empty", ""],
    ["only spaces", "%20%20"],
    ["not the employee number's shape", "C0102%3Cscript%3E"],
  ])("refuses %s", (_what, segment) => {
    expect(parseEmployeeNoSegment(segment)).toEqual({ ok: false });
  });
});

describe("storableText", () => {
  it("replaces control characters and lone surrogates, and cuts to the limit", () => {
    expect(storableText("C0102\u0000\n", 60)).toBe("C0102\uFFFD\uFFFD");
    expect(storableText("a\uD800b", 60)).toBe("a\uFFFDb");
    expect(storableText("x".repeat(5_000), 60)).toHaveLength(60);
    // A cut through a surrogate pair leaves no half of it.
    expect(storableText("x😀", 2)).toBe("x\uFFFD");
  });

  it("keeps printable ASCII as it is, and still replaces DEL and cuts to the limit", () => {
    expect(storableText("C0102 ~-!", 60)).toBe("C0102 ~-!");
    expect(storableText("C0102\u007F", 60)).toBe("C0102\uFFFD");
    expect(storableText("C0102", 3)).toBe("C01");
  });
});
