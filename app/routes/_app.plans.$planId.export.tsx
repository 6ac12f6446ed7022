import type { LoaderFunctionArgs } from "@remix-run/node";
import { planWorkbook } from "~/domain/plan/plan-export.server";
import { planPage } from "~/domain/plan/plan-page.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:annual-plan");
  const page = await planPage(params.planId!, auth.user.roles);
  if (!page) throw new Response("Not found", { status: 404 });
  const t = serverT(await resolveLocale(request, auth.user.locale));
  const name = `${page.plan.title}-${t("workflow.revision", { revision: page.plan.revision })}.xlsx`;
  return xlsxResponse(await planWorkbook(t, page), `annual-plan-${page.plan.year}-r${page.plan.revision}.xlsx`, name);
}
