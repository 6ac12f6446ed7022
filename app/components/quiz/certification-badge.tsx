import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  certified: "bg-emerald-50 text-emerald-700",
  expiring: "bg-amber-50 text-amber-700",
  grace: "bg-amber-50 text-amber-700",
  assessmentDue: "bg-amber-50 text-amber-700",
  lapsed: "bg-red-50 text-red-700",
  expired: "bg-red-50 text-red-700",
  never: "bg-slate-100 text-slate-600",
};

export function CertificationBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? TONE.never}`}>{t(`certification.status.${status}`)}</span>;
}
