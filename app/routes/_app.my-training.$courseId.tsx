import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { LeaveStatusBadge, leaveStatus } from "~/components/leave/leave-parts";
import { useFormat } from "~/components/use-format";
import { myTraining } from "~/domain/delivery/notice-page.server";
import { leaveForSessions } from "~/domain/leave/leave-queries.server";
import { tooLateToFile } from "~/domain/leave/leave-rules";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ courseId: Id });

// An attendee's own notice: only people on the course (or sent its invite, or lecturing it) see it; to
// anyone else it does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const user = await requireUser(request);
  const mine = await myTraining(courseId, user.id);
  invariantResponse(mine, "Not found", { status: 404 });
  // Leave (《培训课程请假表》) is asked per session, before it starts; a form already filed is shown instead.
  const leave = await leaveForSessions(
    user.id,
    mine.sessions.map((s) => s.id),
  );
  const mayAsk = can(user.roles, "request:leave") && !mine.cancelled;
  const at = now();
  return {
    course: { id: mine.id, title: mine.title, lecturer: mine.lecturer, bringItems: mine.bringItems },
    cancelled: mine.cancelled,
    sessions: mine.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      location: s.location,
      leave: leave.get(s.id) ?? null,
      mayAskLeave: mayAsk && !tooLateToFile(s, at),
    })),
  };
}

export default function MyTraining() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { course, cancelled, sessions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5">
      <h1 className="page-title">{t("notices.my.title")}</h1>
      {cancelled ? (
        <div role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("notices.my.cancelled")}
        </div>
      ) : null}
      <section className="card space-y-3 p-4 sm:p-5">
        <dl className="grid gap-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-sm text-slate-500">{t("notices.my.course")}</dt>
          <dd className="font-medium">{course.title}</dd>
          <dt className="text-sm text-slate-500">{t("notices.my.lecturer")}</dt>
          <dd>{course.lecturer}</dd>
          <dt className="text-sm text-slate-500">{t("notices.my.bring")}</dt>
          <dd>{course.bringItems || t("notices.mail.bringNothing")}</dd>
          <dt className="text-sm text-slate-500">{t("notices.my.sessions")}</dt>
          <dd>
            <ul className="space-y-1">
              {sessions.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span>
                    {fmt.dateTime(s.startsAt)}–{fmt.dateTime(s.endsAt).split(" ").pop()} · {s.location}
                  </span>
                  {s.leave ? (
                    <Link to={`/leave/${s.leave.id}`} className="inline-flex items-center gap-1 text-sm">
                      <LeaveStatusBadge status={leaveStatus(s.leave)} />
                      <span className="btn-link">{t("leave.viewForm")}</span>
                    </Link>
                  ) : s.mayAskLeave ? (
                    <Link to={`/leave/new?sessionId=${s.id}`} className="btn-link">
                      {t("leave.ask")}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <a href={`/my-training/${course.id}/calendar.ics`} className="btn-secondary inline-block" download>
          {t("notices.my.calendar")}
        </a>
      </section>
    </div>
  );
}
