// A scan of a session's paper sign-in sheet, for the training clerk and manager. The type is the one its bytes
// were checked against; nosniff and a sandbox keep the file from acting as a page of ours.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { scanToDownload } from "~/domain/archive/archive-queries.server";
import { scanShowsInline } from "~/domain/archive/archive-rules";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId, scanId } = getParams(params, z.object({ sessionId: Id, scanId: Id }));
  await requirePermission(request, "close:roster");
  const scan = await scanToDownload(sessionId, scanId);
  invariantResponse(scan, "Not found", { status: 404 });
  const ascii = scan.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const disposition = scanShowsInline(scan.mimeType) ? "inline" : "attachment";
  const utf8Name = encodeURIComponent(scan.fileName);
  return new Response(new Uint8Array(scan.bytes), {
    headers: {
      "Content-Type": scan.mimeType,
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8Name}`,
      "Content-Length": String(scan.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
      "Cache-Control": "private, no-store",
    },
  });
}
