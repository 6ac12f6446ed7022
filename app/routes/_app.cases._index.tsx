import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AgentPicker } from "~/components/cases/agent-picker";
import { GateRefusal } from "~/components/cases/gate-refusal";
import { FormAlert, useSchemaForm } from "~/components/form";
import { CertificationBadge } from "~/components/quiz/certification-badge";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { assignCases } from "~/domain/cases/assign-cases.server";
import { gateView } from "~/domain/cases/case-gate.server";
import { CaseListQuerySchema, type CaseListQuery } from "~/domain/cases/case-list-rules";
import { AssignCasesSchema } from "~/domain/cases/cases.schema";
import { listCasesBehindGate } from "~/domain/cases/list-cases.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { formatCalendarDate } from "~/utils/format";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:case");
  const query = CaseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const canAssign = auth.scope !== "own" && can(auth.user.roles, "assign:case");
  const list = await listCasesBehindGate(auth, query);
  const { cases, certification, total, next, previous } = list;
  return {
    cases: cases.map((c) => ({ ...c, mandateDueDate: formatCalendarDate(c.mandateDueDate) })),
    total,
    next,
    previous,
    canAssign,
    canImport: can(auth.user.roles, "import:case"),
    own: auth.scope === "own",
    certification: certification ? { status: certification.status, cleared: certification.cleared } : null,
    // An agent who may not work cases sees why and the way to the quiz instead of the list.
    gate: list.gated ? gateView(list.certification) : null,
    query,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireActor(request, "assign:case");
  const form = parseForm(AssignCasesSchema, await request.formData());
  if (!form.ok) return invalid(form);
  // A head may assign only their own department's cases, and only to its agents: checked in the domain.
  const outcome = await assignCases(auth.actor, await departmentIdsInScope(auth), form.data.caseIds, form.data.agent);
  return respond(outcome, {
    form,
    redirectTo: "/cases",
    flash: (done) => messageKey("cases.assign.done", { count: done.assigned }),
  });
}

/** The list's address for a query: empty parts left out. */
function listUrl(query: Partial<Record<keyof CaseListQuery, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "?";
}

