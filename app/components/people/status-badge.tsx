import { useTranslation } from "react-i18next";

const TONES: Record<string, string> = {
  ACTIVE: "bg-emerald-50 text-emerald-700",
  NEW_HIRE: "bg-sky-50 text-sky-700",
  TRANSFERRING: "bg-amber-50 text-amber-700",
  LEFT: "bg-slate-100 text-slate-500",
};

export function StatusBadge({ status, disabled }: { status: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex gap-1">
      <span className={`badge ${TONES[status] ?? ""}`}>{t(`people.status.${status}`)}</span>
      {disabled ? <span className="badge bg-red-50 text-red-700">{t("people.disabled")}</span> : null}
    </span>
  );
}
