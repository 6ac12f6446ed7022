import type { ActionFunctionArgs } from "@remix-run/node";

import { now, shiftClock } from "~/utils/clock.server";
import { env } from "~/utils/env.server";

// Browser tests move the server's clock ("wait out the cooldown") through this route. It exists only
// when the server was started with TRAINGATE_TEST_CLOCK=1; otherwise it answers 404 like any unknown URL.
const enabled = () => env().TRAINGATE_TEST_CLOCK;
let offsetMs = 0;

export async function loader() {
  if (!enabled()) throw new Response("Not found", { status: 404 });
  return Response.json({ now: now().toISOString(), offsetMs });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!enabled()) throw new Response("Not found", { status: 404 });
  const form = await request.formData();
  const advance = Number(form.get("advanceMinutes") ?? 0);
  if (form.get("reset") === "1") offsetMs = 0;
  else if (Number.isFinite(advance)) offsetMs += advance * 60_000;
  shiftClock(offsetMs);
  return Response.json({ now: now().toISOString(), offsetMs });
}
