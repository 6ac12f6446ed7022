import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { PaperForm } from "~/components/print/paper-form";
import { TrainingFileSheet } from "~/components/training-file/file-sheet";
import { useFormat } from "~/components/use-format";
import { getSettings } from "~/domain/settings/settings.server";
import { trainingFile } from "~/domain/training-file/training-file.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireFileInScope } from "~/utils/training-file-scope.server";

// Outside the signed-in layout on purpose: the page is the paper form (员工培训档案), nothing else.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.file.person.name : "TrainGate" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { personId } = getParams(params, z.object({ personId: Id }));
  const auth = await requirePermission(request, "read:training-file");
  await requireFileInScope(auth, personId);
  const { companyName, timeZone } = await getSettings();
  const file = await trainingFile(personId, timeZone);
  invariantResponse(file, "Not found", { status: 404 });
  return { file, companyName, printedAt: now() };
}

export default function TrainingFilePrintPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { file, companyName, printedAt } = useLoaderData<typeof loader>();
  const { person } = file;
  return (
    <PaperForm
      orientation="portrait"
      back={{ to: `/training-files/${person.id}`, label: person.name }}
      exportHref={`/training-files/${person.id}/export`}
      companyName={companyName}
      formName={t("trainingFile.formName")}
      heading={[`${person.name} ${person.employeeNo}`, t("trainingFile.printedAt", { date: format.date(printedAt) })]}
    >
      <TrainingFileSheet file={file} />
    </PaperForm>
  );
}
