import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { getSettings } from "~/domain/settings/settings.server";
import { trainingFileNames, trainingFileWorkbook } from "~/domain/training-file/training-file-workbook.server";
import { trainingFile } from "~/domain/training-file/training-file.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireFileInScope } from "~/utils/training-file-scope.server";

// The printed file as a workbook, read through the page's own read and scope.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { personId } = getParams(params, z.object({ personId: Id }));
  const auth = await requirePermission(request, "read:training-file");
  await requireFileInScope(auth, personId);
  const { companyName, timeZone } = await getSettings();
  const file = await trainingFile(personId, timeZone);
  invariantResponse(file, "Not found", { status: 404 });
  const locale = await resolveLocale(request, auth.user.locale);
  const t = serverT(locale);
  const { name, ascii } = trainingFileNames(t, file);
  return xlsxResponse(await trainingFileWorkbook(t, file, { companyName, timeZone, locale, at: now() }), ascii, name);
}
