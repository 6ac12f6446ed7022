import { useTranslation } from "react-i18next";

const tone: Record<string, string> = {
  PENDING: "bg-amber-50 text-amber-800",
  SENDING: "bg-sky-50 text-sky-800",
  SENT: "bg-emerald-50 text-emerald-800",
  FAILED: "bg-red-50 text-red-800",
};

/** An outbox message's state as a coloured badge. */
export function OutboxStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${tone[status] ?? ""}`}>{t(`mail.status.${status}`)}</span>;
}
