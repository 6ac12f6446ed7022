import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, useSchemaForm } from "~/components/form";
import { listSlurWords } from "~/domain/cases/case-queries.server";
import { SlurWordSchema } from "~/domain/cases/cases.schema";
import { addSlurWord, removeSlurWord } from "~/domain/cases/slur-words.server";
import { requirePermission } from "~/utils/auth.server";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const SlurWordIntent = z.discriminatedUnion("intent", [
  SlurWordSchema.extend({ intent: z.literal("add") }),
  SlurWordSchema.extend({ intent: z.literal("remove") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  return { words: await listSlurWords() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseIntent(await request.formData(), SlurWordIntent);
  if (!form.ok) return invalid(form);
  switch (form.data.intent) {
    case "remove":
      await removeSlurWord(actor, form.data.word);
      return redirect("/cases/slur-words");
    case "add": {
      const outcome = await addSlurWord(actor, form.data.word);
      // "Already on the list" belongs under the word.
      return respond(outcome.ok ? outcome : { ...outcome, field: "word" }, { form, redirectTo: "/cases/slur-words" });
    }
  }
}

export default function SlurWordsPage() {
  const { t } = useTranslation();
  const { words } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useSchemaForm(SlurWordSchema, {
    defaultValues: actionData?.intent === "add" ? actionData.values : undefined,
    serverErrors: actionData?.intent === "add" ? actionData.errors : null,
  });
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="page-title">{t("cases.slurs.title")}</h1>
      <p className="text-sm text-slate-600">{t("cases.slurs.intro")}</p>
      <Form method="post" className="card flex items-end gap-3 p-4" onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="add" />
        <div className="flex-1">
          <Field label={t("cases.slurs.word")} name="word" error={form.errorOf("word")}>
            <input id="word" className="input" autoComplete="off" {...form.register("word")} />
          </Field>
        </div>
        <button type="submit" className="btn-primary">
          {t("cases.slurs.add")}
        </button>
      </Form>
      <ul className="card divide-y divide-slate-100">
        {words.map((w) => (
          <li key={w} className="flex items-center justify-between px-4 py-2 text-sm">
            <span>{w}</span>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="word" value={w} />
              <button type="submit" className="btn-link text-xs text-red-600">
                {t("cases.slurs.remove")}
              </button>
            </Form>
          </li>
        ))}
        {words.length === 0 ? (
          <li className="px-4 py-6 text-center text-sm text-slate-500">{t("cases.slurs.empty")}</li>
        ) : null}
      </ul>
    </div>
  );
}
