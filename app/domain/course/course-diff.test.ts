import { describe, expect, it } from "vitest";

import { diffCourses, type CourseSnapshot } from "./course-diff";

const course = (over: Partial<CourseSnapshot> = {}): CourseSnapshot => ({
  title: "投诉处理实战演练",
  monthlyItemId: "m1",
  capacity: 30,
  outline: "投诉录音复盘。",
  lecturerKind: "EXTERNAL",
  lecturerId: null,
  externalLecturer: "张敏",
  externalOrg: "上海某培训机构",
  externalContact: "021-5555 0000",
  costs: { lecturerFeeFen: 1200_00, venueFeeFen: 0, materialsFeeFen: 150_50, externalFeeFen: 0, otherFeeFen: 0 },
  sessions: [
    { id: "s1", startsAt: "2026-12-11T01:00:00.000Z", endsAt: "2026-12-11T04:00:00.000Z", location: "培训室 A302" },
  ],
  attendeeIds: ["p1", "p2"],
  materials: [{ id: "f1", fileName: "案例.pdf", sizeBytes: 100 }],
  ...over,
});

describe("what changed in a course plan since the rejected revision", () => {
  it("shows changed fields before and after, with the total cost when a fee changed", () => {
    const after = course({ capacity: 25, costs: { ...course().costs, lecturerFeeFen: 800_00 } });
    expect(diffCourses(course(), after).fields).toEqual([
      { field: "capacity", before: 30, after: 25 },
      { field: "lecturerFeeFen", before: 1200_00, after: 800_00 },
      { field: "totalFen", before: 1350_50, after: 950_50 },
    ]);
  });

  it("the lecturer is one change, whether the person, the kind or the institution's contact changed", () => {
    const internal = course({
      lecturerKind: "INTERNAL",
      lecturerId: "t3",
      externalLecturer: null,
      externalOrg: null,
      externalContact: null,
    });
    expect(diffCourses(course(), internal).fields).toEqual([
      {
        field: "lecturer",
        before: {
          kind: "EXTERNAL",
          lecturerId: null,
          externalLecturer: "张敏",
          externalOrg: "上海某培训机构",
          externalContact: "021-5555 0000",
        },
        after: { kind: "INTERNAL", lecturerId: "t3", externalLecturer: null, externalOrg: null, externalContact: null },
      },
    ]);
    expect(diffCourses(course(), course({ externalContact: "021-5555 0001" })).fields.map((f) => f.field)).toEqual([
      "lecturer",
    ]);
  });

  it("sessions by time and place, trainees and materials added or removed", () => {
    const moved = {
      id: "s2",
      startsAt: "2026-12-12T01:00:00.000Z",
      endsAt: "2026-12-12T04:00:00.000Z",
      location: "培训室 A302",
    };
    const after = course({
      sessions: [moved],
      attendeeIds: ["p2", "p3"],
      materials: [{ id: "f2", fileName: "讲义.pptx", sizeBytes: 200 }],
    });
    const diff = diffCourses(course(), after);
    expect(diff.fields).toEqual([]);
    expect(diff.sessions).toEqual({ added: [moved], removed: [course().sessions[0]] });
    expect(diff.attendees).toEqual({ added: ["p3"], removed: ["p1"] });
    expect(diff.materials).toEqual({
      added: [{ id: "f2", fileName: "讲义.pptx", sizeBytes: 200 }],
      removed: [{ id: "f1", fileName: "案例.pdf", sizeBytes: 100 }],
    });
  });

  it("a session deleted and added again unchanged, or trainees in another order, is no change", () => {
    const again = course({ sessions: [{ ...course().sessions[0], id: "s9" }], attendeeIds: ["p2", "p1"] });
    expect(diffCourses(course(), again)).toEqual({
      fields: [],
      sessions: { added: [], removed: [] },
      attendees: { added: [], removed: [] },
      regrouped: [],
      split: false,
      materials: { added: [], removed: [] },
    });
  });

  it("a snapshot from before batches equals the same course in one batch", () => {
    const oneBatch = course({
      batchCount: 1,
      sessions: course().sessions.map((s) => ({ ...s, batch: 1 })),
      attendeeBatches: { p1: 1, p2: 1 },
    });
    const diff = diffCourses(course(), oneBatch);
    expect([diff.fields, diff.sessions.added, diff.regrouped, diff.split]).toEqual([[], [], [], false]);
  });

  it("a re-split shows: the number of batches, each trainee moved to another batch, a session's new batch", () => {
    const before = course({
      batchCount: 2,
      sessions: [
        { ...course().sessions[0], batch: 1 },
        {
          id: "s2",
          startsAt: "2026-12-12T01:00:00.000Z",
          endsAt: "2026-12-12T04:00:00.000Z",
          location: "A302",
          batch: 2,
        },
      ],
      attendeeIds: ["p1", "p2", "p3"],
      attendeeBatches: { p1: 1, p2: 2, p3: 2 },
    });
    const after = course({
      batchCount: 3,
      sessions: [before.sessions[0], { ...before.sessions[1], batch: 3 }],
      attendeeIds: ["p1", "p2", "p4"],
      attendeeBatches: { p1: 1, p2: 3, p4: 2 },
    });
    const diff = diffCourses(before, after);
    expect(diff.fields).toEqual([{ field: "batchCount", before: 2, after: 3 }]);
    // p3 left and p4 joined: listed as trainees removed and added, not as moved.
    expect(diff.regrouped).toEqual([{ id: "p2", from: 2, to: 3 }]);
    expect(diff.sessions).toEqual({ added: [after.sessions[1]], removed: [before.sessions[1]] });
    expect(diff.split).toBe(true);
  });
});
