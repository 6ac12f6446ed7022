import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { MyMakeUpCard, UpcomingLeaveList } from "~/components/attendance/make-up-cards";
import { FormAlert } from "~/components/form";
import { acceptMakeUp } from "~/domain/attendance/make-up-accept.server";
import { makeUpCandidates, wantKey } from "~/domain/attendance/make-up-candidates.server";
import { myMissedSessions, myUpcomingLeave } from "~/domain/attendance/make-up-queries.server";
import { mayChooseMakeUp } from "~/domain/attendance/make-up-rules";
import { AcceptMakeUpSchema } from "~/domain/attendance/make-up-schema";
import { now } from "~/utils/clock.server";
import { invalid, requireActor, respond, type FormFailure } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// A trainee's own make-ups: the sessions they missed, what each can be made up at, and accepting one.
// Only ever their own: the person is the one signed in, never a parameter.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "attend:training");
  const at = now();
  const [missed, upcomingLeave] = await Promise.all([myMissedSessions(actor.id, at), myUpcomingLeave(actor.id, at)]);
  const open = missed.filter((m) =>
    mayChooseMakeUp({ standing: m.standing, makeUpStartsAt: m.makeUp?.startsAt ?? null, at }),
  );
  const candidates = await makeUpCandidates(
    open.map((m) => ({ personId: actor.id, missedSessionId: m.missedSessionId })),
    at,
  );
  return {
    missed: missed.map((m) => ({
      ...m,
      mayChoose: open.includes(m),
      candidates: (candidates.get(wantKey({ personId: actor.id, missedSessionId: m.missedSessionId })) ?? []).map(
        (c) => ({
          id: c.id,
          startsAt: c.startsAt,
          endsAt: c.endsAt,
          location: c.location,
          courseTitle: c.courseTitle,
          sameCourse: c.sameCourse,
          seatsLeft: c.seatsLeft,
        }),
      ),
    })),
    upcomingLeave: upcomingLeave.map((l) => ({ ...l.session, courseTitle: l.session.course.title })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "attend:training");
  const form = parseIntent(await request.formData(), AcceptMakeUpSchema);
  if (!form.ok) return invalid(form);
  return respond(await acceptMakeUp(actor, form.data), {
    form,
    redirectTo: "/my-make-ups",
    flash: (done) => (done.changed ? "makeUps.notices.changed" : "makeUps.notices.accepted"),
  });
}

// A refusal ("the last seat was just taken") must show the sessions as they are now, not as they were.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" || defaultShouldRevalidate;

export default function MyMakeUpsPage() {
  const { t } = useTranslation();
  const { missed, upcomingLeave } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const owed = missed.filter((m) => m.standing === "OWED").length;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="page-title">{t("makeUps.my.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("makeUps.my.intro")}</p>
      </div>
      <FormAlert message={failure?.errors._form} />
      {missed.length === 0 && upcomingLeave.length === 0 ? (
        <p className="card p-5 text-sm text-slate-500">{t("makeUps.my.none")}</p>
      ) : null}
      {owed > 0 ? (
        <p className="text-sm font-medium text-amber-800">{t("makeUps.my.owedCount", { count: owed })}</p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {missed.map((m) => (
          <MyMakeUpCard key={m.missedSessionId} row={m} />
        ))}
      </div>
      <UpcomingLeaveList sessions={upcomingLeave} />
    </div>
  );
}
