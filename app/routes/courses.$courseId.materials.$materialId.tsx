// Downloads a course material: permission-checked like the course page, always as an attachment so a
// browser never renders an uploaded file in the app's origin.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { materialToDownload } from "~/domain/course/course-queries.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId, materialId } = getParams(params, z.object({ courseId: Id, materialId: Id }));
  const auth = await requirePermission(request, "read:course");
  const departmentIds = await departmentIdsInScope(auth);
  const material = await materialToDownload(courseId, materialId, departmentIds);
  invariantResponse(material, "Not found", { status: 404 });
  const ascii = material.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(material.bytes, {
    headers: {
      "Content-Type": material.mimeType,
      "Content-Disposition":
        `attachment; filename="${ascii}"; ` + `filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
