import { describe, expect, it } from "vitest";

import { parseMessage } from "~/utils/validation";

import {
  batchSizes,
  batchVersion,
  checkBatches,
  evenSizes,
  formAssignments,
  splitEvenly,
  type BatchPlan,
} from "./batch-rules";
import { findClashes, sessionInterval, type ClashCourse } from "./course-rules";

const A301 = { name: "培训室 A301", capacity: 30 };
const SMALL = { name: "培训部小会议室", capacity: 2 };
const plan = (over: Partial<BatchPlan>): BatchPlan => ({
  count: 2,
  sessions: [
    { id: "s1", batch: 1, room: A301 },
    { id: "s2", batch: 2, room: A301 },
  ],
  attendees: [
    { personId: "p1", batch: 1 },
    { personId: "p2", batch: 1 },
    { personId: "p3", batch: 2 },
  ],
  ...over,
});
const keyOf = (refusal: ReturnType<typeof checkBatches>) => refusal && parseMessage(refusal.error);

describe("splitting evenly", () => {
  it("sizes differ by at most one, the larger batches first", () => {
    expect(evenSizes(7, 2)).toEqual([4, 3]);
    expect(evenSizes(6, 3)).toEqual([2, 2, 2]);
    expect(evenSizes(2, 3)).toEqual([1, 1, 0]);
    expect(evenSizes(0, 2)).toEqual([0, 0]);
  });

  it("sessions in time order and attendees in the order given go in consecutive blocks, batch 1 first", () => {
    const { sessions, attendees } = splitEvenly(2, ["s1", "s2", "s3", "s4"], ["a", "b", "c", "d", "e"]);
    expect(Object.fromEntries(sessions)).toEqual({ s1: 1, s2: 1, s3: 2, s4: 2 });
    expect(Object.fromEntries(attendees)).toEqual({ a: 1, b: 1, c: 1, d: 2, e: 2 });
  });

  it("one batch is everyone in batch 1", () => {
    const { attendees } = splitEvenly(1, ["s1"], ["a", "b"]);
    expect([...attendees.values()]).toEqual([1, 1]);
  });
});

describe("checking a split", () => {
  it("accepts a batch per session with its attendees seated", () => {
    expect(checkBatches(plan({}))).toBeNull();
    expect(batchSizes(2, plan({}).attendees)).toEqual([2, 1]);
  });

  it("refuses a batch with attendees but no session, naming the batch and how many", () => {
    const refusal = checkBatches(plan({ sessions: [{ id: "s1", batch: 1, room: A301 }] }));
    expect(keyOf(refusal)).toEqual({ key: "course.batches.noSession", params: { batch: 2, attendees: 1 } });
  });

  it("a course without sessions yet may be split (the sessions come later)", () => {
    expect(checkBatches(plan({ sessions: [] }))).toBeNull();
  });

  it("refuses a batch beyond the count and a count out of range", () => {
    const beyond = checkBatches(plan({ count: 1 }));
    expect(keyOf(beyond)).toEqual({ key: "course.batches.outOfRange", params: { batch: 2, count: 1 } });
    expect(beyond?.field).toBe("batchCount");
    expect(keyOf(checkBatches(plan({ count: 21 })))?.key).toBe("course.batches.countRange");
    expect(keyOf(checkBatches(plan({ count: 0 })))?.key).toBe("course.batches.countRange");
  });

  it("a room must seat the attendees of its session's batch, not the whole course", () => {
    // Three attendees, a room of two: fine for batch 2 (one attendee), too small for batch 1 (two is fine too).
    expect(
      checkBatches(
        plan({
          sessions: [
            { id: "s1", batch: 1, room: A301 },
            { id: "s2", batch: 2, room: SMALL },
          ],
        }),
      ),
    ).toBeNull();
    const crowded = plan({
      attendees: [
        { personId: "p1", batch: 2 },
        { personId: "p2", batch: 2 },
        { personId: "p3", batch: 2 },
        { personId: "p4", batch: 1 },
      ],
      sessions: [
        { id: "s1", batch: 1, room: A301 },
        { id: "s2", batch: 2, room: SMALL },
      ],
    });
    expect(keyOf(checkBatches(crowded))).toEqual({
      key: "scheduling.rooms.tooSmall",
      params: { name: "培训部小会议室", capacity: 2, attendees: 3 },
    });
  });
});

