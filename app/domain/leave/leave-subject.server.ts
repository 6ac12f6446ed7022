// The leave form (《培训课程请假表》) as a subject of the one approval workflow: filed by the trainee, decided by
// the head of their department, received by the training clerks (docs/decisions/0018).
import { offerMakeUp } from "~/domain/attendance/make-up-offer.server";
import { localParts } from "~/domain/course/session-view";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";
import { peopleHolding, type ApprovalSubject } from "~/workflow/approval.server";

import { headsFor } from "./leave-heads.server";
import { tooLateToFile } from "./leave-rules";

/** The clerks' "please file this approved form" item; acknowledging receipt closes it. */
export const RECEIVED_TODO = "leave.received";

const formOf = (tx: Tx, approvalId: string) =>
  tx.leaveRequest.findUnique({
    where: { approvalId },
    select: {
      id: true,
      personId: true,
      sessionId: true,
      reasonKind: true,
      reasonText: true,
      attachmentName: true,
      attachmentSize: true,
      person: { select: { name: true } },
      session: { select: { startsAt: true, course: { select: { title: true } } } },
    },
  });

export const LeaveSubject: ApprovalSubject = {
  type: "LeaveRequest",
  auditArea: "leave",
  policy: { drafter: "request:leave", approver: "approve:leave" },
  approvalIdOf: async (tx, leaveId) =>
    (await tx.leaveRequest.findUnique({ where: { id: leaveId }, select: { approvalId: true } }))?.approvalId ?? null,
  async describe(tx, approvalId) {
    const form = await formOf(tx, approvalId);
    if (!form) return null;
    const { date, time } = localParts(form.session.startsAt, (await getSettings()).timeZone);
    return {
      subjectId: form.id,
      href: `/leave/${form.id}`,
      params: { title: form.session.course.title, date: `${date} ${time}`, name: form.person.name },
    };
  },
  // With nobody above the requester who may decide, the form would wait for no one: filing is refused
  // and the trainee is told to ask the training clerk (who can excuse them on the day).
  approverIds: async (tx, approvalId) => headsFor(tx, (await formOf(tx, approvalId))!.personId),
  async snapshot(tx, approvalId) {
    const form = (await formOf(tx, approvalId))!;
    return {
      sessionId: form.sessionId,
      reasonKind: form.reasonKind,
      reasonText: form.reasonText,
      attachmentName: form.attachmentName,
      attachmentSize: form.attachmentSize,
    };
  },
  async checkSubmit(tx, approvalId) {
    const form = (await formOf(tx, approvalId))!;
    if (tooLateToFile(form.session, now())) return "leave.sessionStarted";
    if ((await headsFor(tx, form.personId)).length === 0) return "leave.noHead";
    return null;
  },
  // The form is the requester's own; its decision is for the heads above them; an approved leave stays so
  // (the session is over or about to be, and the make-up is already owed).
  async mayAct(tx, approvalId, actor, action) {
    const form = await formOf(tx, approvalId);
    if (!form) return false;
    switch (action) {
      case "SUBMIT":
      case "WITHDRAW":
        return form.personId === actor.id;
      case "APPROVE":
      case "REJECT":
        return (await headsFor(tx, form.personId)).includes(actor.id);
      default:
        return false;
    }
  },
  // Approved: the clerks receive it (the form's "报培训部备案"), and the trainee owes a make-up.
  async onApproved(tx, approvalId, actor) {
    const form = (await formOf(tx, approvalId))!;
    const about = (await LeaveSubject.describe(tx, approvalId))!;
    for (const personId of await peopleHolding(tx, "receive:leave"))
      await addTodo(tx, {
        personId,
        kind: RECEIVED_TODO,
        sourceType: "LeaveRequest",
        sourceId: form.id,
        href: "/leave?tab=received",
        params: about.params,
        from: actor.name,
      });
    await offerMakeUp(tx, { personId: form.personId, missedSessionId: form.sessionId });
  },
};
