import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { courseFileNames, courseForm } from "~/domain/course/course-form";
import { coursePage } from "~/domain/course/course-page.server";
import { coursePlanWorkbook } from "~/domain/course/course-plan-workbook.server";
import { getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// The printed form as a workbook, read through the course page's own read: the same readers, the same attendees.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, z.object({ courseId: Id }));
  const auth = await requirePermission(request, "read:course");
  const { companyName, timeZone } = await getSettings();
  const page = await coursePage(courseId, auth.user.roles, await departmentIdsInScope(auth), timeZone);
  invariantResponse(page, "Not found", { status: 404 });
  const locale = await resolveLocale(request, auth.user.locale);
  const t = serverT(locale);
  const form = courseForm(page);
  const { name, ascii } = courseFileNames(t, form);
  return xlsxResponse(await coursePlanWorkbook(t, form, { companyName, timeZone, locale }), ascii, name);
}
