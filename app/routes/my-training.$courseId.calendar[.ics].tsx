import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { myCalendar } from "~/domain/delivery/notice-page.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

const Params = z.object({ courseId: Id });

// The signed-in person's calendar file of a course they attend (or were invited to): 404 to anyone else.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const user = await requireUser(request);
  const person = await db.person.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, name: true, email: true, locale: true },
  });
  const ics = await myCalendar(courseId, person);
  invariantResponse(ics, "Not found", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="training-${courseId}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
