import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { getSettings } from "~/domain/settings/settings.server";
import {
  filesExportNames,
  filesExportScope,
  trainingFilesWorkbook,
} from "~/domain/training-file/training-files-export.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

const QuerySchema = z.object({ departmentId: z.string().max(40).optional().catch(undefined) });

// The training files of the reader's scope, or of one department in it, as one streamed workbook.
// Someone who reads only their own file gets that file's export.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:training-file");
  if (auth.scope === "own") throw redirect(`/training-files/${auth.user.id}/export`);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const chosen = await filesExportScope(await departmentIdsInScope(auth), query.departmentId || undefined);
  if (!chosen.ok) throw new Response(chosen.status === 404 ? "Not found" : "Forbidden", { status: chosen.status });
  const { scope } = chosen;
  const { timeZone } = await getSettings();
  const locale = await resolveLocale(request, auth.user.locale);
  const t = serverT(locale);
  const { name, ascii } = filesExportNames(t, scope);
  return xlsxResponse(trainingFilesWorkbook(t, scope, { timeZone, locale }), ascii, name);
}
