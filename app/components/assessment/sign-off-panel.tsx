import { useTranslation } from "react-i18next";

import { ConfirmAction, ConfirmReason } from "~/components/confirm";
import { FormAlert } from "~/components/form";
import type { ApprovalActionName } from "~/workflow/approval-rules";

/**
 * The head's sign-off and return, each behind a confirmation that says what follows (without JavaScript: the
 * first button unfolds the panel). Each carries the revision it acts on: a second decision is refused (409).
 */
export function SignOffPanel({
  revision,
  actions,
  error,
  name,
  result,
}: {
  revision: number;
  actions: ApprovalActionName[];
  error?: string | null;
  name: string;
  result: string;
}) {
  const { t } = useTranslation();
  if (actions.length === 0 && !error) return null;
  const fields = (action: ApprovalActionName) => ({ intent: action, revision });
  return (
    <section className="card space-y-4 p-4" aria-label={t("workflow.panel")}>
      <FormAlert message={error} />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {actions.includes("APPROVE") ? (
          <ConfirmAction
            label={t("workflow.subjects.PreJobAssessment.APPROVE")}
            question={t("assessment.confirm.approveQuestion", { name, result: t(`assessment.results.${result}`) })}
            consequences={[
              t(result === "PASS" ? "assessment.confirm.approvePass" : "assessment.confirm.approveHold"),
              t("assessment.confirm.final"),
            ]}
            confirmLabel={t("workflow.subjects.PreJobAssessment.APPROVE")}
            fields={fields("APPROVE")}
            tone="primary"
            trigger="primary"
            className="flex-1"
          />
        ) : null}
        {actions.includes("REJECT") ? (
          <ConfirmAction
            label={t("workflow.subjects.PreJobAssessment.REJECT")}
            question={t("assessment.confirm.rejectQuestion", { name })}
            consequences={[t("assessment.confirm.rejectThen")]}
            confirmLabel={t("workflow.subjects.PreJobAssessment.REJECT")}
            fields={fields("REJECT")}
            open={Boolean(error) && error === "workflow.reasonRequired"}
            className="flex-1"
          >
            <ConfirmReason id="reason-REJECT" label={t("workflow.reasonLabel.REJECT")} />
          </ConfirmAction>
        ) : null}
      </div>
    </section>
  );
}
