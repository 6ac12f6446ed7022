import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { PersonForm } from "~/components/people/person-form";
import { listDepartmentOptions } from "~/domain/people/people-queries.server";
import { PersonFormSchema } from "~/domain/people/people.schema";
import { createPerson } from "~/domain/people/save-person.server";
import { requirePermission } from "~/utils/auth.server";
import { flattenTree } from "~/utils/department-tree";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "write:person");
  return { departments: flattenTree(await listDepartmentOptions(null)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "write:person");
  const form = parseForm(PersonFormSchema, await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await createPerson(actor, form.data), {
    form,
    redirectTo: (created) => `/people/${created.id}`,
    flash: "people.notices.created",
  });
}

export default function NewPersonPage() {
  const { t } = useTranslation();
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { status: "NEW_HIRE" };
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <Link to="/people" className="btn-link">
          ← {t("people.title")}
        </Link>
      </div>
      <h1 className="page-title">{t("people.new")}</h1>
      <div className="card p-5">
        <PersonForm
          departments={departments}
          defaults={values}
          errors={actionData?.errors}
          formError={actionData?.errors?._form}
          submitLabel={t("common.create")}
        />
      </div>
    </div>
  );
}
