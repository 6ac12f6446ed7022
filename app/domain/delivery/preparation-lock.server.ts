// Every change to a checklist goes through here: the course's delivery row is locked for the transaction,
// so two people changing the same checklist run one after the other, and the version is bumped.
import type { DeliveryState, CourseLecturerKind } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";

/** Who acts: the audit needs the number, a tick keeps the name. */
export type Actor = { id: string; employeeNo: string; name: string };
export type PrepOutcome =
  { ok: true; courseId: string } | { ok: false; error: string; field?: string; status: 400 | 404 | 409 };
export const refuse = (error: string, status: 400 | 404 | 409 = 400, field?: string) => ({
  ok: false as const,
  error,
  status,
  field,
});

export type LockedDelivery = {
  courseId: string;
  state: DeliveryState;
  version: number;
  institutionContact: string | null;
  agreedFeeFen: number | null;
  bringItems: string;
  overrideReason: string | null;
  course: { title: string; lecturerKind: CourseLecturerKind; externalFeeFen: number };
};

/**
 * Runs `change` with the delivery row locked. A cancelled course's checklist is closed; a published one
 * stays open (the sign-in sheet is printed later). A refusal returned by `change` rolls nothing back
 * because `change` refuses before it writes.
 */
export async function inDelivery(
  courseId: string,
  change: (tx: Tx, delivery: LockedDelivery) => Promise<PrepOutcome>,
): Promise<PrepOutcome> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ courseId: string }>>`
      SELECT "courseId" FROM "CourseDelivery" WHERE "courseId" = ${courseId} FOR UPDATE`;
    if (locked.length === 0) return refuse("errors.notFound", 404);
    const delivery = await tx.courseDelivery.findUniqueOrThrow({
      where: { courseId },
      select: {
        courseId: true,
        state: true,
        version: true,
        institutionContact: true,
        agreedFeeFen: true,
        bringItems: true,
        overrideReason: true,
        course: { select: { title: true, lecturerKind: true, externalFeeFen: true } },
      },
    });
    if (delivery.state === "CANCELLED") return refuse("preparation.cancelled", 409);
    const result = await change(tx, delivery);
    if (result.ok) await tx.courseDelivery.update({ where: { courseId }, data: { version: { increment: 1 } } });
    return result;
  });
}

export const done = (courseId: string): PrepOutcome => ({ ok: true, courseId });
