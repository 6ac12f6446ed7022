// A draft course's sessions, attendees and materials: each change locks the draft, checks, writes, audits.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import type { Tx } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";
import { messageKey } from "~/utils/validation";

import { sessionPlace, smallestRoom } from "../scheduling/session-room.server";

import { checkBatches } from "./batch-rules";
import { sessionInterval } from "./course-rules";
import { splitNames, type AttendeesInput, type SessionInput } from "./course.schema";
import { fail, inDraftCourse, type Actor, type CourseOutcome } from "./course.server";
import { checkMaterial } from "./material-rules";
import { currentSplit } from "./save-batches.server";

export async function addSession(
  actor: Actor,
  courseId: string,
  input: SessionInput,
  timeZone: string,
): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx, course) => {
    const { plan, category } = await tx.monthlyPlanItem.findUniqueOrThrow({
      where: { id: course.monthlyItemId },
      select: { category: true, plan: { select: { year: true, month: true } } },
    });
    const interval = sessionInterval(input.date, input.start, input.end, timeZone);
    const at = companyDate(interval.startsAt, timeZone);
    // A course belongs to its monthly plan: its sessions happen in that month.
    if (at.year !== plan.year || at.month !== plan.month)
      return fail(messageKey("course.validation.outsideMonth", { year: plan.year, month: plan.month }), 400, "date");
    // The same people cannot sit two sessions of one course at once (the draft's lock makes this check safe).
    const overlapping = await tx.courseSession.count({
      where: { courseId, startsAt: { lt: interval.endsAt }, endsAt: { gt: interval.startsAt } },
    });
    if (overlapping > 0) return fail("course.validation.sessionOverlap", 400, "start");
    // The room must seat the attendees of the session's batch (ADR 0025).
    const batch = input.batch ?? 1;
    if (batch > course.batchCount)
      return fail(messageKey("course.batches.outOfRange", { batch, count: course.batchCount }), 400, "batch");
    const attendees = await tx.courseAttendee.count({ where: { courseId, batch } });
    const place = await sessionPlace(tx, input, category, attendees);
    if (!place.ok) return fail(place.error, 400, place.field);
    const session = await tx.courseSession.create({
      data: { courseId, ...interval, location: place.location, roomId: place.roomId, batch },
    });
    await writeAudit(tx, {
      actor,
      action: "course.sessionAdded",
      entityType: "Course",
      entityId: courseId,
      summary: { session: session.id, ...input, location: place.location },
    });
    return { ok: true as const, id: courseId };
  });
}

export async function deleteSession(actor: Actor, courseId: string, sessionId: string): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx) => {
    // A batch with attendees keeps at least one session while the course has any (ADR 0025).
    const split = await currentSplit(tx, courseId);
    const rest = split.sessions.filter((s) => s.id !== sessionId);
    if (rest.length === split.sessions.length) return fail("errors.notFound", 404);
    const orphaned = rest.length > 0 ? checkBatches({ ...split, sessions: rest }) : null;
    if (orphaned) return fail(orphaned.error, 409);
    await tx.courseSession.delete({ where: { id: sessionId } });
    await writeAudit(tx, {
      actor,
      action: "course.sessionDeleted",
      entityType: "Course",
      entityId: courseId,
      summary: { session: sessionId },
    });
    return { ok: true as const, id: courseId };
  });
}

const ACTIVE = { disabledAt: null, status: { not: "LEFT" as const } };

/** The people the clerk's choice names; an unknown or ambiguous name refuses the whole choice. */
async function resolveAttendees(
  tx: Tx,
  input: AttendeesInput,
): Promise<{ ok: true; ids: string[] } | { ok: false; field: string; error: string }> {
  const ids = new Set<string>();
  if (input.departmentId || input.post || input.status) {
    let departmentIds: string[] | undefined;
    if (input.departmentId) {
      const departments = await tx.department.findMany({ select: { id: true, parentId: true, name: true } });
      if (!departments.some((d) => d.id === input.departmentId))
        return { ok: false, field: "departmentId", error: "validation.invalidChoice" };
      departmentIds = subtreeIds(departments, [input.departmentId]);
    }
    const people = await tx.person.findMany({
      where: {
        ...ACTIVE,
        ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
        ...(input.post ? { post: input.post } : {}),
        ...(input.status ? { status: input.status } : {}),
      },
      select: { id: true },
    });
    if (people.length === 0) return { ok: false, field: "_form", error: "course.validation.noneMatched" };
    people.forEach((p) => ids.add(p.id));
  }
  if (input.names) {
    const tokens = splitNames(input.names);
    const people = await tx.person.findMany({
      where: { ...ACTIVE, OR: [{ employeeNo: { in: tokens.map((t) => t.toUpperCase()) } }, { name: { in: tokens } }] },
      select: { id: true, employeeNo: true, name: true },
    });
    const unknown = tokens.filter((t) => !people.some((p) => p.employeeNo === t.toUpperCase() || p.name === t));
    if (unknown.length)
      return {
        ok: false,
        field: "names",
        error: messageKey("course.validation.unknownAttendees", { names: unknown.join("、") }),
      };
    const ambiguous = tokens.filter((t) => people.filter((p) => p.name === t).length > 1);
    if (ambiguous.length)
      return {
        ok: false,
        field: "names",
        error: messageKey("course.validation.ambiguousAttendees", { names: ambiguous.join("、") }),
      };
    people.forEach((p) => ids.add(p.id));
  }
  return { ok: true, ids: [...ids] };
}

