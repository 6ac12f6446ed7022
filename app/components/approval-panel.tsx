import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import type { FieldErrors } from "~/utils/validation";
import type { ApprovalActionName, ApprovalStateName } from "~/workflow/approval-rules";

/**
 * The one message a refused decision (or a refused small form beside it) shows: the reason's, the form's, or the first.
 */
export function decisionError(errors: FieldErrors | null | undefined): string | undefined {
  return errors ? (errors.reason ?? errors._form ?? Object.values(errors)[0]) : undefined;
}

type Decision = {
  id: string;
  revision: number;
  action: ApprovalActionName;
  actorName: string;
  actorEmployeeNo: string;
  reason: string | null;
  at: string | Date;
};

const STATE_STYLE: Record<ApprovalStateName, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-amber-100 text-amber-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
};

export function ApprovalBadge({ state, revision }: { state: ApprovalStateName; revision: number }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2">
      <span className={`badge ${STATE_STYLE[state]}`}>{t(`workflow.states.${state}`)}</span>
      <span className="text-xs text-slate-500">{t("workflow.revision", { revision })}</span>
    </span>
  );
}

/**
 * The one approval panel every loop shows: what happens next, the actions this person may take, and
 * the decisions so far. Each form carries the revision it acts on, so a repeated post is harmless.
 */
export function ApprovalPanel({
  state,
  revision,
  actions,
  error,
}: {
  state: ApprovalStateName;
  revision: number;
  actions: ApprovalActionName[];
  error?: string | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const simple = actions.filter((a) => a === "SUBMIT" || a === "APPROVE");
  const withReason = actions.filter((a) => a === "REJECT" || a === "REOPEN" || a === "WITHDRAW");
  return (
    <section className="card space-y-3 p-4 print:hidden" aria-label={t("workflow.panel")}>
      <p className="text-sm text-slate-600">{t(`workflow.next.${state}`)}</p>
      <FormAlert message={error} />
      {actions.length > 0 ? (
        // On a phone the actions stack: approving and rejecting are kept well apart (a divider, the reason's
        // visible label) so a thumb meant for one does not land on the other.
        <div className="flex flex-col gap-6 lg:flex-row lg:items-start lg:gap-3">
          {simple.map((action) => (
            // The drafter may answer the approver (what changed, why) and the approver add a word on approval;
            // both are optional and kept with the decision in the history.
            <Form key={action} method="post" className="flex flex-1 flex-col gap-2 sm:flex-row">
              <input type="hidden" name="intent" value={action} />
              <input type="hidden" name="revision" value={revision} />
              <label className="sr-only" htmlFor={`note-${action}`}>
                {t(`workflow.noteLabel.${action}`)}
              </label>
              <input
                id={`note-${action}`}
                name="reason"
                maxLength={500}
                className="input flex-1"
                placeholder={t(`workflow.noteLabel.${action}`)}
              />
              <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
                {t(`workflow.actions.${action}`)}
              </button>
            </Form>
          ))}
          {withReason.map((action) => {
            const form = (
              <Form
                key={action}
                method="post"
                className={[
                  "flex flex-1 flex-col gap-2 sm:flex-row sm:flex-wrap",
                  action === "REJECT" && simple.length > 0 ? "border-t border-slate-200 pt-5 lg:border-0 lg:pt-0" : "",
                ].join(" ")}
              >
                <input type="hidden" name="intent" value={action} />
                <input type="hidden" name="revision" value={revision} />
                <label
                  className={action === "REJECT" ? "label w-full lg:sr-only" : "sr-only"}
                  htmlFor={`reason-${action}`}
                >
                  {t(`workflow.reasonLabel.${action}`)}
                </label>
                {/* Withdrawing needs no reason and no confirmation:
                    it only brings the revision back to the drafters. */}
                <input
                  id={`reason-${action}`}
                  name="reason"
                  required={action !== "WITHDRAW"}
                  maxLength={500}
                  className="input flex-1"
                  placeholder={t(`workflow.reasonLabel.${action}`)}
                />
                <button type="submit" className={action === "REJECT" ? "btn-danger" : "btn-secondary"} disabled={busy}>
                  {t(`workflow.actions.${action}`)}
                </button>
              </Form>
            );
            // Reopening an approved subject is rare and undoes a lock: it stays folded until asked for.
            return action === "REOPEN" ? (
              <details key={action} className="flex-1">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">
                  {t("workflow.actions.REOPEN")}…
                </summary>
                <div className="mt-2">{form}</div>
              </details>
            ) : (
              form
            );
          })}
        </div>
      ) : null}
    </section>
  );
}

export function DecisionHistory({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card p-4">
      <h2 className="mb-2 font-semibold">{t("workflow.history")}</h2>
      {decisions.length === 0 ? (
        <p className="text-sm text-slate-500">{t("workflow.noDecisions")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {decisions.map((d) => (
            <li key={d.id} className="border-l-2 border-slate-200 pl-3">
              <p>
                <span className="font-medium">{d.actorName}</span>{" "}
                <span className="font-mono text-xs text-slate-400">{d.actorEmployeeNo}</span>{" "}
                {t(`workflow.did.${d.action}`, { revision: d.revision })}
                <span className="ml-2 text-xs text-slate-500">{format.dateTime(d.at)}</span>
              </p>
              {d.reason ? (
                <p className="mt-0.5 text-slate-600">
                  {d.action === "SUBMIT" || d.action === "APPROVE"
                    ? t("workflow.note", { note: d.reason })
                    : t("workflow.because", { reason: d.reason })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
