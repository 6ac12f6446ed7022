// What a printed or exported form says about its approval: who submitted the revision on paper and,
// once it is approved, who approved it, when, and with what note. Pure: no I/O.
import type { ApprovalStateName } from "./approval-rules";

type Decision = { action: string; revision: number; actorName: string; at: Date | string; reason: string | null };
export type FormSigner = { name: string; at: Date | string; note: string | null };

const signer = (d: Decision | undefined): FormSigner | null =>
  d ? { name: d.actorName, at: d.at, note: d.reason } : null;

/** `decisions` newest first, as listDecisions gives them; only the form's own revision counts. */
export function formApproval(decisions: Decision[], state: ApprovalStateName, revision: number) {
  const mine = decisions.filter((d) => d.revision === revision);
  return {
    submitted: signer(mine.find((d) => d.action === "SUBMIT")),
    // An approval undone by reopening no longer stands behind the form.
    approved: state === "APPROVED" ? signer(mine.find((d) => d.action === "APPROVE")) : null,
  };
}
export type FormApproval = ReturnType<typeof formApproval>;
