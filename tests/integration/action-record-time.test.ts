// The action record as the agent lives it: the call's own time is what B3 reads, and a stored number is
// picked from the case's list (masked) and resolved on the server; only new numbers are typed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { numberKey } from "~/domain/cases/action-rules";
import { localDateTimeValue } from "~/domain/cases/call-time";
import * as casePage from "~/routes/_app.cases.$caseId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  demoDayAt,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };
const TZ = "Asia/Shanghai";
const local = (at: Date) => localDateTimeValue(at, TZ);

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(demoDayAt("22:01"));
  await seedDemoCompany();
});
afterEach(() => setClock(null));

type Form = Record<string, string>;
const kaseOf = () =>
  db.collectionCase.findFirstOrThrow({
    where: { assignedTo: { employeeNo: "C0102" } },
    orderBy: { caseNo: "asc" },
    select: { id: true, phones: true, assignedAt: true },
  });
const record = async (caseId: string, form: Form) =>
  outcome(async () =>
    casePage.action({
      request: requestAs(await cookieFor("C0102"), `/cases/${caseId}`, {
        form: {
          intent: "record",
          type: "CALL_DEBTOR",
          numberDialled: "13800138000",
          contactName: "张伟强",
          relation: "SELF",
          result: "NO_ANSWER",
          note: "无人接听。",
          ...form,
        },
      }),
      params: { caseId },
      context,
    }),
  );
const errorsOf = (body: unknown) => (body as { errors: Record<string, string> }).errors;

describe("the call's own time", () => {
  it("a call that ended at 21:58 and is saved at 22:01 is accepted; without its time it is refused (B3)", async () => {
    const kase = await kaseOf();
    const late = await record(kase.id, {});
    expect((late.body as { breaches: Array<{ ruleId: string }> }).breaches.map((b) => b.ruleId)).toEqual(["B3"]);
    const saved = await record(kase.id, { calledAt: local(demoDayAt("21:58")) });
    expect(saved.status).toBe(302);
    const action = await db.caseAction.findFirstOrThrow({ where: { caseId: kase.id }, orderBy: { createdAt: "desc" } });
    expect(action.at).toEqual(demoDayAt("21:58"));
  });

  it("a time in the future or before the case was assigned is refused under its field, keeping the input", async () => {
    const kase = await kaseOf();
    const before = await db.caseAction.count({ where: { caseId: kase.id } });
    const future = await record(kase.id, { calledAt: local(demoDayAt("22:30")), note: "本人接听。" });
    expect(future.status).toBe(400);
    expect(errorsOf(future.body).calledAt).toBe("cases.action.calledAtFuture");
    expect((future.body as { values: Form }).values.note).toBe("本人接听。");
    const early = new Date(kase.assignedAt!.getTime() - 24 * 3600_000);
    const tooEarly = await record(kase.id, { calledAt: local(early) });
    expect(errorsOf(tooEarly.body).calledAt).toBe("cases.action.calledAtBeforeAssigned");
    const garbled = await record(kase.id, { calledAt: "2026-02-30T10:00" });
    expect(errorsOf(garbled.body).calledAt).toBe("cases.action.calledAtFormat");
    expect(await db.caseAction.count({ where: { caseId: kase.id } })).toBe(before);
  });
});

describe("picking a stored number", () => {
  it("the page lists the case's numbers masked only; the pick is saved as the real number", async () => {
    const kase = await kaseOf();
    expect(kase.phones.length).toBeGreaterThan(0);
    const page = await outcome(async () =>
      casePage.loader({
        request: requestAs(await cookieFor("C0102"), `/cases/${kase.id}`),
        params: { caseId: kase.id },
        context,
      }),
    );
    const shown = JSON.stringify(page.body).replace(/\D/g, " ");
    for (const phone of kase.phones) expect(shown).not.toContain(numberKey(phone)!);
    const saved = await record(kase.id, { calledAt: local(demoDayAt("21:00")), numberDialled: "", phoneId: "0" });
    expect(saved.status).toBe(302);
    const action = await db.caseAction.findFirstOrThrow({ where: { caseId: kase.id }, orderBy: { createdAt: "desc" } });
    expect(action.numberKey).toBe(numberKey(kase.phones[0]));
  });

  it("the page as a browser without JavaScript gets it: the time set to now, the numbers to pick masked", async () => {
    const kase = await kaseOf();
    const { html } = await renderInLayout(await cookieFor("C0102"), `/cases/${kase.id}`, "_app.cases.$caseId");
    expect(html).toMatch(new RegExp(`id="calledAt"[^>]*value="${local(demoDayAt("22:01"))}"`));
    expect(html).toContain('<option value="0"');
    expect(html).toContain("拨打新号码");
    for (const phone of kase.phones) expect(html.replace(/\D/g, " ")).not.toContain(numberKey(phone)!);
  });

  it("a pick and a typed number together, or a pick the case does not hold, are refused", async () => {
    const kase = await kaseOf();
    const both = await record(kase.id, { calledAt: local(demoDayAt("21:00")), phoneId: "0" });
    expect(errorsOf(both.body).numberDialled).toBe("cases.action.pickOrType");
    const unknown = await record(kase.id, { calledAt: local(demoDayAt("21:00")), numberDialled: "", phoneId: "9" });
    expect(errorsOf(unknown.body).phoneId).toBe("validation.invalid");
  });
});
