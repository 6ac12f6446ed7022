// Pure rules of batches (ADR 0025): a large intake split into batches, each batch sitting its own sessions.
// A session's roster is the course's attendees of its batch. No I/O.
import { messageKey } from "~/utils/validation";

import { overfullRooms } from "../scheduling/room-rules";

/** More batches than this is a typing mistake, not a plan. */
export const MAX_BATCHES = 20;

export type BatchSession = { id: string; batch: number; room: { name: string; capacity: number } | null };
export type BatchAttendee = { personId: string; batch: number };
export type BatchPlan = { count: number; sessions: BatchSession[]; attendees: BatchAttendee[] };
export type BatchRefusal = { error: string; field: string };

/** Sizes of `total` things split into `count` parts that differ by at most one, the larger first. */
export function evenSizes(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total % count ? 1 : 0));
}

/** Batch numbers (1-based) for things in order, in consecutive blocks of even sizes. */
function inBlocks(ids: readonly string[], count: number): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  evenSizes(ids.length, count).forEach((size, b) => {
    for (const id of ids.slice(i, i + size)) out.set(id, b + 1);
    i += size;
  });
  return out;
}

/**
 * "Split evenly": the sessions in time order and the attendees in the order given (by department, then
 * employee no., so a department stays together) in consecutive blocks, batch 1 first.
 */
export function splitEvenly(count: number, sessionIds: readonly string[], attendeeIds: readonly string[]) {
  return { sessions: inBlocks(sessionIds, count), attendees: inBlocks(attendeeIds, count) };
}

/** How many attendees each batch has (index 0: batch 1). */
export function batchSizes(count: number, attendees: readonly BatchAttendee[]): number[] {
  const sizes = Array.from({ length: count }, () => 0);
  for (const a of attendees) if (a.batch >= 1 && a.batch <= count) sizes[a.batch - 1]++;
  return sizes;
}

/** The people who sit a session: the attendees of its batch. */
export const attendeesOfBatch = <A extends BatchAttendee>(attendees: readonly A[], batch: number) =>
  attendees.filter((a) => a.batch === batch);

/**
 * Why a split cannot be saved, or null: every batch in 1..count, a batch with attendees has a session (once
 * the course has sessions at all), and every listed room seats the attendees of its session's batch.
 */
export function checkBatches(plan: BatchPlan): BatchRefusal | null {
  const { count, sessions, attendees } = plan;
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCHES)
    return { error: messageKey("course.batches.countRange", { max: MAX_BATCHES }), field: "batchCount" };
  const outside = [...sessions.map((s) => s.batch), ...attendees.map((a) => a.batch)].find(
    (b) => !Number.isInteger(b) || b < 1 || b > count,
  );
  if (outside !== undefined)
    return { error: messageKey("course.batches.outOfRange", { batch: outside, count }), field: "batchCount" };
  const sizes = batchSizes(count, attendees);
  if (sessions.length > 0) {
    const empty = sizes.findIndex((n, i) => n > 0 && !sessions.some((s) => s.batch === i + 1));
    if (empty >= 0)
      return {
        error: messageKey("course.batches.noSession", { batch: empty + 1, attendees: sizes[empty] }),
        field: "_form",
      };
  }
  const [full] = overfullRooms(sessions, (s) => sizes[s.batch - 1] ?? 0);
  if (full)
    return {
      error: messageKey("scheduling.rooms.tooSmall", {
        name: full.room.name,
        capacity: full.room.capacity,
        attendees: full.attendees,
      }),
      field: "_form",
    };
  return null;
}

/**
 * The version of a course's split the clerk's form was built from: the count and every session's and
 * attendee's batch. A form built before anyone changed any of them (or added a session or an attendee) is stale.
 */
export function batchVersion(
  plan: Pick<BatchPlan, "count"> & { sessions: Array<{ id: string; batch: number }>; attendees: BatchAttendee[] },
): string {
  const text = [
    String(plan.count),
    ...plan.sessions.map((s) => `s${s.id}:${s.batch}`).sort(),
    ...plan.attendees.map((a) => `a${a.personId}:${a.batch}`).sort(),
  ].join("|");
  // FNV-1a, 32 bits twice with different seeds: short, stable, and enough to tell two plans apart.
  const fnv = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

const ROW = /^(session|attendee):(.+)$/;

/** The batch per session and per attendee a form sent as `session:<id>` / `attendee:<personId>` fields. */
export function formAssignments(values: Record<string, unknown>) {
  const sessions = new Map<string, number>();
  const attendees = new Map<string, number>();
  for (const [key, value] of Object.entries(values)) {
    const m = ROW.exec(key);
    if (!m) continue;
    // Anything but a batch number is batch 0, which no split accepts (`checkBatches` says so).
    const batch = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : 0;
    (m[1] === "session" ? sessions : attendees).set(m[2], batch);
  }
  return { sessions, attendees };
}
