import { describe, expect, it } from "vitest";

import { companyDate } from "~/utils/company-calendar";

import {
  clashSummary,
  courseCost,
  findClashes,
  lecturerFitsCategory,
  MAX_SESSION_MINUTES,
  overlaps,
  sameRoom,
  sessionInterval,
  sessionMinutes,
  sessionTooLong,
  type ClashCourse,
} from "./course-rules";
import { SessionSchema } from "./course.schema";

const Z = "Asia/Shanghai";
const s = (id: string, date: string, start: string, end: string, location = "A301") => ({
  id,
  location,
  ...sessionInterval(date, start, end, Z),
});
const course = (over: Partial<ClashCourse>): ClashCourse => ({
  id: "me",
  title: "话术规范复训",
  capacity: 30,
  lecturerId: null,
  attendeeIds: [],
  sessions: [],
  ...over,
});

describe("session times are company-local wall time", () => {
  it("09:00 in Shanghai is 01:00 UTC, whatever the server's zone", () => {
    expect(sessionInterval("2026-12-08", "09:00", "12:30", Z)).toEqual({
      startsAt: new Date("2026-12-08T01:00:00Z"),
      endsAt: new Date("2026-12-08T04:30:00Z"),
    });
  });
  it("an early-morning session on the 1st belongs to the local month, not the UTC one", () => {
    expect(companyDate(sessionInterval("2026-12-01", "07:00", "08:00", Z).startsAt, Z)).toMatchObject({
      year: 2026,
      month: 12,
    });
  });
});

describe("overlapping intervals", () => {
  const a = s("a", "2026-12-08", "09:00", "12:00");
  it.each([
    ["10:00", "11:00", true],
    ["08:00", "09:30", true],
    ["11:59", "13:00", true],
    ["08:00", "13:00", true],
    ["12:00", "13:00", false],
    ["07:00", "09:00", false],
  ])("09:00–12:00 against %s–%s: %s", (start, end, expected) => {
    expect(overlaps(a, s("b", "2026-12-08", start, end))).toBe(expected);
  });
  it("the same hours on another day do not overlap", () =>
    expect(overlaps(a, s("b", "2026-12-09", "09:00", "12:00"))).toBe(false));
  it("rooms typed differently are the same room", () => {
    const at = (location: string) => ({ location });
    expect(sameRoom(at("A301 会议室"), at(" a301会议室 "))).toBe(true);
    expect(sameRoom(at("A301"), at("培训室 A301"))).toBe(true);
    expect(sameRoom(at("A301"), at("A302"))).toBe(false);
    expect(sameRoom(at(""), at(" "))).toBe(false);
  });
  it("listed rooms are compared by the room, whatever the sessions print", () => {
    expect(sameRoom({ location: "A301", roomId: "r1" }, { location: "培训室 A301（旧名）", roomId: "r1" })).toBe(true);
    expect(sameRoom({ location: "A301", roomId: "r1" }, { location: "A301", roomId: "r2" })).toBe(false);
  });
});

