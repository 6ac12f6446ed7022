// Where a session is held: a room from the list (its name is what prints and is invited), or, for training
// outside the company (外部培训, 集团培训), the venue typed. A place typed for a company session is the
// listed room it names ("A301" → 培训室 A301); a room must seat the session's attendees.
import type { Tx } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { heldOutside, roomKey, roomSeats } from "./room-rules";

export type PlaceInput = { roomId?: string | null; location?: string | null };
export type Place = { ok: true; roomId: string | null; location: string } | { ok: false; field: string; error: string };

export async function sessionPlace(tx: Tx, input: PlaceInput, category: string, attendees: number): Promise<Place> {
  const typed = input.location?.trim() ?? "";
  const room = input.roomId
    ? await tx.room.findFirst({ where: { id: input.roomId, retiredAt: null } })
    : typed
      ? await tx.room.findFirst({ where: { nameKey: roomKey(typed), retiredAt: null } })
      : null;
  if (input.roomId && !room) return { ok: false, field: "roomId", error: "validation.invalidChoice" };
  if (!room) {
    if (!typed)
      return { ok: false, field: heldOutside(category) ? "location" : "roomId", error: "validation.required" };
    if (!heldOutside(category))
      return { ok: false, field: "roomId", error: messageKey("scheduling.rooms.notListed", { name: typed }) };
    return { ok: true, roomId: null, location: typed };
  }
  if (!roomSeats(room.capacity, attendees))
    return {
      ok: false,
      field: "roomId",
      error: messageKey("scheduling.rooms.tooSmall", { name: room.name, capacity: room.capacity, attendees }),
    };
  return { ok: true, roomId: room.id, location: room.name };
}

/** The smallest room a batch's sessions are held in, to check a larger list of its attendees against. */
export async function smallestRoom(tx: Tx, courseId: string, batch: number) {
  const sessions = await tx.courseSession.findMany({
    where: { courseId, batch, roomId: { not: null } },
    select: { room: { select: { name: true, capacity: true } } },
  });
  return sessions
    .map((s) => s.room!)
    .reduce<{ name: string; capacity: number } | null>((min, r) => (!min || r.capacity < min.capacity ? r : min), null);
}
