import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { RosterMarkingPage } from "~/components/attendance/roster-marking";
import { markAllPresent } from "~/domain/attendance/mark-all-present.server";
import { markAttendance } from "~/domain/attendance/mark-attendance.server";
import { markingPage } from "~/domain/attendance/mark-page.server";
import { parseMarks } from "~/domain/attendance/mark-schema";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond, type FormFailure } from "~/utils/route.server";
import { formValues, messageKey } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The clerk's roster of one session (考勤登记): marks by hand, the paper sheet typed in, "mark all present".
const Params = z.object({ sessionId: Id });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.course.title} · ${data.page.session.date}` : "TrainGate" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  await requireActor(request, "mark:attendance");
  const settings = await getSettings();
  const page = await markingPage(sessionId, now(), settings);
  invariantResponse(page, "Not found", { status: 404 });
  return { page, opensMinutes: settings.signInOpensMinutes };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  const { actor } = await requireActor(request, "mark:attendance");
  const values = formValues(await request.formData());
  const here = `/sessions/${sessionId}/attendance`;
  if (values.intent === "markAll") {
    return respond(await markAllPresent(actor, sessionId), {
      form: { intent: "markAll", values },
      redirectTo: here,
      flash: ({ count }) =>
        count === 0
          ? { message: "attendance.marking.markAllNone", tone: "info" }
          : messageKey("attendance.marking.markAllDone", { count }),
    });
  }
  if (values.intent !== "mark") return invalid({ intent: null, values, errors: { _form: "validation.invalid" } });
  const parsed = parseMarks(values);
  if (!parsed.ok) return invalid({ intent: "mark", values, errors: parsed.errors });
  return respond(await markAttendance(actor, sessionId, parsed.entries), {
    form: { intent: "mark", values },
    redirectTo: here,
    flash: ({ marked, corrected }) =>
      marked + corrected === 0
        ? { message: "attendance.marking.nothingChanged", tone: "info" }
        : messageKey("attendance.marking.saved", { count: marked + corrected }),
  });
}

export default function SessionAttendanceRoute() {
  const { page, opensMinutes } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return <RosterMarkingPage page={page} opensMinutes={opensMinutes} failure={failure ?? null} />;
}
