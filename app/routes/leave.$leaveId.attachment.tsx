// A leave form's attachment, for the requester, the heads who decide the form and the training clerks. The
// type is the one its bytes were checked against; nosniff and a sandbox keep the file from acting as a page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { leaveGate } from "~/domain/leave/leave-access";
import { leaveAttachment, leaveViewer } from "~/domain/leave/leave-queries.server";
import { showsInline } from "~/domain/leave/leave-rules";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { leaveId } = getParams(params, z.object({ leaveId: Id }));
  const { user } = await requirePermission(request, leaveGate((await requireUser(request)).roles));
  const file = await leaveAttachment(leaveId, await leaveViewer(user));
  invariantResponse(file, "Not found", { status: 404 });
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const disposition = showsInline(file.type) ? "inline" : "attachment";
  return new Response(file.bytes, {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
      "Cache-Control": "private, no-store",
    },
  });
}
