import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { signInSheet } from "~/domain/delivery/sign-in-sheet-queries.server";
import { signInSheetWorkbook } from "~/domain/delivery/sign-in-sheet-workbook.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// The same sheet as the printed page, for a clerk who prints from a spreadsheet; same readers.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId, sessionId } = getParams(params, z.object({ courseId: Id, sessionId: Id }));
  const auth = await requirePermission(request, "read:course");
  invariantResponse(auth.scope === "any", "Not found", { status: 404 });
  const { timeZone, companyName } = await getSettings();
  const sheet = await signInSheet(courseId, sessionId, timeZone);
  invariantResponse(sheet, "Not found", { status: 404 });
  const t = serverT(await resolveLocale(request, auth.user.locale));
  const form = t(`sessionDay.forms.${sheet.layout}`);
  const name = t("sessionDay.sheet.fileName", { form, course: sheet.course.title, date: sheet.session.date });
  const ascii = `sign-in-sheet-${sheet.session.date}-${sheet.ordinal.n}.xlsx`;
  return xlsxResponse(await signInSheetWorkbook(t, sheet, companyName), ascii, name);
}
