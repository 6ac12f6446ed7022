import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { CLERK_MARKS } from "~/domain/attendance/attendance-rules";
import type { MarkingPage, MarkingRow } from "~/domain/attendance/mark-page.server";
import { NOTE_MAX } from "~/domain/attendance/mark-schema";
import type { FormFailure } from "~/utils/route.server";
import { translateMessage } from "~/utils/validation";

import { RosterStatusBadge, RosterTallyBar } from "./roster-parts";

// The clerk's roster: one form for the whole list (a clerk with the paper sheet in hand goes down it and
// saves once), "mark all present" as its own small form above it. Plain posts; no script needed.

const CHOICE_BASE = // nowrap: "纸质签到" stays on one line on a 390 px phone
  "block whitespace-nowrap rounded-md border border-slate-300 bg-white px-0.5 py-1.5 text-center text-xs font-medium " +
  "text-slate-700 " +
  "peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 sm:px-2 sm:text-sm";
const SAVE_BAR = "sticky bottom-0 flex items-center justify-end gap-3 border-t border-slate-200 bg-white/95 px-3 py-2";

const CHOICE_TONE: Record<(typeof CLERK_MARKS)[number], string> = {
  PRESENT: "peer-checked:border-emerald-600 peer-checked:bg-emerald-600 peer-checked:text-white",
  PRESENT_PAPER: "peer-checked:border-emerald-700 peer-checked:bg-emerald-700 peer-checked:text-white",
  LATE: "peer-checked:border-amber-500 peer-checked:bg-amber-500 peer-checked:text-white",
  ABSENT: "peer-checked:border-red-600 peer-checked:bg-red-600 peer-checked:text-white",
  EXCUSED: "peer-checked:border-sky-600 peer-checked:bg-sky-600 peer-checked:text-white",
};

type Values = FormFailure["values"] | null;
const sent = (values: Values, name: string) => {
  const v = values?.[name];
  return typeof v === "string" ? v : undefined;
};

