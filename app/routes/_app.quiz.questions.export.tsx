import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportQuestionsXlsx } from "~/domain/quiz/question-xlsx.server";
import { requirePermission } from "~/utils/auth.server";

// The whole bank as .xlsx, in the columns the import reads back.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const body = await exportQuestionsXlsx();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="question-bank.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
