import { describe, expect, it } from "vitest";

import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetAfter,
  keysetPage,
  keysetReadOrder,
  keysetRequest,
  type InstantIdCursor,
} from "./keyset";

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

describe("keysetAfter: the read of a keyset list for a request", () => {
  const at = new Date("2026-03-01T02:00:00Z");
  const after = { cursor: { at, id: "c9" }, direction: "after" as const };
  const before = { cursor: { at, id: "c9" }, direction: "before" as const };
  const first = { cursor: null, direction: "after" as const };

  it("without a cursor: no predicate, the list's order", () => {
    expect(
      keysetAfter("OutboxMessage", "desc", first, ["createdAt", "id"], (c: InstantIdCursor) => [c.at, c.id]),
    ).toEqual({
      where: {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      dir: "desc",
    });
  });

  it("after (instant, id): beyond the instant, or on it and beyond the id, in the list's order", () => {
    expect(keysetAfter("OutboxMessage", "desc", after, ["createdAt", "id"], (c) => [c.at, c.id])).toEqual({
      where: { OR: [{ createdAt: { lt: at } }, { AND: [{ createdAt: at }, { id: { lt: "c9" } }] }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      dir: "desc",
    });
    expect(keysetAfter("CourseSession", "asc", after, ["startsAt", "id"], (c) => [c.at, c.id]).where).toEqual({
      OR: [{ startsAt: { gt: at } }, { AND: [{ startsAt: at }, { id: { gt: "c9" } }] }],
    });
  });

  it("before a cursor: the order reversed and the comparison turned", () => {
    expect(keysetAfter("CourseSession", "asc", before, ["startsAt", "id"], (c) => [c.at, c.id])).toEqual({
      where: { OR: [{ startsAt: { lt: at } }, { AND: [{ startsAt: at }, { id: { lt: "c9" } }] }] },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      dir: "desc",
    });
  });

  it("a field of a record the row points to is nested, in the predicate and the order", () => {
    expect(keysetAfter("LeaveRequest", "desc", after, ["session.startsAt", "id"], (c) => [c.at, c.id])).toEqual({
      where: {
        OR: [{ session: { startsAt: { lt: at } } }, { AND: [{ session: { startsAt: at } }, { id: { lt: "c9" } }] }],
      },
      orderBy: [{ session: { startsAt: "desc" } }, { id: "desc" }],
      dir: "desc",
    });
  });

  it("one unique field: a plain comparison", () => {
    const request = { cursor: "E0042", direction: "after" as const };
    expect(keysetAfter("Person", "asc", request, ["employeeNo"], (c) => [c])).toEqual({
      where: { employeeNo: { gt: "E0042" } },
      orderBy: [{ employeeNo: "asc" }],
      dir: "asc",
    });
    const back = { cursor: 7n, direction: "before" as const };
    expect(keysetAfter("AuditEntry", "desc", back, ["id"], (c) => [c]).where).toEqual({ id: { gt: 7n } });
  });

  it("three fields: equal on every field before the one compared", () => {
    const request = { cursor: ["a", 2, "z"] as const, direction: "after" as const };
    expect(keysetAfter("Person", "asc", request, ["name", "hireDate", "id"], (c) => c).where).toEqual({
      OR: [
        { name: { gt: "a" } },
        { AND: [{ name: "a" }, { hireDate: { gt: 2 } }] },
        { AND: [{ name: "a" }, { hireDate: 2 }, { id: { gt: "z" } }] },
      ],
    });
  });

  it("refuses a cursor without one value per field", () => {
    expect(() => keysetAfter("Person", "asc", after, ["employeeNo", "id"], (c) => [c.id])).toThrow(/one cursor value/);
  });

  it("takes only fields the model sorts by (a wrong name does not compile)", () => {
    // @ts-expect-error: not a field of OutboxMessage
    keysetAfter("OutboxMessage", "desc", first, ["createdOn", "id"], () => []);
    // @ts-expect-error: a field of the session, not of the form
    keysetAfter("LeaveRequest", "desc", first, ["startsAt", "id"], () => []);
    // @ts-expect-error: not a field of the session
    keysetAfter("LeaveRequest", "desc", first, ["session.startAt", "id"], () => []);
    // @ts-expect-error: at least one field
    keysetAfter("Person", "asc", first, [], () => []);
    expect(keysetAfter("LeaveRequest", "asc", first, ["session.startsAt", "id"], () => []).where).toEqual({});
  });
});
