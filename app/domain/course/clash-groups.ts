// The clash list a page shows: one line per other course (or per room and course) with a count, instead of
// one line per person and session.
import type { Clash } from "./course-rules";

export type PeopleClashGroup = { courseId: string; title: string; self: boolean; personIds: string[] };
export type RoomClashGroup = { courseId: string; title: string; self: boolean; location: string; sessions: number };

/** Clashes grouped by the other course; the course's own overlapping sessions come first, marked `self`. */
export function clashGroups(courseId: string, clashes: Clash[]) {
  const people = new Map<string, { courseId: string; title: string; self: boolean; personIds: Set<string> }>();
  const rooms = new Map<string, RoomClashGroup & { sessionIds: Set<string> }>();
  for (const c of clashes) {
    if (c.kind === "capacity") continue;
    const self = c.other.courseId === courseId;
    if (c.kind === "person") {
      const group = people.get(c.other.courseId) ?? {
        courseId: c.other.courseId,
        title: c.other.title,
        self,
        personIds: new Set<string>(),
      };
      group.personIds.add(c.personId);
      people.set(c.other.courseId, group);
    } else {
      const key = `${c.other.courseId}\u0000${c.location}`;
      const group = rooms.get(key) ?? {
        courseId: c.other.courseId,
        title: c.other.title,
        self,
        location: c.location,
        sessions: 0,
        sessionIds: new Set<string>(),
      };
      group.sessionIds.add(c.sessionId);
      group.sessions = group.sessionIds.size;
      rooms.set(key, group);
    }
  }
  const order = <T extends { self: boolean; title: string }>(a: T, b: T) =>
    Number(b.self) - Number(a.self) || a.title.localeCompare(b.title, "zh-CN");
  return {
    people: [...people.values()]
      .map((g) => ({ courseId: g.courseId, title: g.title, self: g.self, personIds: [...g.personIds].sort() }))
      .sort(order),
    rooms: [...rooms.values()].map(({ sessionIds: _ids, ...g }) => g).sort(order),
  };
}