export async function addAttendees(
  actor: Actor,
  courseId: string,
  input: AttendeesInput,
): Promise<CourseOutcome & { added?: number }> {
  return inDraftCourse(courseId, async (tx, course) => {
    const resolved = await resolveAttendees(tx, input);
    if (!resolved.ok) return fail(resolved.error, 400, resolved.field);
    // New attendees join the batch chosen (batch 1 unless the course is split).
    const batch = input.batch ?? 1;
    if (batch > course.batchCount)
      return fail(messageKey("course.batches.outOfRange", { batch, count: course.batchCount }), 400, "batch");
    // Every room the batch is held in must seat its larger list (the draft's lock makes the count safe).
    const room = await smallestRoom(tx, courseId, batch);
    if (room) {
      const already = await tx.courseAttendee.count({ where: { courseId, personId: { in: resolved.ids } } });
      const listed = await tx.courseAttendee.count({ where: { courseId, batch } });
      const attendees = listed + resolved.ids.length - already;
      if (attendees > room.capacity)
        return fail(
          messageKey("scheduling.rooms.tooSmall", { name: room.name, capacity: room.capacity, attendees }),
          400,
          "_form",
        );
    }
    const { count } = await tx.courseAttendee.createMany({
      data: resolved.ids.map((personId) => ({ courseId, personId, batch })),
      skipDuplicates: true,
    });
    await writeAudit(tx, {
      actor,
      action: "course.attendeesAdded",
      entityType: "Course",
      entityId: courseId,
      summary: { ...input, batch, added: count },
    });
    return { ok: true as const, id: courseId, added: count };
  });
}

export async function removeAttendee(actor: Actor, courseId: string, personId: string): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx) => {
    const deleted = await tx.courseAttendee.deleteMany({ where: { courseId, personId } });
    if (deleted.count === 0) return fail("errors.notFound", 404);
    await writeAudit(tx, {
      actor,
      action: "course.attendeeRemoved",
      entityType: "Course",
      entityId: courseId,
      summary: { personId },
    });
    return { ok: true as const, id: courseId };
  });
}

export async function addMaterial(
  actor: Actor,
  courseId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<CourseOutcome> {
  const check = checkMaterial(file.name, file.bytes);
  if (!check.ok) return fail(check.error, 400, "file");
  return inDraftCourse(courseId, async (tx) => {
    const material = await tx.courseMaterial.create({
      data: {
        courseId,
        fileName: check.fileName,
        mimeType: check.mime,
        sizeBytes: file.bytes.byteLength,
        bytes: Buffer.from(file.bytes),
        uploadedById: actor.id,
        uploadedAt: now(),
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: "course.materialUploaded",
      entityType: "Course",
      entityId: courseId,
      summary: { material: material.id, fileName: check.fileName, sizeBytes: file.bytes.byteLength },
    });
    return { ok: true as const, id: courseId };
  });
}

export async function deleteMaterial(actor: Actor, courseId: string, materialId: string): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx) => {
    const material = await tx.courseMaterial.findFirst({
      where: { id: materialId, courseId },
      select: { fileName: true },
    });
    if (!material) return fail("errors.notFound", 404);
    await tx.courseMaterial.delete({ where: { id: materialId } });
    await writeAudit(tx, {
      actor,
      action: "course.materialDeleted",
      entityType: "Course",
      entityId: courseId,
      summary: { material: materialId, fileName: material.fileName },
    });
    return { ok: true as const, id: courseId };
  });
}
