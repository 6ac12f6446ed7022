// The administrator's room list: add or change a room, retire it (kept for the sessions held there) or bring
// it back. Names are unique the way rooms are compared (roomKey), so "A301" cannot be added beside "培训室 A301".
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { roomKey } from "./room-rules";
import type { RoomInput } from "./scheduling.schema";

type Actor = NonNullable<AuditActor>;
export type ListOutcome = { ok: true; id: string } | { ok: false; error: string; field?: string; status?: 404 };

export async function saveRoom(actor: Actor, id: string | null, input: RoomInput): Promise<ListOutcome> {
  const data = {
    name: input.name,
    nameKey: roomKey(input.name),
    capacity: input.capacity,
    equipment: input.equipment ?? "",
  };
  return db.$transaction(async (tx) => {
    const same = await tx.room.findUnique({ where: { nameKey: data.nameKey }, select: { id: true, name: true } });
    if (same && same.id !== id)
      return {
        ok: false as const,
        field: "name",
        error: messageKey("scheduling.rooms.nameTaken", { name: same.name }),
      };
    if (id) {
      const before = await tx.room.findUnique({
        where: { id },
        select: { name: true, capacity: true, equipment: true },
      });
      if (!before) return { ok: false as const, error: "errors.notFound", status: 404 as const };
      await tx.room.update({ where: { id }, data });
      await writeAudit(tx, {
        actor,
        action: "room.updated",
        entityType: "Room",
        entityId: id,
        summary: { before, after: { name: data.name, capacity: data.capacity, equipment: data.equipment } },
      });
      return { ok: true as const, id };
    }
    const room = await tx.room.create({ data, select: { id: true } });
    await writeAudit(tx, {
      actor,
      action: "room.created",
      entityType: "Room",
      entityId: room.id,
      summary: { name: data.name, capacity: data.capacity, equipment: data.equipment },
    });
    return { ok: true as const, id: room.id };
  });
}

/** A retired room is no longer offered for new sessions; the sessions held there keep it. */
export async function setRoomRetired(actor: Actor, id: string, retired: boolean): Promise<ListOutcome> {
  return db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({ where: { id }, select: { name: true } });
    if (!room) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    await tx.room.update({ where: { id }, data: { retiredAt: retired ? now() : null } });
    await writeAudit(tx, {
      actor,
      action: retired ? "room.retired" : "room.restored",
      entityType: "Room",
      entityId: id,
      summary: { name: room.name },
    });
    return { ok: true as const, id };
  });
}
