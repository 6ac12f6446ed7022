import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import type { RuleLoopDetail } from "~/domain/rule-loop/rule-loop-page.server";

import { MissRate } from "./figures";

type Course = Omit<RuleLoopDetail["courses"][number], "firstStart" | "lastEnd"> & {
  firstStart: string | Date;
  lastEnd: string | Date;
};
type Side = Course["before"];

/** The courses that taught the rule, each with its attendees' misses and breaches 30 days before and after. */
export function RuleCourses({ courses }: { courses: Course[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perAttendee = (v: number | null) =>
    v === null ? "—" : t("ruleLoop.detail.perAttendeeValue", { value: v.toFixed(2) });
  const side = (label: string, s: Side, note?: string) => (
    <div className="rounded-md bg-slate-50 p-3">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      {note ? <p className="text-xs text-amber-700">{note}</p> : null}
      <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("ruleLoop.cols.missRate")}</dt>
        <dd>
          <MissRate rate={s.missRate} answered={s.answered} />
        </dd>
        <dt className="text-slate-500">{t("ruleLoop.detail.breachesPerAttendee")}</dt>
        <dd className="tabular-nums">
          {perAttendee(s.perAttendee)}
          <span className="ml-1 text-xs text-slate-500">{t("ruleLoop.detail.breachCount", { count: s.breaches })}</span>
        </dd>
      </dl>
    </div>
  );
  return (
    <section className="space-y-3" aria-labelledby="rule-courses">
      <h2 id="rule-courses" className="font-semibold">
        {t("ruleLoop.detail.courses")}
      </h2>
      <p className="text-xs text-slate-500">{t("ruleLoop.detail.windowHint")}</p>
      {courses.length === 0 ? (
        <p className="card p-4 text-sm text-slate-500">{t("ruleLoop.detail.noCourses")}</p>
      ) : (
        courses.map((c) => (
          <article key={c.id} className="card p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-medium">
                <Link to={`/courses/${c.id}`} className="hover:underline">
                  {c.title}
                </Link>
              </h3>
              <p className="text-xs text-slate-500">
                {t("ruleLoop.detail.courseDates", {
                  from: format.date(c.firstStart),
                  to: format.date(c.lastEnd),
                  attendees: c.attendees,
                })}
              </p>
            </div>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              {side(t("ruleLoop.detail.before"), c.before)}
              {side(
                t("ruleLoop.detail.after"),
                c.after,
                c.afterComplete ? undefined : t("ruleLoop.detail.afterRunning"),
              )}
            </div>
          </article>
        ))
      )}
    </section>
  );
}
