import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { CertificationBadge } from "~/components/quiz/certification-badge";
import { useFormat } from "~/components/use-format";
import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import { BOARD_STATUSES, type CertStatus } from "~/domain/certification/certification-rules";
import { assignByEmployeeNos } from "~/domain/quiz/assign-quiz.server";
import { certificationBoard } from "~/domain/quiz/certification-board.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  status: z
    .enum(BOARD_STATUSES as [string, ...string[]])
    .optional()
    .catch(undefined),
  departmentId: z.string().max(40).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  // Keyset: the employee number of the last row of the previous page.
  after: z.string().max(40).optional().catch(undefined),
});

// Employee numbers, one per line or separated by commas (Chinese or Latin), spaces or semicolons.
const AssignSchema = z.object({ employeeNos: z.string().max(20000).default("") });

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:certification");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const board = await certificationBoard(await departmentIdsInScope(auth), {
    ...query,
    status: query.status as CertStatus | undefined,
    q: query.q || undefined,
  });
  return { ...board, query, canAssign: can(auth.user.roles, "manage:quiz") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseForm(AssignSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const quizId = await caseWorkQuizId();
  // No case-work quiz (it is seeded; only a broken database lacks it): said above the form, as before.
  const outcome = quizId
    ? await assignByEmployeeNos(actor, quizId, form.data.employeeNos.split(/[\s,，、;；]+/).slice(0, 200))
    : ({ ok: false, error: "errors.notFound", status: 400 } as const);
  // "Unknown numbers: …" names them.
  const answer =
    outcome.ok || !("unknown" in outcome)
      ? outcome
      : { ...outcome, error: messageKey(outcome.error, { numbers: (outcome.unknown ?? []).join("、") }) };
  return respond(answer, {
    form,
    redirectTo: "/certification",
    flash: (done) => messageKey("certification.assign.done", { count: done.assigned }),
  });
}

export default function CertificationBoardPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { rows, total, nextAfter, summary, mostMissed, mostBreached, missedWindowDays, query, canAssign } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  const link = (over: Record<string, string | undefined>) => {
    const entries = Object.entries({ ...query, after: undefined, ...over }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    );
    return `?${new URLSearchParams(entries)}`;
  };
  return (
    <div className="space-y-5">
      <h1 className="page-title">{t("certification.title")}</h1>
      <FormAlert message={actionData?.errors._form ?? actionData?.errors.employeeNos} />

      <section className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("certification.department")}</th>
              {BOARD_STATUSES.map((s) => (
                <th key={s} className="text-right">
                  {t(`certification.status.${s}`)}
                </th>
              ))}
              <th className="text-right">{t("certification.total")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {summary.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link className="text-brand-700 hover:underline" to={link({ departmentId: d.id, status: undefined })}>
                    {d.name}
                  </Link>
                </td>
                {BOARD_STATUSES.map((s) => (
                  <td key={s} className="text-right tabular-nums">
                    {d.counts[s] ? (
                      <Link className="hover:underline" to={link({ departmentId: d.id, status: s })}>
                        {d.counts[s]}
                      </Link>
                    ) : (
                      <span className="text-slate-300">0</span>
                    )}
                  </td>
                ))}
                <td className="text-right font-medium tabular-nums">{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <section className="card">
          <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3">
            <h2 className="flex-1 font-semibold">{t("certification.people", { count: total })}</h2>
            <nav className="flex flex-wrap gap-1 text-xs">
              <Link
                to={link({ status: undefined })}
                className={`badge ${!query.status ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"}`}
              >
                {t("certification.all")}
              </Link>
              {BOARD_STATUSES.map((s) => (
                <Link
                  key={s}
                  to={link({ status: s })}
                  className={`badge ${query.status === s ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"}`}
                >
                  {t(`certification.status.${s}`)}
                </Link>
              ))}
            </nav>
          </header>
          <Form
            method="get"
            className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3"
            role="search"
          >
            {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
            {query.departmentId ? <input type="hidden" name="departmentId" value={query.departmentId} /> : null}
            <label className="min-w-48 flex-1">
              <span className="label">{t("certification.search.label")}</span>
              <input
                type="search"
                name="q"
                className="input"
                maxLength={60}
                defaultValue={query.q ?? ""}
                placeholder={t("certification.search.placeholder")}
              />
            </label>
            <button type="submit" className="btn-secondary">
              {t("certification.search.submit")}
            </button>
            {query.q ? (
              <Link to={link({ q: undefined })} className="btn-link">
                {t("certification.search.clear")}
              </Link>
            ) : null}
          </Form>
          <ul className="divide-y divide-slate-100">
            {rows.map((r) => (
              <li
                key={r.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
                data-employee={r.employeeNo}
              >
                <span className="w-14 font-mono text-xs text-slate-500">{r.employeeNo}</span>
                <span className="min-w-16 font-medium">{r.name}</span>
                <span className="hidden flex-1 text-xs text-slate-500 sm:inline">
                  {r.team} · {r.post}
                </span>
                <span className="ml-auto flex items-center gap-2">
                  {r.validUntil ? (
                    <span className="text-xs text-slate-500">
                      {t(
                        r.status === "lapsed" || r.status === "expired"
                          ? "certification.endedOn"
                          : "certification.until",
                        { date: format.date(r.validUntil) },
                      )}
                    </span>
                  ) : null}
                  {r.staleRuleIds.length ? (
                    <span className="text-xs text-amber-700">{r.staleRuleIds.join("、")}</span>
                  ) : null}
                  {r.breaches ? (
                    <span className="badge bg-red-50 text-red-700" data-breaches={r.breaches}>
                      {t("cases.board.perAgent", { count: r.breaches })}
                    </span>
                  ) : null}
                  {r.assigned ? (
                    <span className="badge bg-sky-50 text-sky-700">{t(`certification.assigned.${r.assigned}`)}</span>
                  ) : null}
                  <CertificationBadge status={r.status} />
                </span>
              </li>
            ))}
            {rows.length === 0 ? (
              <li className="px-4 py-8 text-center text-sm text-slate-500">{t("certification.empty")}</li>
            ) : null}
          </ul>
          {query.after || nextAfter ? (
            <nav
              className="flex justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm"
              aria-label={t("certification.pages.label")}
            >
              {query.after ? (
                <Link to={link({})} className="btn-secondary">
                  {t("certification.pages.first")}
                </Link>
              ) : (
                <span />
              )}
              {nextAfter ? (
                <Link to={link({ after: nextAfter })} className="btn-secondary" rel="next">
                  {t("certification.pages.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>

        <aside className="space-y-5">
          <section className="card p-4">
            <h2 className="font-semibold">{t("certification.mostMissed")}</h2>
            <p className="text-xs text-slate-500">{t("certification.mostMissedHint", { days: missedWindowDays })}</p>
            <ol className="mt-3 space-y-2">
              {mostMissed.map((m) => (
                <li key={m.ruleId} className="flex items-center gap-2 text-sm">
                  <span className="w-10 font-mono text-xs">{m.ruleId}</span>
                  <span className="flex-1">
                    {localized(m.titleZh, m.titleEn)}
                    {m.redLine ? <span className="badge ml-1 bg-red-50 text-red-700">{t("quiz.redLine")}</span> : null}
                  </span>
                  <span className="tabular-nums text-slate-600">{m.count}</span>
                </li>
              ))}
              {mostMissed.length === 0 ? (
                <li className="text-sm text-slate-500">{t("certification.noMisses")}</li>
              ) : null}
            </ol>
          </section>
          <section className="card p-4" data-testid="breaches-by-rule">
            <h2 className="font-semibold">{t("cases.board.title")}</h2>
            <p className="text-xs text-slate-500">{t("cases.board.hint", { days: missedWindowDays })}</p>
            <ol className="mt-3 space-y-2">
              {mostBreached.map((m) => (
                <li key={m.ruleId} className="flex items-center gap-2 text-sm">
                  <span className="w-10 font-mono text-xs">{m.ruleId}</span>
                  <span className="flex-1">{localized(m.titleZh, m.titleEn)}</span>
                  <span className="tabular-nums text-slate-600">{m.count}</span>
                </li>
              ))}
              {mostBreached.length === 0 ? <li className="text-sm text-slate-500">{t("cases.board.none")}</li> : null}
            </ol>
          </section>
          {canAssign ? (
            <Form method="post" className="card space-y-3 p-4">
              <h2 className="font-semibold">{t("certification.assign.title")}</h2>
              <label className="label" htmlFor="employeeNos">
                {t("certification.assign.label")}
              </label>
              <textarea
                id="employeeNos"
                name="employeeNos"
                rows={2}
                className="input"
                placeholder="C0101, C0102"
                defaultValue={String(actionData?.values.employeeNos ?? "")}
              />
              <button type="submit" className="btn-primary w-full">
                {t("certification.assign.submit")}
              </button>
            </Form>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
