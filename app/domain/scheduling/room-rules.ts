// Pure rules of the room list: when two names are one room, and whether a room seats a session's people.

/**
 * The name as rooms are compared: without spaces, in lower case, and without a leading "培训室", so
 * "A301", "a301 " and "培训室 A301" are one room. The rooms migration computes the same key in SQL.
 */
export function roomKey(name: string): string {
  const bare = name.replace(/[\s\u3000]+/g, "").toLowerCase();
  return bare.startsWith("培训室") && bare.length > 3 ? bare.slice(3) : bare;
}

/** 外部培训 and 集团培训 are held at the outside institution: their sessions may name any venue. */
export const heldOutside = (category: string) => category === "EXTERNAL" || category === "GROUP";

/** Whether a room seats everyone who sits the session. */
export const roomSeats = (capacity: number, attendees: number) => attendees <= capacity;

/** The sessions (by room) whose room is too small for the attendees that would sit them. */
export function overfullRooms<S extends { room: { name: string; capacity: number } | null }>(
  sessions: S[],
  attendeesOf: (session: S) => number,
): Array<{ session: S; room: { name: string; capacity: number }; attendees: number }> {
  return sessions.flatMap((session) => {
    const attendees = attendeesOf(session);
    return session.room && !roomSeats(session.room.capacity, attendees)
      ? [{ session, room: session.room, attendees }]
      : [];
  });
}
