// Reads of the scheduling lists: the admin pages' full lists, and the choices a course form offers.
import { db } from "~/utils/db.server";

export function listRooms() {
  return db.room.findMany({
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      capacity: true,
      equipment: true,
      retiredAt: true,
      _count: { select: { sessions: true } },
    },
  });
}

export function listTrainers() {
  return db.externalTrainer.findMany({
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      organisation: true,
      contact: true,
      retiredAt: true,
      _count: { select: { courses: true } },
    },
  });
}

/** The rooms a session can be put in (retired ones are not offered). */
export function roomChoices() {
  return db.room.findMany({
    where: { retiredAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, capacity: true, equipment: true },
  });
}

/**
 * The external trainers a course can be taught by, plus the one it has (even if retired since); with a search,
 * those whose name or institution contains it.
 */
export function trainerChoices(search = "", currentId: string | null = null) {
  const q = search.trim();
  return db.externalTrainer.findMany({
    where: {
      OR: [{ retiredAt: null }, { id: currentId ?? "" }],
      ...(q
        ? { AND: [{ OR: [{ name: { contains: q } }, { organisation: { contains: q } }, { id: currentId ?? "" }] }] }
        : {}),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisation: true, contact: true },
  });
}
