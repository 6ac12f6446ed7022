import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { needsWorkbook } from "~/domain/needs/needs-export.server";
import { getSurvey } from "~/domain/needs/needs-queries.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, z.object({ surveyId: Id }));
  const auth = await requirePermission(request, "read:needs-survey");
  const survey = await getSurvey(surveyId);
  invariantResponse(survey, "Not found", { status: 404 });
  const t = serverT(await resolveLocale(request, auth.user.locale));
  return xlsxResponse(
    needsWorkbook(t, survey, await departmentIdsInScope(auth)),
    `training-needs-${survey.year}.xlsx`,
    t("needs.xlsx.fileName", { year: survey.year }),
  );
}
