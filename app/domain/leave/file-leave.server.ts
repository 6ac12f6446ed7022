// Filing a leave form: created and submitted to the head in one transaction, so that a form nobody may
// decide (the session has started, no head) is never left behind as a draft. Revising a form sent back
// (or withdrawn) and sending it again is one transaction too.
import { ROSTER_LOCKED, rosterClosed } from "~/domain/archive/roster-lock.server";
import { isOnRoster } from "~/domain/attendance/roster.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/route.server";
import type { UploadedFile } from "~/utils/upload.server";
import { messageKey } from "~/utils/validation";
import { createApproval, decideIn, lockDraft, Refusal } from "~/workflow/approval.server";

import { checkAttachment } from "./leave-rules";
import { LeaveSubject } from "./leave-subject.server";
import type { LeaveFormInput } from "./leave.schema";

export type LeaveOutcome =
  { ok: true; id: string } | { ok: false; error: string; field?: string; status?: 400 | 403 | 404 | 409 | 413 };

type Attachment = {
  attachmentName: string;
  attachmentType: string;
  attachmentSize: number;
  attachment: Uint8Array<ArrayBuffer>;
};

/** The checked attachment's columns, or the refusal under the file field. */
type LeaveRefusal = Extract<LeaveOutcome, { ok: false }>;

function attachmentColumns(file: UploadedFile | null): { ok: true; columns: Attachment | null } | LeaveRefusal {
  if (!file) return { ok: true, columns: null };
  const check = checkAttachment(file.name, file.bytes);
  if (!check.ok)
    return {
      ok: false,
      field: "attachment",
      error: check.error,
      status: check.error === "leave.attachment.tooLarge" ? 413 : 400,
    };
  return {
    ok: true,
    columns: {
      attachmentName: check.fileName,
      attachmentType: check.mime,
      attachmentSize: file.bytes.byteLength,
      // A copy the database client can take as it is (an upload may be a view of a shared buffer).
      attachment: new Uint8Array(file.bytes),
    },
  };
}

const alreadyFiled = (id: string): LeaveOutcome => ({
  ok: false,
  error: messageKey("leave.alreadyFiled", { href: `/leave/${id}` }),
  status: 409,
});

/** Runs a filing or revision; a workflow refusal rolls the whole transaction back. */
async function inTransaction(work: (tx: Tx) => Promise<LeaveOutcome>): Promise<LeaveOutcome> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

/** The trainee's own form for a session of a course they attend, before it starts. */
export async function fileLeave(actor: Actor, input: LeaveFormInput, file: UploadedFile | null): Promise<LeaveOutcome> {
  const attachment = attachmentColumns(file);
  if (!attachment.ok) return attachment;
  try {
    return await inTransaction(async (tx) => {
      const session = await tx.courseSession.findFirst({
        where: {
          id: input.sessionId,
          course: { approval: { state: "APPROVED" }, NOT: { delivery: { is: { state: "CANCELLED" } } } },
        },
        select: { id: true, startsAt: true, course: { select: { title: true } } },
      });
      if (!session || !(await isOnRoster(tx, session.id, actor.id)))
        return { ok: false, field: "sessionId", error: "leave.notOnRoster" };
      if (await rosterClosed(session.id, tx))
        return { ok: false, field: "sessionId", error: ROSTER_LOCKED, status: 409 };
      const existing = await tx.leaveRequest.findUnique({
        where: { sessionId_personId: { sessionId: session.id, personId: actor.id } },
        select: { id: true },
      });
      if (existing) return alreadyFiled(existing.id);
      const approval = await createApproval(tx, LeaveSubject.type);
      const form = await tx.leaveRequest.create({
        data: {
          sessionId: session.id,
          personId: actor.id,
          reasonKind: input.reasonKind,
          reasonText: input.reasonText,
          ...attachment.columns,
          approvalId: approval.id,
          createdAt: now(),
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor: { id: actor.id, employeeNo: actor.employeeNo },
        action: "leave.created",
        entityType: LeaveSubject.type,
        entityId: form.id,
        summary: {
          title: session.course.title,
          reasonKind: input.reasonKind,
          attachment: attachment.columns?.attachmentName,
        },
      });
      // Too late, or nobody to decide: the refusal of the submission rolls the new form back as well.
      await decideIn(tx, LeaveSubject, { subjectId: form.id, action: "SUBMIT", revision: 1, actor });
      return { ok: true, id: form.id };
    });
  } catch (error) {
    // Two filings for the same session at once: the second meets the unique key.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const existing = await db.leaveRequest.findFirst({
      where: { sessionId: input.sessionId, personId: actor.id },
      select: { id: true },
    });
    return existing ? alreadyFiled(existing.id) : { ok: false, error: "errors.conflict", status: 409 };
  }
}

/** A form sent back (or withdrawn) changed by its requester and sent to the head again. */
export async function reviseLeave(
  actor: Actor,
  leaveId: string,
  input: Omit<LeaveFormInput, "sessionId"> & { revision: number; removeAttachment?: "on" },
  file: UploadedFile | null,
): Promise<LeaveOutcome> {
  const attachment = attachmentColumns(file);
  if (!attachment.ok) return attachment;
  return inTransaction(async (tx) => {
    const form = await tx.leaveRequest.findFirst({
      where: { id: leaveId, personId: actor.id },
      select: { id: true, approvalId: true },
    });
    if (!form) return { ok: false, error: "errors.notFound", status: 404 };
    if (!(await lockDraft(tx, form.approvalId))) return { ok: false, error: "workflow.alreadyDecided", status: 409 };
    const cleared = { attachmentName: null, attachmentType: null, attachmentSize: null, attachment: null };
    await tx.leaveRequest.update({
      where: { id: form.id },
      data: {
        reasonKind: input.reasonKind,
        reasonText: input.reasonText,
        ...(attachment.columns ?? (input.removeAttachment ? cleared : {})),
      },
    });
    await writeAudit(tx, {
      actor: { id: actor.id, employeeNo: actor.employeeNo },
      action: "leave.revised",
      entityType: LeaveSubject.type,
      entityId: form.id,
      summary: {
        revision: input.revision,
        reasonKind: input.reasonKind,
        attachment: attachment.columns?.attachmentName ?? (input.removeAttachment ? "" : undefined),
      },
    });
    await decideIn(tx, LeaveSubject, { subjectId: form.id, action: "SUBMIT", revision: input.revision, actor });
    return { ok: true, id: form.id };
  });
}
