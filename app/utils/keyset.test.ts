import { describe, expect, it } from "vitest";

import { decodeInstantIdCursor, encodeInstantIdCursor, keysetPage, keysetReadOrder, keysetRequest } from "./keyset";

const decode = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
const encode = (n: number) => String(n);
// The list 1..7 in order, pages of 3.
const list = [1, 2, 3, 4, 5, 6, 7];
const read = (q: { after?: string; before?: string }) => {
  const request = keysetRequest(q, decode);
  const rows =
    request.cursor === null
      ? list.slice(0, 4)
      : request.direction === "after"
        ? list.filter((n) => n > request.cursor!).slice(0, 4)
        : list
            .filter((n) => n < request.cursor!)
            .reverse()
            .slice(0, 4);
  return keysetPage(rows, request, 3, encode);
};

describe("keyset pages", () => {
  it("the first page has a next cursor and no previous one", () => {
    expect(read({})).toEqual({ rows: [1, 2, 3], next: "3", previous: null });
  });

  it("forwards from a cursor: the rows after it, both links; the last page has no next", () => {
    expect(read({ after: "3" })).toEqual({ rows: [4, 5, 6], next: "6", previous: "4" });
    expect(read({ after: "6" })).toEqual({ rows: [7], next: null, previous: "7" });
  });

  it("backwards from a cursor: the rows before it in list order; at the start no previous", () => {
    expect(read({ before: "7" })).toEqual({ rows: [4, 5, 6], next: "6", previous: "4" });
    expect(read({ before: "4" })).toEqual({ rows: [1, 2, 3], next: "3", previous: null });
  });

  it("a page exactly the size of what is left has no next link (the extra row decides)", () => {
    expect(read({ after: "4" })).toEqual({ rows: [5, 6, 7], next: null, previous: "5" });
  });

  it("after wins over before; a cursor that does not decode is the first page", () => {
    expect(keysetRequest({ after: "2", before: "5" }, decode)).toEqual({ cursor: 2, direction: "after" });
    expect(keysetRequest({ after: "x" }, decode)).toEqual({ cursor: null, direction: "after" });
    expect(read({ before: "nonsense" })).toEqual({ rows: [1, 2, 3], next: "3", previous: null });
  });
});

describe("an instant-and-id cursor", () => {
  it("reads back what it wrote", () => {
    const row = { at: new Date(Date.UTC(2026, 11, 31, 15, 30, 0, 5)), id: "cmq1x2" };
    expect(decodeInstantIdCursor(encodeInstantIdCursor(row))).toEqual(row);
  });

  it.each(["", "abc", "12.", ".x", "12.x;y", "1234567890123456.x"])("is no cursor for %j", (value) => {
    expect(decodeInstantIdCursor(value)).toBeNull();
  });
});

describe("keysetReadOrder", () => {
  const after = { cursor: 1, direction: "after" as const };
  const before = { cursor: 1, direction: "before" as const };
  it("reads forwards in the list's order, past the cursor", () => {
    expect(keysetReadOrder("asc", after)).toEqual({ dir: "asc", beyond: "gt" });
    expect(keysetReadOrder("desc", after)).toEqual({ dir: "desc", beyond: "lt" });
  });
  it("pages back in the reverse order, before the cursor", () => {
    expect(keysetReadOrder("asc", before)).toEqual({ dir: "desc", beyond: "lt" });
    expect(keysetReadOrder("desc", before)).toEqual({ dir: "asc", beyond: "gt" });
  });
});