describe("the version of a split", () => {
  it("is the same for the same split, whatever the order, and changes with any batch, session or attendee", () => {
    const base = plan({});
    const v = batchVersion(base);
    expect(batchVersion({ ...base, attendees: [...base.attendees].reverse() })).toBe(v);
    expect(batchVersion({ ...base, count: 3 })).not.toBe(v);
    expect(batchVersion({ ...base, attendees: [...base.attendees, { personId: "p9", batch: 1 }] })).not.toBe(v);
    expect(
      batchVersion({ ...base, attendees: base.attendees.map((a) => (a.personId === "p1" ? { ...a, batch: 2 } : a)) }),
    ).not.toBe(v);
    expect(batchVersion({ ...base, sessions: base.sessions.map((s) => ({ ...s, batch: 1 })) })).not.toBe(v);
  });
});

describe("the form's rows", () => {
  it("reads session:<id> and attendee:<id> fields; a value not a number is batch 0, which is refused", () => {
    const read = formAssignments({ "session:s1": "2", "attendee:p1": "1", batchCount: "2", "attendee:p2": "x" });
    expect(Object.fromEntries(read.sessions)).toEqual({ s1: 2 });
    expect(Object.fromEntries(read.attendees)).toEqual({ p1: 1, p2: 0 });
    const refusal = checkBatches(plan({ attendees: [{ personId: "p2", batch: read.attendees.get("p2")! }] }));
    expect(keyOf(refusal)).toEqual({ key: "course.batches.outOfRange", params: { batch: 0, count: 2 } });
  });
});

describe("person clashes per batch", () => {
  const Z = "Asia/Shanghai";
  const at = (id: string, start: string, end: string, batch?: number) => ({
    id,
    location: "A301",
    batch,
    ...sessionInterval("2026-12-10", start, end, Z),
  });
  const other: ClashCourse = {
    id: "other",
    title: "投诉处理",
    capacity: 30,
    lecturerId: null,
    attendeeIds: ["p1"],
    sessions: [{ ...at("o1", "09:00", "10:00"), location: "B201" }],
  };

  it("someone in batch 2 does not clash with what overlaps batch 1's session", () => {
    const me: ClashCourse = {
      id: "me",
      title: "话术规范",
      capacity: 30,
      lecturerId: null,
      attendeeIds: ["p1", "p2"],
      batchOf: { p1: 2, p2: 1 },
      sessions: [at("s1", "09:00", "10:00", 1), at("s2", "14:00", "15:00", 2)],
    };
    expect(findClashes(me, [other]).filter((c) => c.kind === "person")).toEqual([]);
    const inBatch1 = { ...me, batchOf: { p1: 1, p2: 1 } };
    expect(findClashes(inBatch1, [other]).filter((c) => c.kind === "person")).toMatchObject([
      { personId: "p1", sessionId: "s1", other: { courseId: "other" } },
    ]);
  });

  it("the other course's batches count too: only the sessions of their batch there", () => {
    const split: ClashCourse = {
      ...other,
      attendeeIds: ["p1"],
      batchOf: { p1: 2 },
      sessions: [
        { ...at("o1", "09:00", "10:00", 1), location: "B201" },
        { ...at("o2", "14:00", "15:00", 2), location: "B201" },
      ],
    };
    const me: ClashCourse = {
      id: "me",
      title: "话术规范",
      capacity: 30,
      lecturerId: null,
      attendeeIds: ["p1"],
      sessions: [{ ...at("s1", "09:00", "10:00"), location: "C1" }],
    };
    expect(findClashes(me, [split]).filter((c) => c.kind === "person")).toEqual([]);
  });
});
