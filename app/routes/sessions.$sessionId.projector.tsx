import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { SignInProjector } from "~/components/attendance/sign-in-projector";
import { publicOrigin } from "~/domain/attendance/sign-in-projector.server";
import { screenLive, screenSession } from "~/domain/attendance/sign-in-screen.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// The room's projector while people sign in. Outside the signed-in layout on purpose: the whole screen is
// the code and the arrivals. Opened by the clerk (or the training manager) on the room's computer.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} · TrainGate` : "TrainGate" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, z.object({ sessionId: Id }));
  await requirePermission(request, "run:sign-in");
  const session = await screenSession(sessionId, (await getSettings()).timeZone);
  invariantResponse(session, "Not found", { status: 404 });
  const live = await screenLive(sessionId, publicOrigin(request.url));
  invariantResponse(live, "Not found", { status: 404 });
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return {
    session: {
      id: session.id,
      title: session.title,
      location: session.location,
      date: session.date,
      start: session.start,
      end: session.end,
    },
    live,
    jsonHref: `${base}/projector.json`,
    kioskHref: `${base}/kiosk`,
  };
}

export default function ProjectorRoute() {
  const view = useLoaderData<typeof loader>();
  return <SignInProjector view={view} />;
}
