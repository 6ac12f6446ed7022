import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportQuestionsXlsx } from "~/domain/quiz/question-xlsx.server";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";

// The whole bank as .xlsx, in the columns the import reads back, streamed as it is read.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  return xlsxResponse(exportQuestionsXlsx(), "question-bank.xlsx");
}