describe("clash checks", () => {
  const other = course({
    id: "o",
    title: "情绪管理",
    attendeeIds: ["p1", "p9"],
    lecturerId: "lecturer",
    sessions: [s("os", "2026-12-08", "10:00", "11:00", "A301")],
  });

  it("finds a person in two sessions at once, attendee or lecturer", () => {
    const me = course({
      attendeeIds: ["p1", "p2"],
      lecturerId: "p9",
      sessions: [s("ms", "2026-12-08", "09:00", "12:00", "B201")],
    });
    const clashes = findClashes(me, [other]);
    expect(clashes.filter((c) => c.kind === "person").map((c) => c.kind === "person" && c.personId)).toEqual([
      "p1",
      "p9",
    ]);
    expect(clashes.some((c) => c.kind === "room")).toBe(false);
  });

  it("finds a room double-booked", () => {
    const me = course({ attendeeIds: ["p5"], sessions: [s("ms", "2026-12-08", "09:00", "12:00", "a301")] });
    expect(findClashes(me, [other])).toEqual([
      { kind: "room", location: "a301", sessionId: "ms", other: { courseId: "o", title: "情绪管理", sessionId: "os" } },
    ]);
  });

  it("finds a listed room double-booked across courses, and not two rooms that print alike", () => {
    const inRoom = (roomId: string) => ({ ...s("ms", "2026-12-08", "09:00", "12:00", "培训室 A301"), roomId });
    const listed = course({ id: "l", title: "催收合规", sessions: [{ ...other.sessions[0], roomId: "r1" }] });
    expect(findClashes(course({ sessions: [inRoom("r1")] }), [listed]).map((c) => c.kind)).toEqual(["room"]);
    expect(findClashes(course({ sessions: [inRoom("r2")] }), [listed])).toEqual([]);
  });

  it("finds attendees over capacity", () => {
    expect(findClashes(course({ capacity: 2, attendeeIds: ["a", "b", "c"] }), [])).toEqual([
      { kind: "capacity", attendees: 3, capacity: 2 },
    ]);
    expect(findClashes(course({ capacity: 3, attendeeIds: ["a", "b", "c"] }), [])).toEqual([]);
  });

  it("two sessions of the same course that overlap clash with each other, once", () => {
    const me = course({
      attendeeIds: ["p1"],
      sessions: [s("a", "2026-12-08", "09:00", "12:00", "A"), s("b", "2026-12-08", "11:00", "13:00", "B")],
    });
    expect(findClashes(me, [])).toEqual([
      {
        kind: "person",
        personId: "p1",
        sessionId: "a",
        other: { courseId: "me", title: "话术规范复训", sessionId: "b" },
      },
    ]);
  });

  it("back-to-back sessions, or the same people on another day, are no clash", () => {
    const me = course({
      attendeeIds: ["p1"],
      sessions: [s("ms", "2026-12-08", "11:00", "12:00", "A301"), s("ms2", "2026-12-09", "10:00", "11:00", "A301")],
    });
    expect(
      findClashes(me, [course({ ...other, sessions: [s("os", "2026-12-08", "10:00", "11:00", "A301")] })]),
    ).toEqual([]);
  });

  it("the summary lists each person once with the courses they clash with", () => {
    const me = course({
      attendeeIds: ["p1"],
      sessions: [s("x", "2026-12-08", "09:00", "12:00", "B"), s("y", "2026-12-15", "09:00", "12:00", "B")],
    });
    const again = { ...other, sessions: [...other.sessions, s("os2", "2026-12-15", "09:00", "10:00", "C")] };
    expect(clashSummary(findClashes(me, [again])).people).toEqual([{ personId: "p1", courses: ["情绪管理"] }]);
  });
});

it("a course's cost is the sum of its five cost lines, in fen", () => {
  expect(
    courseCost({
      lecturerFeeFen: 1_000_01,
      venueFeeFen: 500_00,
      materialsFeeFen: 0,
      externalFeeFen: 99,
      otherFeeFen: 1,
    }),
  ).toBe(1_500_01 + 100);
});

describe("how long a session may be", () => {
  it("at most 12 hours: a 21.5-hour session is refused, a full working day is fine", () => {
    expect(MAX_SESSION_MINUTES).toBe(12 * 60);
    expect(sessionMinutes("09:00", "17:30")).toBe(510);
    expect(sessionTooLong("01:00", "22:30")).toBe(true);
    expect(sessionTooLong("08:00", "20:01")).toBe(true);
    expect(sessionTooLong("08:00", "20:00")).toBe(false);
    expect(sessionTooLong("09:00", "12:00")).toBe(false);
  });
});

describe("who teaches a course of external or group training", () => {
  it("not an internal lecturer", () => {
    expect(lecturerFitsCategory("EXTERNAL", "INTERNAL")).toBe(false);
    expect(lecturerFitsCategory("GROUP", "INTERNAL")).toBe(false);
    expect(lecturerFitsCategory("EXTERNAL", "EXTERNAL")).toBe(true);
    expect(lecturerFitsCategory("INTERNAL", "INTERNAL")).toBe(true);
    expect(lecturerFitsCategory("NEW_HIRE", "EXTERNAL")).toBe(true);
  });
});

describe("a session as the clerk types it", () => {
  it("longer than the longest session allowed is refused on its end time", () => {
    const parsed = SessionSchema.safeParse({ date: "2026-12-08", start: "01:00", end: "22:30", location: "A301" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["end"], message: expect.stringMatching(/sessionTooLong/) });
    expect(
      SessionSchema.safeParse({ date: "2026-12-08", start: "09:00", end: "17:00", location: "A301" }).success,
    ).toBe(true);
  });
});
