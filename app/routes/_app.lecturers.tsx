import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { ListRow } from "~/components/scheduling/list-parts";
import { lecturerCandidates, listLecturers } from "~/domain/scheduling/lecturer-queries.server";
import { markLecturer, unmarkLecturer } from "~/domain/scheduling/mark-lecturer.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Search = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  find: z.string().trim().max(50).optional().catch(undefined),
});
const LecturerIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark"), personId: Id }),
  z.object({ intent: z.literal("unmark"), personId: Id }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await departmentIdsInScope(await requirePermission(request, "mark:lecturer"));
  const { q = "", find = "" } = Search.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [lecturers, candidates] = await Promise.all([listLecturers(q, scope), lecturerCandidates(find, scope)]);
  return { q, find, lecturers, candidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireActor(request, "mark:lecturer");
  const form = parseIntent(await request.formData(), LecturerIntent);
  if (!form.ok) return invalid(form);
  const scope = await departmentIdsInScope(auth);
  // Back to the list as it was searched.
  const redirectTo = `/lecturers${new URL(request.url).search}`;
  return form.data.intent === "mark"
    ? respond(await markLecturer(auth.actor, scope, form.data.personId), {
        form,
        redirectTo,
        flash: "scheduling.lecturers.notices.marked",
      })
    : respond(await unmarkLecturer(auth.actor, scope, form.data.personId), {
        form,
        redirectTo,
        flash: "scheduling.lecturers.notices.unmarked",
      });
}

function PersonButton({
  personId,
  intent,
  label,
  danger,
}: {
  personId: string;
  intent: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="personId" value={personId} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={`text-sm hover:underline ${danger ? "text-red-700" : "text-brand-700"}`}
      >
        {label}
      </button>
    </Form>
  );
}

export default function LecturersPage() {
  const { t } = useTranslation();
  const { q, find, lecturers, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const who = (p: { employeeNo: string; department: string; post: string }) => [p.employeeNo, p.department, p.post];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="page-title">{t("scheduling.lecturers.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("scheduling.lecturers.intro")}</p>
      </div>
      <FormAlert message={actionData?.errors?._form ?? actionData?.errors?.personId} />
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <section className="space-y-3">
          <SearchForm name="q" value={q} keep={["find", find]} label={t("scheduling.lecturers.search")} />
          <p className="text-xs text-slate-500" data-testid="lecturer-count">
            {t("scheduling.lecturers.count", { count: lecturers.length })}
          </p>
          <ul className="card divide-y divide-slate-100">
            {lecturers.length === 0 ? (
              <li className="px-4 py-3 text-sm text-slate-500">
                {q ? t("scheduling.lecturers.noneFound", { q }) : t("scheduling.lecturers.none")}
              </li>
            ) : null}
            {lecturers.map((p) => (
              <ListRow
                key={p.id}
                title={p.name}
                retired={Boolean(p.disabledAt) || p.status === "LEFT"}
                retiredLabel={t("scheduling.lecturers.inactiveBadge")}
                details={[
                  ...who(p),
                  p.upcoming.length
                    ? t("scheduling.lecturers.upcoming", {
                        count: p.upcoming.length,
                        courses: p.upcoming.map((c) => c.title).join(t("training.listSeparator")),
                      })
                    : null,
                ]}
              >
                <Link to={`/people/${p.id}`} className="btn-link">
                  {t("scheduling.lecturers.open")}
                </Link>
                <PersonButton personId={p.id} intent="unmark" label={t("scheduling.lecturers.unmark")} danger />
              </ListRow>
            ))}
          </ul>
        </section>
        <section className="card space-y-3 p-5">
          <h2 className="font-semibold">{t("scheduling.lecturers.markTitle")}</h2>
          <p className="text-xs text-slate-500">{t("scheduling.lecturers.markHint")}</p>
          <SearchForm name="find" value={find} keep={["q", q]} label={t("scheduling.lecturers.find")} />
          {find && candidates.length === 0 ? (
            <p className="text-sm text-slate-500">{t("scheduling.lecturers.noCandidates", { q: find })}</p>
          ) : null}
          {candidates.length > 0 ? (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {candidates.map((p) => (
                <ListRow key={p.id} title={p.name} retired={false} retiredLabel="" details={who(p)}>
                  <PersonButton personId={p.id} intent="mark" label={t("scheduling.lecturers.mark")} />
                </ListRow>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** A search by GET that keeps the page's other search (one for the lecturers, one for people to mark). */
function SearchForm({
  name,
  value,
  keep,
  label,
}: {
  name: string;
  value: string;
  keep: [string, string];
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="flex gap-2">
      <input type="hidden" name={keep[0]} value={keep[1]} />
      <input
        name={name}
        defaultValue={value}
        className="input"
        placeholder={t("scheduling.lecturers.searchPlaceholder")}
        aria-label={label}
      />
      <button type="submit" className="btn-secondary shrink-0">
        {t("common.search")}
      </button>
    </Form>
  );
}
