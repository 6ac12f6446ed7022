import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ActionRecordForm, type RefusedRule } from "~/components/cases/action-record-form";
import { GateRefusal } from "~/components/cases/gate-refusal";
import { FormAlert } from "~/components/form";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { localDateTimeValue } from "~/domain/cases/call-time";
import { caseWorkGate, gateView } from "~/domain/cases/case-gate.server";
import { getCasePage, ruleTexts } from "~/domain/cases/case-queries.server";
import { ActionRecordSchema, RevealSchema } from "~/domain/cases/cases.schema";
import { recordAction } from "~/domain/cases/record-action.server";
import { revealNumber } from "~/domain/cases/reveal-number.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatCalendarDate } from "~/utils/format";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor } from "~/utils/route.server";
import { messageKey, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const CaseParams = z.object({ caseId: Id });

// The page's two forms: show a full number (department heads and the agent), record an action (the agent).
const CaseIntent = z.discriminatedUnion("intent", [
  RevealSchema.extend({ intent: z.literal("reveal") }),
  ActionRecordSchema.extend({ intent: z.literal("record") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseId } = getParams(params, CaseParams);
  const auth = await requireActor(request, "read:case");
  const found = await getCasePage(auth, caseId);
  invariantResponse(found, "Not found", { status: 404 });
  const isAgent = found.assignedToId === auth.user.id;
  const gate = await caseWorkGate(auth.actor, found, "open");
  // Nothing of the case but its number reaches an agent who may not work it.
  if (!gate.ok)
    return { caseNo: found.caseNo, gate: gateView(gate.certification), kase: null, isAgent, canReveal: false };
  const { assignedToId: _, departmentId: __, ...kase } = found;
  return {
    caseNo: found.caseNo,
    gate: null,
    kase: {
      ...kase,
      mandateDueDate: formatCalendarDate(kase.mandateDueDate),
      actions: kase.actions.map((a) => ({ ...a, promiseDate: formatCalendarDate(a.promiseDate) })),
    },
    isAgent,
    canReveal: can(auth.user.roles, "reveal:case-number"),
    // The form's call time starts at now, company time, to the minute.
    calledAtDefault: localDateTimeValue(now(), (await getSettings()).timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseId } = getParams(params, CaseParams);
  const form = parseIntent(await request.formData(), CaseIntent);
  const auth = await requireActor(request, form.intent === "reveal" ? "reveal:case-number" : "work:case");
  if (!form.ok) return invalid(form);
  const casePage = `/cases/${caseId}`;
  switch (form.data.intent) {
    case "reveal": {
      const outcome = await revealNumber(auth, caseId, form.data.field);
      invariantResponse(outcome.ok || outcome.kind !== "notFound", "Not found", { status: 404 });
      // Refused by the gate: the page shows the reason and the way to the quiz.
      if (!outcome.ok) return redirect(casePage);
      // The full number is shown once, in this answer only: never cached, never flashed.
      return data(
        { intent: "reveal" as const, field: form.data.field, value: outcome.value },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    case "record": {
      const outcome = await recordAction(auth.actor, caseId, form.data);
      if (outcome.ok) return redirectWithFlash(casePage, "cases.action.saved");
      invariantResponse(outcome.kind !== "notFound", "Not found", { status: 404 });
      // The page shows the reason and the way to the quiz.
      if (outcome.kind === "gate") return redirect(casePage);
      // A call time out of bounds or an unknown pick: under its field, with what was typed.
      if (outcome.kind === "invalid") return invalid({ ...form, errors: outcome.errors });
      // Refused by the call rules: each broken rule with its text, above the form that keeps what was typed.
      const settings = await getSettings();
      const texts = await ruleTexts(
        outcome.breaches.map((b) => b.ruleId),
        settings.companyName,
        now(),
      );
      // What exactly broke the rule (the word, the field), said in the reader's language.
      const breaches: RefusedRule[] = texts.map((text, i) => {
        const { ruleId, detail } = outcome.breaches[i];
        return { ...text, detail: detail ? messageKey(`cases.action.breachDetail.${ruleId}`, detail) : null };
      });
      return data({ intent: "record" as const, breaches, values: form.values }, { status: 422 });
    }
  }
}

export default function CasePage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const { caseNo, gate, kase, isAgent, canReveal } = loaded;
  const calledAtDefault = ("calledAtDefault" in loaded ? loaded.calledAtDefault : undefined) ?? "";
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  if (gate || !kase) return <GateRefusal caseNo={caseNo} gate={gate!} />;
  const revealed = actionData && "value" in actionData ? actionData : null;
  const recordAnswer = actionData?.intent === "record" ? actionData : null;
  const numberRow = (field: "idNumber" | "cardNumber", masked: string) => (
    <div>
      <p className="text-xs text-slate-500">{t(`cases.fields.${field}`)}</p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono">{masked}</span>
        {canReveal ? (
          <Form method="post" className="contents">
            <input type="hidden" name="intent" value="reveal" />
            <input type="hidden" name="field" value={field} />
            <button type="submit" className="btn-link text-xs">
              {t("cases.reveal")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
  const revealedParams =
    revealed && JSON.stringify({ field: t(`cases.fields.${revealed.field}`), value: revealed.value });
  return (
    <div className="space-y-5">
      <Link to="/cases" className="btn-link">
        ← {t("cases.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{kase.debtorName}</h1>
        <span className="font-mono text-sm text-slate-500">{kase.caseNo}</span>
        <span className="badge bg-slate-100 text-slate-600">{kase.clientBank}</span>
      </div>
      {revealed ? <FormAlert tone="info" message={`cases.revealed::${revealedParams}`} /> : null}
      <section className="card grid gap-4 p-5 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <p className="text-xs text-slate-500">{t("cases.fields.amountOwed")}</p>
          <p className="text-lg font-semibold tabular-nums">{formatYuan(kase.amountOwedFen)}</p>
        </div>
        <div>
          <p className="text-xs text-slate-500">{t("cases.fields.overdueDays")}</p>
          <p className="font-medium">{t("cases.days", { count: kase.overdueDays })}</p>
        </div>
        <div>
          <p className="text-xs text-slate-500">{t("cases.fields.mandateDueDate")}</p>
          <p className="font-medium">{kase.mandateDueDate}</p>
        </div>
        {numberRow("idNumber", kase.idNumberMasked)}
        {numberRow("cardNumber", kase.cardNumberMasked)}
        <div>
          <p className="text-xs text-slate-500">{t("cases.fields.phones")}</p>
          <p className="font-mono">{kase.phones.join("、") || "—"}</p>
        </div>
        <div className="sm:col-span-2 lg:col-span-3">
          <p className="text-xs text-slate-500">{t("cases.fields.address")}</p>
          <p>{kase.address || "—"}</p>
        </div>
      </section>

      {isAgent ? (
        // A new action in the history (one was just saved) starts the form afresh.
        <ActionRecordForm
          key={`${kase.actions.length}:${kase.actions[0]?.id ?? ""}`}
          errors={recordAnswer && "errors" in recordAnswer ? recordAnswer.errors : null}
          breaches={recordAnswer && "breaches" in recordAnswer ? recordAnswer.breaches : null}
          values={recordAnswer?.values ?? null}
          phones={kase.phones}
          calledAtDefault={calledAtDefault}
        />
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
                <span className="text-xs text-slate-500">
                  {a.contactName} · {t(`cases.action.relations.${a.relation}`)}
                </span>
                <span className="badge bg-slate-100 text-slate-600">{t(`cases.action.results.${a.result}`)}</span>
                {a.promiseAmountFen ? (
                  <span className="text-xs text-emerald-700">
                    {formatYuan(a.promiseAmountFen)} · {a.promiseDate}
                  </span>
                ) : null}
                <span className="ml-auto text-xs text-slate-400">
                  {a.person.employeeNo} {a.person.name}
                </span>
              </p>
              <p className="whitespace-pre-wrap text-slate-700">{a.note}</p>
            </li>
          ))}
          {kase.actions.length === 0 ? (
            <li className="px-4 py-6 text-center text-sm text-slate-500">{t("cases.action.none")}</li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
