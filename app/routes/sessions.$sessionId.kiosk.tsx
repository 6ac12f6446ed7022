import { randomUUID } from "node:crypto";

import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { SignInKiosk, type KioskAnswer } from "~/components/attendance/sign-in-kiosk";
import { KioskSchema } from "~/domain/attendance/kiosk-schema";
import { kioskSignIn } from "~/domain/attendance/kiosk-sign-in.server";
import { screenSession } from "~/domain/attendance/sign-in-screen.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireActor } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

// The kiosk on the clerk's device. Outside the signed-in layout on purpose: a trainee at the device sees
// the form only, not the clerk's menus. The answer is the page itself (no redirect), so the form comes back
// empty after each person; the device's login stays the clerk's.
const Params = z.object({ sessionId: Id });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} · TrainGate` : "TrainGate" },
];

async function loadSession(sessionId: string) {
  const session = await screenSession(sessionId, (await getSettings()).timeZone);
  invariantResponse(session, "Not found", { status: 404 });
  return {
    title: session.title,
    location: session.location,
    date: session.date,
    start: session.start,
    end: session.end,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  await requirePermission(request, "run:sign-in");
  return {
    session: await loadSession(sessionId),
    projectorHref: `/sessions/${encodeURIComponent(sessionId)}/projector`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  const { actor } = await requireActor(request, "run:sign-in");
  await loadSession(sessionId);
  const seq = randomUUID(); // a new key re-mounts the form: its fields come back empty
  const form = parseForm(KioskSchema, await request.formData());
  const typed = typeof form.values.employeeNo === "string" ? form.values.employeeNo : "";
  if (!form.ok) return data<KioskAnswer>({ done: null, errors: form.errors, employeeNo: typed, seq }, { status: 400 });
  const outcome = await kioskSignIn({
    sessionId,
    employeeNo: form.data.employeeNo,
    password: form.data.password,
    clerk: { id: actor.id, employeeNo: actor.employeeNo },
    address: context?.clientAddress,
  });
  if (!outcome.ok) {
    invariantResponse(outcome.status !== 404, "Not found", { status: 404 });
    return data<KioskAnswer>(
      { done: null, errors: { _form: outcome.error }, employeeNo: typed, seq },
      { status: outcome.status },
    );
  }
  return data<KioskAnswer>({
    done: { name: outcome.person.name, employeeNo: outcome.person.employeeNo, time: outcome.time, mark: outcome.mark },
    errors: null,
    employeeNo: "",
    seq,
  });
}

export default function KioskRoute() {
  const { session, projectorHref } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <SignInKiosk session={session} answer={answer} projectorHref={projectorHref} />;
}
