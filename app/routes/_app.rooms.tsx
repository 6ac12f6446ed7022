import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { ListRow, RetireButton } from "~/components/scheduling/list-parts";
import { setRoomRetired, saveRoom } from "~/domain/scheduling/save-room.server";
import { listRooms } from "~/domain/scheduling/scheduling-queries.server";
import { RoomSchema } from "~/domain/scheduling/scheduling.schema";
import { requirePermission } from "~/utils/auth.server";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const RoomIntent = z.discriminatedUnion("intent", [
  RoomSchema.extend({ intent: z.literal("save"), id: optionalText(64) }),
  z.object({ intent: z.literal("retire"), id: Id }),
  z.object({ intent: z.literal("restore"), id: Id }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:room");
  return { rooms: await listRooms() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:room");
  const form = parseIntent(await request.formData(), RoomIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: "/rooms" };
  switch (form.data.intent) {
    case "save":
      return respond(await saveRoom(actor, form.data.id ?? null, form.data), {
        ...done,
        flash: "scheduling.rooms.notices.saved",
      });
    case "retire":
    case "restore": {
      const retire = form.data.intent === "retire";
      return respond(await setRoomRetired(actor, form.data.id, retire), {
        ...done,
        flash: retire ? "scheduling.rooms.notices.retired" : "scheduling.rooms.notices.restored",
      });
    }
  }
}

export default function RoomsPage() {
  const { t } = useTranslation();
  const { rooms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = rooms.find((r) => r.id === params.get("edit"));
  const saving = actionData?.intent === "save" ? actionData : null;
  const defaults =
    saving?.values ??
    (editing ? { name: editing.name, capacity: String(editing.capacity), equipment: editing.equipment } : {});
  const { register, onSubmit, errorOf } = useSchemaForm(RoomSchema, {
    defaultValues: defaults,
    serverErrors: saving?.errors,
  });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="page-title">{t("scheduling.rooms.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("scheduling.rooms.intro")}</p>
      </div>
      {actionData && actionData.intent !== "save" ? <FormAlert message={actionData.errors?._form} /> : null}
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <ul className="card divide-y divide-slate-100">
          {rooms.length === 0 ? (
            <li className="px-4 py-3 text-sm text-slate-500">{t("scheduling.rooms.none")}</li>
          ) : null}
          {rooms.map((r) => (
            <ListRow
              key={r.id}
              title={r.name}
              retired={Boolean(r.retiredAt)}
              retiredLabel={t("scheduling.rooms.retired")}
              details={[
                t("scheduling.rooms.capacityValue", { count: r.capacity }),
                r.equipment,
                t("scheduling.rooms.sessionsCount", { count: r._count.sessions }),
              ]}
            >
              <Link to={`?edit=${r.id}`} className="btn-link">
                {t("common.edit")}
              </Link>
              <RetireButton
                id={r.id}
                retired={Boolean(r.retiredAt)}
                labels={[t("scheduling.rooms.retire"), t("scheduling.rooms.restore")]}
              />
            </ListRow>
          ))}
        </ul>
        <div className="card p-5">
          <h2 className="mb-3 font-semibold">
            {editing ? t("scheduling.rooms.editTitle", { name: editing.name }) : t("scheduling.rooms.newTitle")}
          </h2>
          <Form method="post" className="space-y-3" onSubmit={onSubmit} noValidate key={editing?.id ?? "new"}>
            <FormAlert message={saving?.errors?._form} />
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            <Field label={t("scheduling.rooms.fields.name")} name="name" error={errorOf("name")}>
              <input id="name" className="input" {...register("name")} />
            </Field>
            <Field label={t("scheduling.rooms.fields.capacity")} name="capacity" error={errorOf("capacity")}>
              <input id="capacity" className="input" inputMode="numeric" {...register("capacity")} />
            </Field>
            <Field
              label={t("scheduling.rooms.fields.equipment")}
              name="equipment"
              error={errorOf("equipment")}
              hint={t("scheduling.rooms.equipmentHint")}
            >
              <input id="equipment" className="input" {...register("equipment")} />
            </Field>
            <div className="flex flex-row-reverse flex-wrap justify-start gap-2">
              <button type="submit" name="intent" value="save" className="btn-primary">
                {t("common.save")}
              </button>
              {editing ? (
                <Link to="/rooms" className="btn-secondary">
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
