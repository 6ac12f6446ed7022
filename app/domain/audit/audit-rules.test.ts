import { describe, expect, it } from "vitest";

import { decodeAuditCursor, encodeAuditCursor, maskCaseNo, plainValue, summaryView } from "./audit-rules";

describe("maskCaseNo", () => {
  it.each([
    ["JN2611-0001", "JN26****0001"],
    ["GEN-01043", "GEN-****1043"],
    ["AB12", "A**2"],
    ["A1", "A*1"],
  ])("%s → %s", (caseNo, shown) => {
    expect(maskCaseNo(caseNo)).toBe(shown);
  });
});

describe("plainValue", () => {
  it("writes text, numbers, yes/no and lists of them as one line; nothing else", () => {
    expect(plainValue("外呼系统")).toBe("外呼系统");
    expect(plainValue(3)).toBe("3");
    expect(plainValue(false)).toBe("false");
    expect(plainValue(["B1", "B3"])).toBe("B1、B3");
    expect(plainValue([])).toBe("—");
    expect(plainValue(null)).toBe("—");
    expect(plainValue({ a: 1 })).toBeNull();
    expect(plainValue([{ a: 1 }])).toBeNull();
  });
});

describe("summaryView", () => {
  const known = (key: string) => ["name", "prefix", "caseNos", "before"].includes(key);

  it("known keys with plain values become lines, in the summary's order; the rest is kept for JSON", () => {
    expect(
      summaryView({ name: "外呼系统", prefix: "tgk_ab", previous: ["p1"], before: { title: "旧" } }, known),
    ).toEqual({
      lines: [
        { key: "name", value: "外呼系统" },
        { key: "prefix", value: "tgk_ab" },
      ],
      rest: { previous: ["p1"], before: { title: "旧" } },
    });
  });

  it("case numbers are masked in the lines", () => {
    expect(summaryView({ caseNos: ["JN2611-0001", "JN2611-0002"] }, known).lines).toEqual([
      { key: "caseNos", value: "JN26****0001、JN26****0002" },
    ]);
  });

  it("no summary, no lines; a summary that is not an object is all JSON", () => {
    expect(summaryView(null, known)).toEqual({ lines: [], rest: null });
    expect(summaryView("text", known)).toEqual({ lines: [], rest: { value: "text" } });
  });
});

describe("the audit log's keyset cursor", () => {
  it("round-trips an entry's id, beyond what a JavaScript number holds", () => {
    expect(decodeAuditCursor(encodeAuditCursor({ id: 9_007_199_254_740_993n }))).toBe(9_007_199_254_740_993n);
  });

  it("refuses anything else (the page then starts at the newest entry)", () => {
    for (const bad of [undefined, "", "-5", "1.5", "12a", "2026-03-01", "9223372036854775808", "99999999999999999999"])
      expect(decodeAuditCursor(bad)).toBeNull();
  });
});
