import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionRecordForm, type RefusedRule } from "~/components/cases/action-record-form";
import { GateRefusal } from "~/components/cases/gate-refusal";
import { FormAlert } from "~/components/form";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { caseWorkGate } from "~/domain/cases/case-gate.server";
import { getCasePage, ruleTexts } from "~/domain/cases/case-queries.server";
import { ActionRecordSchema, RevealSchema } from "~/domain/cases/cases.schema";
import { recordAction } from "~/domain/cases/record-action.server";
import { revealNumber } from "~/domain/cases/reveal-number.server";
import type { Certification } from "~/domain/certification/certification-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { can } from "~/utils/permissions";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const gateView = (c: Certification) => ({ status: c.status, date: c.validUntil?.toISOString() ?? null, rules: c.staleRules.map((s) => s.ruleId).join("、") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:case");
  const found = await getCasePage(auth, params.caseId!);
  if (!found) throw new Response("Not found", { status: 404 });
  const isAgent = found.assignedToId === auth.user.id;
  const gate = await caseWorkGate({ id: auth.user.id, employeeNo: auth.user.employeeNo }, found, "open");
  // Nothing of the case but its number reaches an agent who may not work it.
  if (!gate.ok) return { caseNo: found.caseNo, gate: gateView(gate.certification), kase: null, isAgent, canReveal: false };
  const { assignedToId: _, departmentId: __, ...kase } = found;
  return { caseNo: found.caseNo, gate: null, kase: { ...kase, mandateDueDate: formatCalendarDate(kase.mandateDueDate), actions: kase.actions.map((a) => ({ ...a, promiseDate: formatCalendarDate(a.promiseDate) })) }, isAgent, canReveal: can(auth.user.roles, "reveal:case-number") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const caseId = params.caseId!;
  if (formData.get("intent") === "reveal") {
    const auth = await requirePermission(request, "reveal:case-number");
    const parsed = parseForm(RevealSchema, formData);
    if (!parsed.ok) return data({ intent: "reveal" as const, field: null, value: null, errors: null, breaches: null, values: null }, { status: 400 });
    const outcome = await revealNumber(auth, caseId, parsed.data.field);
    if (!outcome.ok && outcome.kind === "notFound") throw new Response("Not found", { status: 404 });
    if (!outcome.ok) return redirect(`/cases/${caseId}`);
    return data({ intent: "reveal" as const, field: parsed.data.field, value: outcome.value, errors: null, breaches: null, values: null }, { headers: { "Cache-Control": "no-store" } });
  }
  const { user } = await requirePermission(request, "work:case");
  const parsed = parseForm(ActionRecordSchema, formData);
  if (!parsed.ok) return data({ intent: "record" as const, field: null, value: null, errors: parsed.errors, breaches: null, values: parsed.values }, { status: 400 });
  const outcome = await recordAction({ id: user.id, employeeNo: user.employeeNo }, caseId, parsed.data);
  if (outcome.ok) return redirect(`/cases/${caseId}?saved=1`);
  if (outcome.kind === "notFound") throw new Response("Not found", { status: 404 });
  // The page shows the reason and the way to the quiz.
  if (outcome.kind === "gate") return redirect(`/cases/${caseId}`);
  const settings = await getSettings();
  const breaches: RefusedRule[] = await ruleTexts(outcome.breaches.map((b) => b.ruleId), settings.companyName, now());
  return data({ intent: "record" as const, field: null, value: null, errors: null, breaches, values: parsed.values }, { status: 422 });
}

export default function CasePage() {
  const { t } = useTranslation();
  const { caseNo, gate, kase, isAgent, canReveal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const format = useFormat();
  if (gate || !kase) return <GateRefusal caseNo={caseNo} gate={gate!} />;
  const revealed = actionData?.intent === "reveal" && actionData.value ? actionData : null;
  const numberRow = (field: "idNumber" | "cardNumber", masked: string) => (
    <div>
      <p className="text-xs text-slate-500">{t(`cases.fields.${field}`)}</p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono">{masked}</span>
        {canReveal ? (
          <Form method="post" className="contents">
            <input type="hidden" name="intent" value="reveal" />
            <input type="hidden" name="field" value={field} />
            <button type="submit" className="btn-link text-xs">{t("cases.reveal")}</button>
          </Form>
        ) : null}
      </div>
    </div>
  );
  return (
    <div className="space-y-5">
      <Link to="/cases" className="btn-link">← {t("cases.title")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{kase.debtorName}</h1>
        <span className="font-mono text-sm text-slate-500">{kase.caseNo}</span>
        <span className="badge bg-slate-100 text-slate-600">{kase.clientBank}</span>
      </div>
      {params.get("saved") && !actionData ? <FormAlert tone="success" message="cases.action.saved" /> : null}
      {revealed ? <FormAlert tone="info" message={`cases.revealed::${JSON.stringify({ field: t(`cases.fields.${revealed.field}`), value: revealed.value })}`} /> : null}
      <section className="card grid gap-4 p-5 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div><p className="text-xs text-slate-500">{t("cases.fields.amountOwed")}</p><p className="text-lg font-semibold tabular-nums">{formatYuan(kase.amountOwedFen)}</p></div>
        <div><p className="text-xs text-slate-500">{t("cases.fields.overdueDays")}</p><p className="font-medium">{t("cases.days", { count: kase.overdueDays })}</p></div>
        <div><p className="text-xs text-slate-500">{t("cases.fields.mandateDueDate")}</p><p className="font-medium">{kase.mandateDueDate}</p></div>
        {numberRow("idNumber", kase.idNumberMasked)}
        {numberRow("cardNumber", kase.cardNumberMasked)}
        <div><p className="text-xs text-slate-500">{t("cases.fields.phones")}</p><p className="font-mono">{kase.phones.join("、") || "—"}</p></div>
        <div className="sm:col-span-2 lg:col-span-3"><p className="text-xs text-slate-500">{t("cases.fields.address")}</p><p>{kase.address || "—"}</p></div>
      </section>

      {isAgent ? (
        <ActionRecordForm key={params.get("saved") ?? "new"} errors={actionData?.intent === "record" ? actionData.errors : null} breaches={actionData?.intent === "record" ? actionData.breaches : null} values={actionData?.intent === "record" ? (actionData.values as Record<string, string>) : null} />
      ) : (
        <p className="text-sm text-slate-500">{t("cases.supervisorNote")}</p>
      )}

      <section className="card">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t("cases.action.history")}</h2>
        <ul className="divide-y divide-slate-100">
          {kase.actions.map((a) => (
            <li key={a.id} className="space-y-1 px-4 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{t(`cases.action.types.${a.type}`)}</span>
                <span className="text-xs text-slate-500">{format.dateTime(a.at)}</span>
                {a.numberDialled ? <span className="font-mono text-xs">{a.numberDialled}</span> : null}
                <span className="text-xs text-slate-500">{a.contactName} · {t(`cases.action.relations.${a.relation}`)}</span>
                <span className="badge bg-slate-100 text-slate-600">{t(`cases.action.results.${a.result}`)}</span>
                {a.promiseAmountFen ? <span className="text-xs text-emerald-700">{formatYuan(a.promiseAmountFen)} · {a.promiseDate}</span> : null}
                <span className="ml-auto text-xs text-slate-400">{a.person.employeeNo} {a.person.name}</span>
              </p>
              <p className="whitespace-pre-wrap text-slate-700">{a.note}</p>
            </li>
          ))}
          {kase.actions.length === 0 ? <li className="px-4 py-6 text-center text-sm text-slate-500">{t("cases.action.none")}</li> : null}
        </ul>
      </section>
    </div>
  );
}
