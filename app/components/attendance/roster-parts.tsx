import { useTranslation } from "react-i18next";

import type { RosterStatus } from "~/domain/attendance/attendance-rules";
import type { RosterTally, SignInWay } from "~/domain/attendance/mark-rules";

// Pieces of the roster shared by the clerk's marking page and the day view.
export const STATUS_TONE: Record<RosterStatus, string> = {
  PRESENT: "bg-emerald-100 text-emerald-800",
  PRESENT_PAPER: "bg-emerald-100 text-emerald-800",
  LATE: "bg-amber-100 text-amber-800",
  ABSENT: "bg-red-100 text-red-800",
  EXCUSED: "bg-sky-100 text-sky-800",
  ON_LEAVE: "bg-sky-100 text-sky-800",
  UNMARKED: "bg-slate-100 text-slate-600",
};

/** The status badge, with when and how they signed in ("09:02 扫码"). */
export function RosterStatusBadge({
  status,
  time,
  way,
}: {
  status: RosterStatus;
  time?: string | null;
  way?: SignInWay | null;
}) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`badge ${STATUS_TONE[status]}`}>{t(`attendance.status.${status}`)}</span>
      {time && way ? (
        <span className="text-xs tabular-nums text-slate-500">
          {t("attendance.marking.signedAt", { time, way: t(`attendance.way.${way}`) })}
        </span>
      ) : null}
    </span>
  );
}

const TALLY_KEYS = ["expected", "attended", "late", "absent", "excused", "onLeave", "unmarked"] as const;

export function RosterTallyBar({ tally }: { tally: RosterTally }) {
  const { t } = useTranslation();
  return (
    <dl className="grid grid-cols-4 gap-2 sm:grid-cols-7" aria-label={t("attendance.marking.countsLabel")}>
      {TALLY_KEYS.map((k) => (
        <div
          key={k}
          className={`rounded-md border px-2 py-1.5 text-center ${
            k === "unmarked" && tally.unmarked > 0 ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"
          }`}
        >
          <dt className="text-xs text-slate-500">{t(`attendance.marking.counts.${k}`)}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{tally[k]}</dd>
        </div>
      ))}
    </dl>
  );
}