function RosterLine({
  row,
  values,
  error,
  locked,
}: {
  row: MarkingRow;
  values: Values;
  error?: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const chosen = sent(values, `mark_${row.personId}`) ?? row.mark ?? "";
  return (
    <li
      className={`grid gap-2 px-3 py-2.5 md:grid-cols-[minmax(0,1fr)_auto] md:items-center ${error ? "bg-red-50" : ""}`}
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="w-6 text-right text-xs tabular-nums text-slate-400">{row.no}</span>
          <span className="font-semibold text-slate-900">{row.name}</span>
          <span className="text-xs text-slate-500">
            {row.employeeNo} · {row.department}
          </span>
          {row.makeUpFor ? (
            <span className="badge bg-violet-100 text-violet-800" title={row.makeUpFor}>
              {t("attendance.marking.makeUp")}
            </span>
          ) : null}
        </p>
        <div className="ml-8 mt-0.5 space-y-0.5 text-sm">
          <RosterStatusBadge status={row.status} time={row.time} way={row.way} />
          {row.leave ? (
            <p className="text-xs text-sky-800">
              {t(row.leave.reasonText ? "attendance.marking.leaveReasonText" : "attendance.marking.leaveReason", {
                kind: t(`attendance.leaveReasons.${row.leave.reasonKind}`),
                text: row.leave.reasonText,
              })}
            </p>
          ) : null}
          {row.makeUpFor ? (
            <p className="text-xs text-violet-800">{t("attendance.marking.makeUpFor", { title: row.makeUpFor })}</p>
          ) : null}
          {error ? <p className="text-xs text-red-700">{translateMessage(t, error)}</p> : null}
        </div>
      </div>
      <fieldset className="sm:ml-8 md:ml-0 lg:flex lg:items-center lg:gap-2" disabled={locked}>
        <legend className="sr-only">{t("attendance.marking.markFor", { name: row.name })}</legend>
        <input type="hidden" name={`was_${row.personId}`} value={row.mark ?? ""} />
        <input type="hidden" name={`wasNote_${row.personId}`} value={row.note ?? ""} />
        <div className="grid grid-cols-5 gap-1">
          {CLERK_MARKS.map((mark) => (
            <label key={mark} className="cursor-pointer">
              <input
                type="radio"
                className="peer sr-only"
                name={`mark_${row.personId}`}
                value={mark}
                defaultChecked={chosen === mark}
              />
              <span className={`${CHOICE_BASE} ${CHOICE_TONE[mark]}`}>{t(`attendance.marking.choices.${mark}`)}</span>
            </label>
          ))}
        </div>
        <input
          type="text"
          name={`note_${row.personId}`}
          defaultValue={sent(values, `note_${row.personId}`) ?? row.note ?? ""}
          maxLength={NOTE_MAX}
          placeholder={t("attendance.marking.notePlaceholder")}
          aria-label={t("attendance.marking.noteFor", { name: row.name })}
          className="input mt-1 w-full py-1 text-sm lg:mt-0 lg:w-44"
        />
      </fieldset>
    </li>
  );
}

export function RosterMarkingPage({
  page,
  opensMinutes,
  failure,
}: {
  page: MarkingPage;
  opensMinutes: number;
  failure: FormFailure | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { session, course, tally } = page;
  const locked = page.refusal !== null;
  const values = failure?.intent === "mark" ? failure.values : null;
  // A new key after each save: the radio buttons start again from what is recorded now.
  const version = page.rows.map((r) => `${r.mark ?? ""}${r.note ?? ""}`).join("|");
  const sheet = `/courses/${course.id}/sessions/${session.id}/sign-in-sheet`;
  const save = (
    <button type="submit" name="intent" value="mark" className="btn-primary" disabled={locked || busy}>
      {t("attendance.marking.save")}
    </button>
  );
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <Link to={`/training-day?date=${session.date}`} className="btn-link text-sm">
          ← {t("attendance.marking.back")}
        </Link>
        <h1 className="page-title break-words">
          {t("attendance.marking.title")} · {course.title}
        </h1>
        <p className="text-sm text-slate-600">
          {t("attendance.marking.when", {
            date: session.date,
            weekday: t(`sessionDay.weekdays.${session.weekday}`),
            start: session.start,
            end: session.end,
            place: session.location,
          })}
        </p>
        <nav className="flex flex-wrap gap-2 pt-1" aria-label={t("attendance.marking.linksLabel")}>
          <Link to={`/sessions/${session.id}/projector`} className="btn-secondary">
            {t("attendance.marking.projector")}
          </Link>
          <Link to={`/sessions/${session.id}/kiosk`} className="btn-secondary">
            {t("attendance.marking.kiosk")}
          </Link>
          <Link to={sheet} className="btn-secondary">
            {t("attendance.marking.sheet")}
          </Link>
        </nav>
      </header>

      {page.refusal ? (
        <FormAlert
          tone="info"
          message={
            page.refusal === "attendance.marking.tooEarly"
              ? t("attendance.marking.opensAt", {
                  time: session.opensAt.time,
                  date: session.opensAt.date,
                  minutes: opensMinutes,
                })
              : t(page.refusal, { minutes: opensMinutes })
          }
        />
      ) : null}
      <FormAlert message={translateMessage(t, failure?.errors._form)} />

      <RosterTallyBar tally={tally} />

      <Form method="post" className="card flex flex-wrap items-center justify-between gap-2 p-3">
        <p className="text-sm text-slate-700">
          {tally.unmarked === 0
            ? t("attendance.marking.markAllHintNone")
            : t("attendance.marking.markAllHint", { count: tally.unmarked })}
        </p>
        <button
          type="submit"
          name="intent"
          value="markAll"
          className="btn-secondary"
          disabled={locked || busy || tally.unmarked === 0}
        >
          {t("attendance.marking.markAll")}
        </button>
      </Form>

      {page.rows.length === 0 ? (
        <p className="card p-4 text-sm text-slate-500">{t("attendance.marking.empty")}</p>
      ) : (
        <Form method="post" key={version} className="card overflow-hidden">
          <p className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
            {t("attendance.marking.formHint")}
          </p>
          <ul className="divide-y divide-slate-200">
            {page.rows.map((row) => (
              <RosterLine
                key={row.personId}
                row={row}
                values={values}
                error={failure?.errors[`mark_${row.personId}`] ?? failure?.errors[`note_${row.personId}`]}
                locked={locked}
              />
            ))}
          </ul>
          <div className={SAVE_BAR}>
            <span className="text-xs text-slate-500">{t("attendance.marking.saveHint")}</span>
            {save}
          </div>
        </Form>
      )}
    </div>
  );
}
