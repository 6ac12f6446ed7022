import type { LoaderFunctionArgs } from "@remix-run/node";

import { budgetWorkbook } from "~/domain/budget/budget-workbook.server";
import { budgetYear } from "~/domain/budget/training-budget-queries.server";
import { yearBudget } from "~/domain/course/budget-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

// The budget page as a workbook: the same readers, the same year, the file named in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:training-budget");
  const year = await budgetYear(new URL(request.url).searchParams.get("year"));
  const t = serverT(await resolveLocale(request, auth.user.locale));
  const { companyName } = await getSettings();
  const bytes = await budgetWorkbook(t, await yearBudget(year), companyName);
  return xlsxResponse(bytes, `training-budget-${year}.xlsx`, `${t("budget.fileName", { year })}.xlsx`);
}
