import { describe, expect, it } from "vitest";

import {
  CaseListQuerySchema,
  decodeCursor,
  encodeCursor,
  keysetWhere,
  pageRequest,
  shapePage,
} from "./case-list-rules";

const row = (day: number, caseNo: string) => ({ mandateDueDate: new Date(Date.UTC(2027, 0, day)), caseNo });

describe("the case list's cursor", () => {
  it("round-trips a due date and a case number, underscores included", () => {
    const c = encodeCursor(row(5, "JN_2611-0001"));
    expect(c).toBe("2027-01-05_JN_2611-0001");
    expect(decodeCursor(c)).toEqual({ due: new Date("2027-01-05T00:00:00.000Z"), caseNo: "JN_2611-0001" });
  });

  it.each([undefined, "", "2027-01-05", "garbage_x", "2027-13-45_X", `2027-01-05_${"x".repeat(61)}`])(
    "%j is no cursor (the first page)",
    (value) => {
      expect(decodeCursor(value)).toBeNull();
    },
  );

  it("after= wins over before=", () => {
    expect(pageRequest({ after: "2027-01-05_A", before: "2027-01-09_B" })).toMatchObject({ direction: "after" });
    expect(pageRequest({ before: "2027-01-09_B" })).toMatchObject({ direction: "before" });
    expect(pageRequest({})).toEqual({ cursor: null, direction: "after" });
  });

  it("orders by due date, then case number, strictly past the cursor", () => {
    const cursor = { due: new Date("2027-01-05T00:00:00.000Z"), caseNo: "B" };
    expect(keysetWhere(cursor, "after")).toEqual({
      OR: [{ mandateDueDate: { gt: cursor.due } }, { mandateDueDate: cursor.due, caseNo: { gt: "B" } }],
    });
    expect(keysetWhere(cursor, "before")).toEqual({
      OR: [{ mandateDueDate: { lt: cursor.due } }, { mandateDueDate: cursor.due, caseNo: { lt: "B" } }],
    });
  });
});

describe("a page", () => {
  const rows = [row(1, "A"), row(1, "B"), row(2, "A"), row(3, "C")];

  it("the first page: a next link when a row more was read, no previous", () => {
    expect(shapePage(rows, { cursor: null, direction: "after" }, 3)).toEqual({
      rows: rows.slice(0, 3),
      next: "2027-01-02_A",
      previous: null,
    });
  });

  it("the last page going forward: a previous link, no next", () => {
    const cursor = decodeCursor("2027-01-02_A")!;
    expect(shapePage([row(3, "C")], { cursor, direction: "after" }, 3)).toEqual({
      rows: [row(3, "C")],
      next: null,
      previous: "2027-01-03_C",
    });
  });

  it("going back: rows read backwards come out in list order; previous only if there is more", () => {
    const cursor = decodeCursor("2027-01-03_C")!;
    const back = [row(2, "A"), row(1, "B"), row(1, "A")];
    expect(shapePage(back, { cursor, direction: "before" }, 3)).toEqual({
      rows: [row(1, "A"), row(1, "B"), row(2, "A")],
      next: "2027-01-02_A",
      previous: null,
    });
    expect(shapePage(back, { cursor, direction: "before" }, 2).previous).toBe("2027-01-01_B");
  });
});

describe("the query", () => {
  it("drops empty and over-long search text and unknown filters", () => {
    expect(CaseListQuerySchema.parse({ q: "  ", bank: "x".repeat(61), assigned: "maybe" })).toEqual({});
    expect(CaseListQuerySchema.parse({ q: " JN2611 ", bank: "江南" })).toEqual({ q: "JN2611", bank: "江南" });
  });
});