export default function CasesPage() {
  const { t } = useTranslation();
  const { cases, total, next, previous, canAssign, canImport, own, certification, gate, query } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  // What was typed is kept when the action refuses it (no client JavaScript: the page comes back).
  const form = useSchemaForm(AssignCasesSchema, { defaultValues: actionData?.values });
  // One alert above the list: the checkboxes and the agent are one form.
  const formError =
    form.errorOf("caseIds") ??
    form.errorOf("agent") ??
    actionData?.errors._form ??
    Object.values(actionData?.errors ?? {})[0];
  const filters = [
    ["all", undefined],
    ["unassigned", "no"],
    ["assigned", "yes"],
  ] as const;
  if (gate) return <GateRefusal gate={gate} />;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title flex-1">{own ? t("cases.myTitle") : t("cases.title")}</h1>
        {certification ? <CertificationBadge status={certification.status} /> : null}
        {canImport ? (
          <Link to="/cases/import" className="btn-secondary">
            {t("cases.importLink")}
          </Link>
        ) : null}
      </div>
      <FormAlert message={formError} />
      {!own ? (
        <nav className="flex flex-wrap gap-1 text-xs">
          {filters.map(([key, value]) => (
            <Link
              key={key}
              to={listUrl({ ...query, after: undefined, before: undefined, assigned: value })}
              className={[
                "badge",
                query.assigned === value ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600",
              ].join(" ")}
            >
              {t(`cases.filters.${key}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      <Form method="get" className="card flex flex-wrap items-end gap-3 p-4" role="search">
        {query.assigned ? <input type="hidden" name="assigned" value={query.assigned} /> : null}
        <div className="min-w-48 flex-1">
          <label className="label" htmlFor="q">
            {t("cases.search.label")}
          </label>
          <input
            id="q"
            name="q"
            className="input"
            defaultValue={query.q ?? ""}
            placeholder={t("cases.search.placeholder")}
            maxLength={60}
          />
        </div>
        <div className="min-w-40">
          <label className="label" htmlFor="bank">
            {t("cases.search.bank")}
          </label>
          <input
            id="bank"
            name="bank"
            className="input"
            defaultValue={query.bank ?? ""}
            placeholder={t("cases.search.bankPlaceholder")}
            maxLength={60}
          />
        </div>
        <button type="submit" className="btn-secondary">
          {t("cases.search.submit")}
        </button>
        {query.q || query.bank ? (
          <Link to={listUrl({ assigned: query.assigned })} className="btn-link text-sm">
            {t("cases.search.clear")}
          </Link>
        ) : null}
      </Form>

      <Form method="post" className="space-y-3" onSubmit={form.onSubmit} noValidate>
        {canAssign ? (
          <section className="card flex flex-wrap items-end gap-3 p-4">
            <div className="min-w-48 flex-1">
              <label className="label" htmlFor="agent">
                {t("cases.assign.agent")}
              </label>
              <AgentPicker
                field={form.register("agent")}
                invalid={Boolean(form.errorOf("agent"))}
                onPick={(value) => form.form.setValue("agent", value, { shouldValidate: true })}
              />
            </div>
            <button type="submit" className="btn-primary">
              {t("cases.assign.submit")}
            </button>
          </section>
        ) : null}
        <section className="card overflow-x-auto">
          <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500">
            {t("cases.total", { count: total, shown: cases.length })}
          </p>
          <table className="table">
            <thead>
              <tr>
                {canAssign ? (
                  <th>
                    <span className="sr-only">{t("cases.assign.select")}</span>
                  </th>
                ) : null}
                <th>{t("cases.fields.caseNo")}</th>
                <th>{t("cases.fields.debtorName")}</th>
                <th className="hidden md:table-cell">{t("cases.fields.cardNumber")}</th>
                <th className="text-right">{t("cases.fields.amountOwed")}</th>
                <th className="hidden text-right sm:table-cell">{t("cases.fields.overdueDays")}</th>
                <th className="hidden lg:table-cell">{t("cases.fields.mandateDueDate")}</th>
                {!own ? <th>{t("cases.fields.agent")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cases.map((c) => (
                <tr key={c.id} data-case={c.caseNo}>
                  {canAssign ? (
                    <td>
                      <input
                        type="checkbox"
                        {...form.choice("caseIds", c.id)}
                        aria-label={`${t("cases.assign.select")} ${c.caseNo}`}
                      />
                    </td>
                  ) : null}
                  <td>
                    <Link to={`/cases/${c.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                      {c.caseNo}
                    </Link>
                  </td>
                  <td>{c.debtorName}</td>
                  <td className="hidden font-mono text-xs md:table-cell">{c.cardNumberMasked}</td>
                  <td className="text-right tabular-nums">{formatYuan(c.amountOwedFen)}</td>
                  <td className="hidden text-right tabular-nums sm:table-cell">{c.overdueDays}</td>
                  <td className="hidden lg:table-cell">{format.date(c.mandateDueDate)}</td>
                  {!own ? (
                    <td>
                      {c.assignedTo ? (
                        <>
                          {c.assignedTo.employeeNo}
                          <span className="hidden sm:inline"> {c.assignedTo.name}</span>
                        </>
                      ) : (
                        <span className="text-slate-400">{t("cases.unassigned")}</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
              {cases.length === 0 ? (
                <tr>
                  <td colSpan={8} className="py-8 text-center text-slate-500">
                    {t("cases.empty")}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
      </Form>
      {previous || next ? (
        <nav aria-label={t("cases.pages.label")} className="flex justify-between gap-3">
          {previous ? (
            <Link to={listUrl({ ...query, after: undefined, before: previous })} className="btn-secondary" rel="prev">
              {t("cases.pages.previous")}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link to={listUrl({ ...query, before: undefined, after: next })} className="btn-secondary" rel="next">
              {t("cases.pages.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
