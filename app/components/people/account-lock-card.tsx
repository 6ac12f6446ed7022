import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";

/** Shown to people administrators while a person's account is locked after wrong passwords. */
export function AccountLockCard({ lockedUntil }: { lockedUntil: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Form method="post" className="card flex flex-wrap items-center gap-3 border-amber-300 bg-amber-50 p-5">
      <input type="hidden" name="intent" value="unlock" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-amber-900">
          {t("people.lockedUntil", { time: format.dateTime(lockedUntil) })}
        </p>
        <p className="text-xs text-amber-800">{t("people.lockedHint")}</p>
      </div>
      <input
        name="reason"
        className="input sm:w-56"
        placeholder={t("common.reasonOptional")}
        aria-label={t("common.reason")}
      />
      <button type="submit" className="btn-primary">
        {t("people.unlock")}
      </button>
    </Form>
  );
}
