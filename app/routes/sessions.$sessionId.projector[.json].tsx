import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { publicOrigin } from "~/domain/attendance/sign-in-projector.server";
import { screenLive } from "~/domain/attendance/sign-in-screen.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// What the projector screen polls every second: the state, the code (its QR image only when the screen's
// `have` window is not the current one) and the tally (count and the latest names, never the whole roster).
const Have = z.coerce.number().int().nonnegative().optional().catch(undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, z.object({ sessionId: Id }));
  await requirePermission(request, "run:sign-in");
  const have = Have.parse(new URL(request.url).searchParams.get("have") ?? undefined);
  const live = await screenLive(sessionId, publicOrigin(request.url), have);
  invariantResponse(live, "Not found", { status: 404 });
  return Response.json(live, { headers: { "Cache-Control": "no-store" } });
}
