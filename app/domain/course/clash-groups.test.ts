import { describe, expect, it } from "vitest";

import { clashGroups } from "./clash-groups";
import type { Clash } from "./course-rules";

const person = (personId: string, sessionId: string, courseId: string, title: string): Clash => ({
  kind: "person",
  personId,
  sessionId,
  other: { courseId, title, sessionId: `${courseId}-s` },
});

describe("clashGroups", () => {
  it("gives one line per other course with the number of people, not one line per person and session", () => {
    const clashes: Clash[] = [
      // 44 lines: 22 people × 2 overlapping sessions of the course itself.
      ...Array.from({ length: 22 }, (_, i) => person(`p${i}`, "s1", "me", "催收话术")),
      ...Array.from({ length: 22 }, (_, i) => person(`p${i}`, "s2", "me", "催收话术")),
      person("p1", "s1", "other", "情绪管理"),
      person("p2", "s1", "other", "情绪管理"),
      { kind: "capacity", attendees: 31, capacity: 30 },
    ];
    const groups = clashGroups("me", clashes);
    expect(groups.people.map((g) => ({ title: g.title, self: g.self, count: g.personIds.length }))).toEqual([
      { title: "催收话术", self: true, count: 22 },
      { title: "情绪管理", self: false, count: 2 },
    ]);
    expect(groups.rooms).toEqual([]);
  });

  it("counts the sessions that share a room with each other course", () => {
    const room = (sessionId: string): Clash => ({
      kind: "room",
      location: "A301",
      sessionId,
      other: { courseId: "other", title: "情绪管理", sessionId: "o1" },
    });
    expect(clashGroups("me", [room("s1"), room("s2"), room("s2")]).rooms).toEqual([
      { courseId: "other", title: "情绪管理", self: false, location: "A301", sessions: 2 },
    ]);
  });
});
