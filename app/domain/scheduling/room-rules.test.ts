import { describe, expect, it } from "vitest";

import { heldOutside, overfullRooms, roomKey, roomSeats } from "./room-rules";

describe("one room, however it is typed", () => {
  it("ignores spaces, case and a leading 培训室", () => {
    expect(roomKey("A301")).toBe("a301");
    expect(roomKey(" 培训室 A301 ")).toBe("a301");
    expect(roomKey("培训室\u3000a301")).toBe("a301");
    expect(roomKey("大会议室")).toBe("大会议室");
  });
  it("keeps rooms with different names apart", () => {
    expect(roomKey("A301")).not.toBe(roomKey("A302"));
    expect(roomKey("培训室")).toBe("培训室");
    expect(roomKey("电脑室")).not.toBe(roomKey("培训室"));
  });
});

describe("where a session is held", () => {
  it("external and group training at the outside institution, the rest in the company's rooms", () => {
    expect(["NEW_HIRE", "INTERNAL", "TRANSFER", "EXTERNAL", "GROUP"].filter(heldOutside)).toEqual([
      "EXTERNAL",
      "GROUP",
    ]);
  });
});

describe("a room seats its session", () => {
  it("seats exactly its capacity and refuses one more", () => {
    expect(roomSeats(30, 30)).toBe(true);
    expect(roomSeats(30, 31)).toBe(false);
  });
  it("names the sessions whose room is too small, and never an outside venue", () => {
    const sessions = [
      { id: "a", room: { name: "A301", capacity: 30 } },
      { id: "b", room: { name: "大会议室", capacity: 80 } },
      { id: "c", room: null },
    ];
    const found = overfullRooms(sessions, () => 40);
    expect(found.map((f) => f.session.id)).toEqual(["a"]);
    expect(found[0]).toMatchObject({ room: { name: "A301", capacity: 30 }, attendees: 40 });
  });
});
