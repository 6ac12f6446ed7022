import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { planWorkbook } from "~/domain/plan/plan-export.server";
import { planPage } from "~/domain/plan/plan-page.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { planId } = getParams(params, z.object({ planId: Id }));
  const auth = await requirePermission(request, "read:annual-plan");
  const page = await planPage(planId, auth.user.roles);
  invariantResponse(page, "Not found", { status: 404 });
  const t = serverT(await resolveLocale(request, auth.user.locale));
  const name = `${page.plan.title}-${t("workflow.revision", { revision: page.plan.revision })}.xlsx`;
  return xlsxResponse(await planWorkbook(t, page), `annual-plan-${page.plan.year}-r${page.plan.revision}.xlsx`, name);
}
