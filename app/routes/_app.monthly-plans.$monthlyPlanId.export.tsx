import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { monthlyPlanFileNames } from "~/domain/monthly-plan/monthly-plan-form";
import { monthlyPlanForm } from "~/domain/monthly-plan/monthly-plan-form.server";
import { monthlyPlanWorkbook } from "~/domain/monthly-plan/monthly-plan-workbook.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// The printed form as a workbook, for the same readers.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { monthlyPlanId } = getParams(params, z.object({ monthlyPlanId: Id }));
  const auth = await requirePermission(request, "read:monthly-plan");
  const form = await monthlyPlanForm(monthlyPlanId);
  invariantResponse(form, "Not found", { status: 404 });
  const locale = await resolveLocale(request, auth.user.locale);
  const t = serverT(locale);
  const { companyName, timeZone } = await getSettings();
  const { name, ascii } = monthlyPlanFileNames(t, form.plan);
  return xlsxResponse(await monthlyPlanWorkbook(t, form, { companyName, timeZone, locale }), ascii, name);
}
