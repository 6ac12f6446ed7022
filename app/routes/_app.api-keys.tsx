import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, useSchemaForm } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { createApiKey, listApiKeys, revokeApiKey } from "~/domain/clearance/api-keys.server";
import { callLogHealth } from "~/domain/clearance/call-log-health.server";
import { requirePermission } from "~/utils/auth.server";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const CreateKeySchema = z.object({ name: z.string().trim().min(1).max(60) });
const ApiKeyIntent = z.discriminatedUnion("intent", [
  CreateKeySchema.extend({ intent: z.literal("create") }),
  z.object({ intent: z.literal("revoke"), keyId: Id }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:api-key");
  const [keys, log] = await Promise.all([listApiKeys(), callLogHealth()]);
  return { keys, log };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:api-key");
  const form = parseIntent(await request.formData(), ApiKeyIntent);
  if (!form.ok) return invalid(form);
  switch (form.data.intent) {
    case "create": {
      const created = await createApiKey(actor, form.data.name);
      // Answered, not redirected: the key is in this one response and nowhere else.
      return data(
        { created: { name: form.data.name, key: created.key } },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    case "revoke":
      return respond(await revokeApiKey(actor, form.data.keyId), {
        form,
        redirectTo: "/api-keys",
        flash: "clearance.revoked",
      });
  }
}

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { keys, log } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const format = useFormat();
  const form = useSchemaForm(CreateKeySchema, {
    serverErrors: actionData && "errors" in actionData ? actionData.errors : null,
  });
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="page-title">{t("clearance.title")}</h1>
      <p className="text-sm text-slate-600">{t("clearance.intro")}</p>
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>{t("clearance.created", { name: created.name })}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs" data-testid="new-key">
            {created.key}
          </code>
        </div>
      ) : null}
      <Form method="post" className="card flex flex-wrap items-end gap-3 p-4" onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="create" />
        <div className="min-w-56 flex-1">
          <Field label={t("clearance.name")} name="name" error={form.errorOf("name")}>
            <input
              id="name"
              className="input"
              placeholder={t("clearance.namePlaceholder")}
              autoComplete="off"
              {...form.register("name")}
            />
          </Field>
        </div>
        <button type="submit" className="btn-primary">
          {t("clearance.create")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("clearance.name")}</th>
              <th className="hidden sm:table-cell">{t("clearance.prefix")}</th>
              <th className="hidden sm:table-cell">{t("clearance.createdAt")}</th>
              <th>{t("clearance.state")}</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.map((k) => (
              <tr key={k.id}>
                <td className="whitespace-normal">{k.name}</td>
                <td className="hidden font-mono text-xs sm:table-cell">{k.prefix}…</td>
                <td className="hidden sm:table-cell">{format.dateTime(k.createdAt)}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="badge bg-slate-100 text-slate-600">
                      {t("clearance.revokedAt", { date: format.date(k.revokedAt) })}
                    </span>
                  ) : (
                    <span className="badge bg-emerald-50 text-emerald-700">{t("clearance.active")}</span>
                  )}
                </td>
                <td className="text-right">
                  {!k.revokedAt ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="keyId" value={k.id} />
                      <button type="submit" className="btn-link text-xs text-red-600">
                        {t("clearance.revoke")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
            {keys.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-6 text-center text-slate-500">
                  {t("clearance.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      <section className="card space-y-2 p-4 text-sm" data-testid="call-log-health">
        <h2 className="font-semibold">{t("clearance.log.title")}</h2>
        {log.stalled ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
            {t("clearance.log.stalled", { count: log.consecutiveFailures })}
          </p>
        ) : null}
        <p>
          {log.lastWriteAt
            ? t("clearance.log.lastWrite", { date: format.dateTime(log.lastWriteAt) })
            : t("clearance.log.neverWritten")}
        </p>
        <p className={log.droppedRows > 0 ? "text-amber-800" : "text-slate-600"}>
          {log.droppedRows > 0 && log.lastDropAt
            ? t("clearance.log.dropped", { count: log.droppedRows, date: format.dateTime(log.lastDropAt) })
            : t("clearance.log.noneDropped")}
        </p>
      </section>
    </div>
  );
}
