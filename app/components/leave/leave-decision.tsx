import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import type { ApprovalActionName } from "~/workflow/approval-rules";

/**
 * The head's approve / reject (a reason required) and the requester's withdrawal, as the workflow allows this
 * viewer. Each form carries the revision it acts on: a second decision on the same revision is refused (409).
 * Approving and rejecting are kept apart on a phone, so a thumb meant for one does not land on the other.
 */
export function LeaveDecisionPanel({
  revision,
  actions,
  error,
}: {
  revision: number;
  actions: ApprovalActionName[];
  error?: string | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  if (actions.length === 0 && !error) return null;
  const hidden = (action: ApprovalActionName) => (
    <>
      <input type="hidden" name="intent" value={action} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
  return (
    <section className="card space-y-4 p-4" aria-label={t("workflow.panel")}>
      <FormAlert message={error} />
      <div className="flex flex-col gap-6 lg:flex-row lg:items-end lg:gap-4">
        {actions.includes("APPROVE") ? (
          <Form method="post">
            {hidden("APPROVE")}
            <button type="submit" className="btn-primary w-full lg:w-auto" disabled={busy}>
              {t("workflow.actions.APPROVE")}
            </button>
          </Form>
        ) : null}
        {actions.includes("REJECT") ? (
          <Form
            method="post"
            className={[
              "flex flex-1 flex-col gap-2 border-t border-slate-200 pt-5",
              "sm:flex-row sm:items-end lg:border-0 lg:pt-0",
            ].join(" ")}
          >
            {hidden("REJECT")}
            <div className="flex-1">
              <label className="label" htmlFor="reason-REJECT">
                {t("workflow.reasonLabel.REJECT")}
              </label>
              <input id="reason-REJECT" name="reason" required maxLength={500} className="input" />
            </div>
            <button type="submit" className="btn-danger" disabled={busy}>
              {t("workflow.actions.REJECT")}
            </button>
          </Form>
        ) : null}
        {actions.includes("WITHDRAW") ? (
          <Form method="post">
            {hidden("WITHDRAW")}
            <button type="submit" className="btn-secondary w-full lg:w-auto" disabled={busy}>
              {t("workflow.actions.WITHDRAW")}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
