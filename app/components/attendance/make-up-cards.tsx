import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import { DEFAULT_SETTINGS } from "~/domain/settings/settings.schema";
import { useRootData } from "~/root";

type When = Date | string;
type Slot = { startsAt: When; endsAt: When; location: string };
export type MakeUpCandidateView = Slot & {
  id: string;
  courseTitle: string;
  sameCourse: boolean;
  seatsLeft: number;
};
export type MyMakeUpRow = Slot & {
  missedSessionId: string;
  courseTitle: string;
  why: "ABSENT" | "EXCUSED" | "ON_LEAVE";
  standing: "OWED" | "ENROLLED" | "DONE";
  makeUp: (Slot & { sessionId: string; courseTitle: string }) | null;
  mayChoose: boolean;
  candidates: MakeUpCandidateView[];
};

export const STANDING_STYLE = {
  OWED: "bg-amber-50 text-amber-800",
  ENROLLED: "bg-sky-50 text-sky-800",
  DONE: "bg-emerald-50 text-emerald-700",
} as const;

/** "2026/12/10 (Thu) 14:00–17:00": a session's day and hours, in the company's zone. */
export function useSessionTime() {
  const fmt = useFormat();
  const { t, i18n } = useTranslation();
  const timeZone = useRootData()?.settings.timeZone ?? DEFAULT_SETTINGS.timeZone;
  const weekday = new Intl.DateTimeFormat(i18n.language, { timeZone, weekday: "short" });
  return (s: { startsAt: When; endsAt: When }) => {
    const [day, from] = fmt.dateTime(s.startsAt).replace(",", "").split(" ");
    const to = fmt.dateTime(s.endsAt).split(" ").pop();
    return t("makeUps.sessionTime", { day, weekday: weekday.format(new Date(s.startsAt)), from, to });
  };
}

function CandidateList({ row }: { row: MyMakeUpRow }) {
  const { t } = useTranslation();
  const time = useSessionTime();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (row.candidates.length === 0) return <p className="text-sm text-slate-500">{t("makeUps.my.noCandidates")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {row.candidates.map((c, i) => (
        <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
          <div className="min-w-0 space-y-0.5 text-sm">
            <p className="font-medium text-slate-900">
              {time(c)}
              {i === 0 ? (
                <span className="badge ml-2 bg-brand-50 text-brand-700">{t("makeUps.my.nearest")}</span>
              ) : null}
            </p>
            <p className="text-slate-600">
              {c.location} · {c.courseTitle}
              {c.sameCourse ? t("makeUps.my.sameCourse") : ""}
            </p>
            <p className="text-xs text-slate-500">{t("makeUps.my.seatsLeft", { count: c.seatsLeft })}</p>
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="missedSessionId" value={row.missedSessionId} />
            <input type="hidden" name="sessionId" value={c.id} />
            <button type="submit" className="btn-primary" disabled={busy}>
              {row.makeUp ? t("makeUps.my.switchTo") : t("makeUps.my.accept")}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export function MyMakeUpCard({ row }: { row: MyMakeUpRow }) {
  const { t } = useTranslation();
  const time = useSessionTime();
  const enrolled = row.standing === "ENROLLED" || row.standing === "DONE" ? row.makeUp : null;
  return (
    <section className="card space-y-3 p-4 sm:p-5" aria-label={row.courseTitle}>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900">{row.courseTitle}</h2>
          <p className="text-sm text-slate-600">
            {t("makeUps.my.missed", { time: time(row), location: row.location })}
          </p>
        </div>
        <div className="flex shrink-0 gap-1">
          <span className="badge bg-slate-100 text-slate-700">{t(`makeUps.why.${row.why}`)}</span>
          <span className={`badge ${STANDING_STYLE[row.standing]}`}>{t(`makeUps.standing.${row.standing}`)}</span>
        </div>
      </header>
      {enrolled ? (
        <div className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm" data-testid="make-up-enrolled">
          <p className="font-medium text-sky-900">
            {row.standing === "DONE" ? t("makeUps.my.doneAt") : t("makeUps.my.enrolledAt")}
          </p>
          <p className="mt-1 text-slate-800">{time(enrolled)}</p>
          <p className="text-slate-700">
            {enrolled.location} · {enrolled.courseTitle}
          </p>
          {row.standing === "ENROLLED" ? (
            <p className="mt-1 text-xs text-slate-600">{t("makeUps.my.signInReminder")}</p>
          ) : null}
        </div>
      ) : null}
      {row.standing === "OWED" && row.makeUp ? (
        <p className="text-sm text-amber-800">{t("makeUps.my.makeUpMissed", { time: time(row.makeUp) })}</p>
      ) : null}
      {row.mayChoose && (row.standing === "OWED" || row.candidates.length > 0) ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-slate-700">
            {row.standing === "ENROLLED" ? t("makeUps.my.changeHeading") : t("makeUps.my.chooseHeading")}
          </h3>
          <CandidateList row={row} />
        </div>
      ) : null}
    </section>
  );
}

export function UpcomingLeaveList({ sessions }: { sessions: Array<Slot & { id: string; courseTitle: string }> }) {
  const { t } = useTranslation();
  const time = useSessionTime();
  if (sessions.length === 0) return null;
  return (
    <section className="card space-y-2 p-4 sm:p-5">
      <h2 className="font-semibold text-slate-900">{t("makeUps.my.upcomingLeave")}</h2>
      <p className="text-sm text-slate-600">{t("makeUps.my.upcomingLeaveIntro")}</p>
      <ul className="space-y-1 text-sm">
        {sessions.map((s) => (
          <li key={s.id}>
            {s.courseTitle} · {time(s)} · {s.location}
          </li>
        ))}
      </ul>
    </section>
  );
}
