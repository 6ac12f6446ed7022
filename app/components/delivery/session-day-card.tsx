import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { RosterStatusBadge } from "~/components/attendance/roster-parts";
import type { RosterTally } from "~/domain/attendance/mark-rules";
import type { ChecklistLine, RosterRow } from "~/domain/delivery/session-day-rules";
import { lecturerText, type SessionLecturer } from "~/domain/delivery/sign-in-sheet-rules";

export type DayCardSession = {
  id: string;
  start: string;
  end: string;
  location: string;
  ordinal: { n: number; of: number } | null;
  course: { id: string; title: string };
  state: "PREPARING" | "PUBLISHED" | "CANCELLED";
  lecturer: SessionLecturer;
  checklist: ChecklistLine[];
  checklistDone: number;
  roster: RosterRow[];
  counts: { total: number; onLeave: number; expected: number };
  tally: RosterTally;
  /** Over (the day view's query says so): its sheet can be closed into the training archive. */
  ended?: boolean;
};

function Checklist({ lines, done }: { lines: ChecklistLine[]; done: number }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="text-sm text-slate-500">{t("sessionDay.checklist.empty")}</p>;
  return (
    <>
      <p className="text-xs text-slate-500">{t("sessionDay.checklist.progress", { done, total: lines.length })}</p>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {lines.map((line) => (
          <li key={line.id} className="flex items-start gap-2 text-sm">
            <span
              className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] ${
                line.done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400 bg-white"
              }`}
              aria-label={t(line.done ? "sessionDay.checklist.done" : "sessionDay.checklist.open")}
              role="img"
            >
              {line.done ? "✓" : ""}
            </span>
            <span className={line.done ? "text-slate-700" : "text-slate-900"}>
              {line.labelKey ? t(line.labelKey) : line.label}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Roster({ rows }: { rows: RosterRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="table w-full text-sm">
        <thead>
          <tr>
            {(["employeeNo", "name", "department", "status"] as const).map((k) => (
              <th key={k}>{t(`sessionDay.roster.columns.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.personId}>
              <td className="whitespace-nowrap">{row.employeeNo}</td>
              <td className="whitespace-nowrap">
                {row.name}
                {row.makeUp ? (
                  <span className="badge ml-1 bg-violet-100 text-violet-800">{t("attendance.marking.makeUp")}</span>
                ) : null}
              </td>
              <td>{row.department}</td>
              <td>
                {row.status ? (
                  <RosterStatusBadge status={row.status} time={row.time} way={row.way} />
                ) : row.leave ? (
                  t(`sessionDay.roster.leave.${row.leave.kind}`)
                ) : (
                  t("sessionDay.roster.noStatus")
                )}
                {row.leave?.reason ? <span className="block text-xs text-sky-800">{row.leave.reason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SessionDayCard({ session }: { session: DayCardSession }) {
  const { t } = useTranslation();
  const sheet = `/courses/${session.course.id}/sessions/${session.id}/sign-in-sheet`;
  const stateTone = session.state === "PUBLISHED" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800";
  return (
    <article className="card space-y-3 p-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-lg font-semibold tabular-nums text-slate-900">
            {session.start}–{session.end}
          </p>
          <h3 className="break-words text-base font-semibold text-slate-900">{session.course.title}</h3>
          {session.ordinal ? (
            <p className="text-xs text-slate-500">{t("sessionDay.ordinal", session.ordinal)}</p>
          ) : null}
        </div>
        <span className={`badge ${stateTone}`}>{t(`sessionDay.states.${session.state}`)}</span>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("sessionDay.fields.place")}</dt>
        <dd className="font-medium text-slate-900">{session.location}</dd>
        <dt className="text-slate-500">{t("sessionDay.fields.lecturer")}</dt>
        <dd className="text-slate-900">{lecturerText(t, session.lecturer)}</dd>
        <dt className="text-slate-500">{t("sessionDay.fields.roster")}</dt>
        <dd className="text-slate-900">
          {t("sessionDay.roster.counts", session.counts)}
          {session.tally.total - session.tally.unmarked - session.tally.onLeave > 0 ? (
            <span className="block text-xs text-slate-600">{t("sessionDay.roster.marked", session.tally)}</span>
          ) : null}
        </dd>
      </dl>
      <section>
        <h4 className="text-sm font-semibold text-slate-700">{t("sessionDay.fields.checklist")}</h4>
        <Checklist lines={session.checklist} done={session.checklistDone} />
      </section>
      <details className="rounded-md border border-slate-200 p-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">
          {t("sessionDay.roster.show", { total: session.counts.total })}
        </summary>
        <Roster rows={session.roster} />
      </details>
      <div className="flex flex-wrap gap-2">
        <Link to={`/sessions/${session.id}/projector`} className="btn-primary">
          {t("sessionDay.actions.projector")}
        </Link>
        <Link to={`/sessions/${session.id}/kiosk`} className="btn-secondary">
          {t("sessionDay.actions.kiosk")}
        </Link>
        <Link to={`/sessions/${session.id}/attendance`} className="btn-secondary">
          {t("sessionDay.actions.attendance")}
        </Link>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link to={sheet} className="btn-secondary">
          {t("sessionDay.actions.sheet")}
        </Link>
        <a href={`${sheet}.xlsx`} className="btn-secondary" download>
          {t("sessionDay.actions.excel")}
        </a>
        <Link to={`/courses/${session.course.id}`} className="btn-secondary">
          {t("sessionDay.actions.course")}
        </Link>
        {session.ended ? (
          <Link to={`/sessions/${session.id}/archive`} className="btn-secondary">
            {t("archive.dayLink")}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
