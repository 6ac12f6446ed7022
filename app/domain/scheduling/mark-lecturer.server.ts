// Who lectures in-house training (docs/decisions/0025): the training manager (or the administrator) marks an
// employee as an internal lecturer — the LECTURER role — and takes the mark back, refused while the person is
// the lecturer of a course not yet held. Each change is audited in its transaction.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { messageKey } from "~/utils/validation";

import { mayLecture, notYetHeld } from "./lecturer-rules";

export type LecturerOutcome = { ok: true; id: string } | Failure;

const notFound = { ok: false as const, error: "errors.notFound", status: 404 };

/** The person, if in the actor's departments (null: every department), with their LECTURER role if any. */
function personInScope(tx: Tx, personId: string, scope: string[] | null) {
  return tx.person.findFirst({
    where: { id: personId, ...(scope ? { departmentId: { in: scope } } : {}) },
    select: {
      id: true,
      name: true,
      employeeNo: true,
      disabledAt: true,
      status: true,
      roles: { where: { role: "LECTURER" }, select: { id: true } },
    },
  });
}

/** The titles of the courses this person lectures that are not yet held (not cancelled, a session to come). */
export async function coursesNotYetHeld(tx: Tx, personId: string): Promise<string[]> {
  const courses = await tx.course.findMany({
    where: { lecturerId: personId, lecturerKind: "INTERNAL" },
    orderBy: { createdAt: "asc" },
    select: { title: true, delivery: { select: { state: true } }, sessions: { select: { endsAt: true } } },
  });
  const at = now();
  return courses
    .filter((c) => notYetHeld({ cancelled: c.delivery?.state === "CANCELLED", sessions: c.sessions }, at))
    .map((c) => c.title);
}

/** The refusal of an unmarking while courses are still to be held by this lecturer, or null. */
export async function stillLecturing(tx: Tx, person: { id: string; name: string }): Promise<string | null> {
  const courses = await coursesNotYetHeld(tx, person.id);
  if (courses.length === 0) return null;
  return messageKey("scheduling.lecturers.stillLecturing", {
    name: person.name,
    count: courses.length,
    courses: courses.join("、"),
  });
}

export async function markLecturer(
  actor: Actor,
  scope: string[] | null,
  personId: string,
  reason?: string,
): Promise<LecturerOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const person = await personInScope(tx, personId, scope);
      if (!person) return notFound;
      if (!mayLecture(person))
        return { ok: false as const, error: messageKey("scheduling.lecturers.inactive", { name: person.name }) };
      if (person.roles.length > 0)
        return {
          ok: false as const,
          error: messageKey("scheduling.lecturers.alreadyMarked", { name: person.name }),
          status: 409,
        };
      await tx.roleAssignment.create({ data: { personId, role: "LECTURER" } });
      await writeAudit(tx, {
        actor,
        action: "lecturer.marked",
        entityType: "Person",
        entityId: personId,
        summary: { employeeNo: person.employeeNo, name: person.name },
        reason,
      });
      return { ok: true as const, id: personId };
    });
  } catch (error) {
    // Two markings of one person at once: the database keeps one LECTURER row, the other is told.
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "errors.conflict", status: 409 };
    throw error;
  }
}

export async function unmarkLecturer(
  actor: Actor,
  scope: string[] | null,
  personId: string,
  reason?: string,
): Promise<LecturerOutcome> {
  return db.$transaction(async (tx) => {
    const person = await personInScope(tx, personId, scope);
    if (!person) return notFound;
    const refused = await stillLecturing(tx, person);
    if (refused) return { ok: false as const, error: refused, status: 409 };
    const removed = await tx.roleAssignment.deleteMany({ where: { personId, role: "LECTURER" } });
    if (removed.count === 0)
      return {
        ok: false as const,
        error: messageKey("scheduling.lecturers.notMarked", { name: person.name }),
        status: 409,
      };
    await writeAudit(tx, {
      actor,
      action: "lecturer.unmarked",
      entityType: "Person",
      entityId: personId,
      summary: { employeeNo: person.employeeNo, name: person.name },
      reason,
    });
    return { ok: true as const, id: personId };
  });
}
