// Brings every attendee's calendar in line with the course as it now is (step 009): after publishing, a
// change of time or place, a swapped or withdrawn attendee, a cancellation. Compares what each person was
// last sent (SessionInvite) with the course's sessions and attendees, and queues REQUEST updates (same UID,
// higher SEQUENCE) and CANCELs through the outbox, in the caller's transaction.
import type { Actor } from "~/workflow/approval.server";
import type { Tx } from "~/utils/db.server";

export type InviteSync = { invited: number; updated: number; cancelled: number; withoutEmail: number };

/**
 * Does nothing (all zeros) while the course is not published: nothing has been sent yet, and publishing
 * sends the first invites. `reason` is told to the people whose invite changes.
 */
export async function syncInvites(
  tx: Tx,
  courseId: string,
  options: { actor: Actor; reason?: string | null },
): Promise<InviteSync> {
  const delivery = await tx.courseDelivery.findUnique({ where: { courseId }, select: { state: true } });
  if (delivery?.state !== "PUBLISHED") return { invited: 0, updated: 0, cancelled: 0, withoutEmail: 0 };
  void options;
  throw new Error("syncInvites for a published course is built with the notices (publish-course)");
}
