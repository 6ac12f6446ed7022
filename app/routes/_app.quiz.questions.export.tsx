import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportQuestionsXlsx } from "~/domain/quiz/question-xlsx.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";

// The whole bank as .xlsx, in the columns the import reads back.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const body = await exportQuestionsXlsx();
  return xlsxResponse(new Uint8Array(body), "question-bank.xlsx");
}
