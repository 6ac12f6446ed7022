import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SessionDayCard } from "~/components/delivery/session-day-card";
import { localParts } from "~/domain/course/session-view";
import { sessionDay } from "~/domain/delivery/session-day-queries.server";
import { isoDate, pickDay } from "~/domain/delivery/session-day-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

// The clerk's working page on the session day: the shown day (today unless ?date= asks for another)
// and the day after. The training manager reads the same courses through the course pages and sheets.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "prepare:course");
  const { timeZone } = await getSettings();
  const at = now();
  const date = pickDay(new URL(request.url).searchParams.get("date"), at, timeZone);
  const today = isoDate(at, timeZone);
  const day = await sessionDay(date, timeZone);
  const weekday = (d: string) => localParts(new Date(`${d}T12:00:00Z`), "UTC").weekday;
  return {
    today,
    date,
    days: [day.first, day.second].map((d) => ({ ...d, weekday: weekday(d.date) })),
    next: day.next,
  };
}

export default function TrainingDayPage() {
  const { t } = useTranslation();
  const { today, date, days, next } = useLoaderData<typeof loader>();
  const labelOf = (d: string, i: number) =>
    d === today ? t("sessionDay.today") : i === 1 && days[0].date === today ? t("sessionDay.tomorrow") : null;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">{t("sessionDay.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("sessionDay.intro")}</p>
        </div>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <label className="label" htmlFor="day-date">
            {t("sessionDay.pickDate")}
            <input id="day-date" type="date" name="date" defaultValue={date} className="input mt-1" />
          </label>
          <button type="submit" className="btn-secondary">
            {t("sessionDay.show")}
          </button>
          {date !== today ? (
            <Link to="/training-day" className="btn-link">
              {t("sessionDay.backToToday")}
            </Link>
          ) : null}
        </Form>
      </div>
      {days.map((day, i) => (
        <section key={day.date} className="space-y-3">
          <h2 className="flex items-center gap-2 text-base font-semibold text-slate-800">
            {labelOf(day.date, i) ? (
              <span className="badge bg-brand-50 text-brand-700">{labelOf(day.date, i)}</span>
            ) : null}
            {t("sessionDay.dayHeading", { date: day.date, weekday: t(`sessionDay.weekdays.${day.weekday}`) })}
          </h2>
          {day.sessions.length === 0 ? (
            <p className="card p-4 text-sm text-slate-500">{t("sessionDay.none")}</p>
          ) : (
            <div className="grid gap-4 xl:grid-cols-2">
              {day.sessions.map((s) => (
                <SessionDayCard key={s.id} session={s} />
              ))}
            </div>
          )}
        </section>
      ))}
      {next ? (
        <p className="card p-4 text-sm">
          {t("sessionDay.nextSession", { date: next.date, title: next.title })}{" "}
          <Link to={`?date=${next.date}`} className="btn-link">
            {t("sessionDay.openNext")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
