// The pre-job assessment (《员工岗前培训考核表》) as a subject of the one approval workflow: filed by the
// lecturer, supervisor or training manager who scored it, signed off (approved) or returned (rejected, with a
// reason) by a head of the new hire's department or one above it. A signed-off form is final: a later
// assessment is a new form.
import { headsFor } from "~/domain/leave/leave-heads.server";
import type { Tx } from "~/utils/db.server";
import type { ApprovalSubject } from "~/workflow/approval.server";

const formOf = (tx: Tx, approvalId: string) =>
  tx.preJobAssessment.findUnique({
    where: { approvalId },
    select: {
      id: true,
      personId: true,
      courseId: true,
      assessorId: true,
      attendanceScore: true,
      quizScore: true,
      practiceScore: true,
      attitudeScore: true,
      result: true,
      comments: true,
      person: { select: { name: true, employeeNo: true } },
    },
  });

export const AssessmentSubject: ApprovalSubject = {
  type: "PreJobAssessment",
  auditArea: "assessment",
  policy: { drafter: "assess:new-hire", approver: "sign-off:assessment" },
  approvalIdOf: async (tx, assessmentId) =>
    (await tx.preJobAssessment.findUnique({ where: { id: assessmentId }, select: { approvalId: true } }))?.approvalId ??
    null,
  async describe(tx, approvalId) {
    const form = await formOf(tx, approvalId);
    if (!form) return null;
    return {
      subjectId: form.id,
      href: `/assessments/${form.id}`,
      params: { name: form.person.name, employeeNo: form.person.employeeNo },
    };
  },
  // The heads above the new hire sign it off; with none, filing is refused (nobody would ever sign it).
  approverIds: async (tx, approvalId) => headsFor(tx, (await formOf(tx, approvalId))!.personId),
  async snapshot(tx, approvalId) {
    const {
      id: _id,
      person: _person,
      personId: _personId,
      assessorId: _assessorId,
      ...content
    } = (await formOf(tx, approvalId))!;
    return content;
  },
  async checkSubmit(tx, approvalId) {
    const form = (await formOf(tx, approvalId))!;
    return (await headsFor(tx, form.personId)).length === 0 ? "assessment.errors.noHead" : null;
  },
  // Only the assessor sends their form (again); only the heads above the new hire decide it. Nobody takes a
  // form back or reopens a signed-off one.
  async mayAct(tx, approvalId, actor, action) {
    const form = await formOf(tx, approvalId);
    if (!form) return false;
    switch (action) {
      case "SUBMIT":
        return form.assessorId === actor.id;
      case "APPROVE":
      case "REJECT":
        return (await headsFor(tx, form.personId)).includes(actor.id);
      default:
        return false;
    }
  },
};
