import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { ListRow, RetireButton } from "~/components/scheduling/list-parts";
import { saveTrainer, setTrainerRetired } from "~/domain/scheduling/save-trainer.server";
import { listTrainers } from "~/domain/scheduling/scheduling-queries.server";
import { TrainerSchema } from "~/domain/scheduling/scheduling.schema";
import { requirePermission } from "~/utils/auth.server";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const TrainerIntent = z.discriminatedUnion("intent", [
  TrainerSchema.extend({ intent: z.literal("save"), id: optionalText(64) }),
  z.object({ intent: z.literal("retire"), id: Id }),
  z.object({ intent: z.literal("restore"), id: Id }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:external-trainer");
  return { trainers: await listTrainers() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:external-trainer");
  const form = parseIntent(await request.formData(), TrainerIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: "/trainers" };
  switch (form.data.intent) {
    case "save":
      return respond(await saveTrainer(actor, form.data.id ?? null, form.data), {
        ...done,
        flash: "scheduling.trainers.notices.saved",
      });
    case "retire":
    case "restore": {
      const retire = form.data.intent === "retire";
      return respond(await setTrainerRetired(actor, form.data.id, retire), {
        ...done,
        flash: retire ? "scheduling.trainers.notices.retired" : "scheduling.trainers.notices.restored",
      });
    }
  }
}

export default function TrainersPage() {
  const { t } = useTranslation();
  const { trainers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = trainers.find((r) => r.id === params.get("edit"));
  const saving = actionData?.intent === "save" ? actionData : null;
  const defaults =
    saving?.values ??
    (editing ? { name: editing.name, organisation: editing.organisation, contact: editing.contact } : {});
  const { register, onSubmit, errorOf } = useSchemaForm(TrainerSchema, {
    defaultValues: defaults,
    serverErrors: saving?.errors,
  });
  const field = (name: "name" | "organisation" | "contact") => (
    <Field label={t(`scheduling.trainers.fields.${name}`)} name={name} error={errorOf(name)}>
      <input id={name} className="input" {...register(name)} />
    </Field>
  );
  return (
    <div className="space-y-4">
      <div>
        <h1 className="page-title">{t("scheduling.trainers.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("scheduling.trainers.intro")}</p>
      </div>
      {actionData && actionData.intent !== "save" ? <FormAlert message={actionData.errors?._form} /> : null}
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <ul className="card divide-y divide-slate-100">
          {trainers.length === 0 ? (
            <li className="px-4 py-3 text-sm text-slate-500">{t("scheduling.trainers.none")}</li>
          ) : null}
          {trainers.map((r) => (
            <ListRow
              key={r.id}
              title={r.name}
              retired={Boolean(r.retiredAt)}
              retiredLabel={t("scheduling.trainers.retired")}
              details={[r.organisation, r.contact, t("scheduling.trainers.coursesCount", { count: r._count.courses })]}
            >
              <Link to={`?edit=${r.id}`} className="btn-link">
                {t("common.edit")}
              </Link>
              <RetireButton
                id={r.id}
                retired={Boolean(r.retiredAt)}
                labels={[t("scheduling.trainers.retire"), t("scheduling.trainers.restore")]}
              />
            </ListRow>
          ))}
        </ul>
        <div className="card p-5">
          <h2 className="mb-3 font-semibold">
            {editing ? t("scheduling.trainers.editTitle", { name: editing.name }) : t("scheduling.trainers.newTitle")}
          </h2>
          <Form method="post" className="space-y-3" onSubmit={onSubmit} noValidate key={editing?.id ?? "new"}>
            <FormAlert message={saving?.errors?._form} />
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            {field("name")}
            {field("organisation")}
            {field("contact")}
            <div className="flex flex-row-reverse flex-wrap justify-start gap-2">
              <button type="submit" name="intent" value="save" className="btn-primary">
                {t("common.save")}
              </button>
              {editing ? (
                <Link to="/trainers" className="btn-secondary">
                  {t("common.cancel")}
                </Link>
              ) : null}
            </div>
          </Form>
        </div>
      </div>
    </div>
  );
}
