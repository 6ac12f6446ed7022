// Action records typed to slip past the call-script checks: each attempt is refused with the rule it
// breaks, counted, and nothing of it is saved. One row per attempt; a reviewer adds a line to add a case.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import * as casePage from "~/routes/_app.cases.$caseId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  demoDayAt,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(demoDayAt("10:00"));
  await seedDemoCompany();
});
afterEach(() => setClock(null));

type Form = Record<string, string>;
const PROPER: Form = {
  intent: "record",
  type: "CALL_DEBTOR",
  numberDialled: "13800138000",
  contactName: "张伟强",
  relation: "SELF",
  result: "NEGOTIATING",
  note: "本人接听，称月底还款。",
};

async function agentCase(employeeNo = "C0102") {
  return db.collectionCase.findFirstOrThrow({
    where: { assignedTo: { employeeNo } },
    orderBy: { caseNo: "asc" },
    select: { id: true },
  });
}
async function record(caseId: string, form: Form, employeeNo = "C0102") {
  return outcome(async () =>
    casePage.action({
      request: requestAs(await cookieFor(employeeNo), `/cases/${caseId}`, { form: { ...PROPER, ...form } }),
      params: { caseId },
      context,
    }),
  );
}
const actionsOf = (caseId: string) => db.caseAction.count({ where: { caseId } });
const breachesOf = (caseId: string) => db.caseRuleBreach.count({ where: { caseId } });
const ruleIds = (body: unknown) =>
  ((body as { breaches?: Array<{ ruleId: string }> } | null)?.breaches ?? []).map((b) => b.ruleId);

// [attempt, the fields typed over a proper call, the rules it is refused with].
const TYPED_ATTEMPTS: Array<[string, Form, string[]]> = [
  ["full-width mobile in the note", { note: "新号码１３８００１３９０００" }, ["OPS1"]],
  ["dotted mobile in the note", { note: "新号码 139.0013.8000" }, ["OPS1"]],
  ["double-spaced mobile in the note", { note: "新号码 139  0013  8000" }, ["OPS1"]],
  ["+86 landline in the note", { note: "单位电话 +86 21 6888 1234" }, ["OPS1"]],
  ["ID number in 接触人", { contactName: "张伟强 31010419850101123X" }, ["OPS1"]],
  ["full-width ID number in 接触人", { contactName: "３１０１０４１９８５０１０１１２３Ｘ" }, ["OPS1"]],
  ["18-digit ID as 拨打号码", { numberDialled: "31010419850101123X" }, ["OPS1", "REC3"]],
  ["老 赖 in 接触人", { contactName: "老 赖" }, ["B6", "REC2"]],
  ["老-赖 in 接触人", { contactName: "老-赖" }, ["B6", "REC2"]],
  ["老赖李国栋 in 接触人", { contactName: "老赖李国栋" }, ["B6", "REC2"]],
  ["王八蛋 in the note", { note: "这个王八蛋不接电话" }, ["B6", "REC2"]],
  ["垃圾 in the note", { note: "垃圾，拒不还款" }, ["B6", "REC2"]],
];

describe("typed past the checks", () => {
  it.each(TYPED_ATTEMPTS)("%s is refused with %j", async (_attempt, form, expected) => {
    const kase = await agentCase();
    const before = await Promise.all([actionsOf(kase.id), breachesOf(kase.id)]);
    const refused = await record(kase.id, form);
    expect(refused.status).toBe(422);
    expect(ruleIds(refused.body)).toEqual(expected);
    expect(await actionsOf(kase.id)).toBe(before[0]);
    expect(await breachesOf(kase.id)).toBe(before[1] + expected.length);
  });

  it("the refusal names the word and the field", async () => {
    const kase = await agentCase();
    const refused = await record(kase.id, { contactName: "老 赖" });
    const breaches = (refused.body as { breaches: Array<{ ruleId: string; detail: string | null }> }).breaches;
    expect(breaches[0].detail).toBe('cases.action.breachDetail.B6::{"words":"老赖","fields":"contactName"}');
  });

  it("a number typed with separators or full-width digits is kept in one spelling and shown masked", async () => {
    const kase = await agentCase();
    expect((await record(kase.id, { numberDialled: "１３８ ００１３ ８０００" })).status).toBe(302);
    const saved = await db.caseAction.findFirstOrThrow({ where: { caseId: kase.id }, orderBy: { createdAt: "desc" } });
    expect(saved).toMatchObject({ numberDialled: "13800138000", numberKey: "13800138000" });
  });

  it("the history never shows a stored full number whole, in any field", async () => {
    const kase = await agentCase();
    // Saved before every field was checked.
    await db.caseAction.create({
      data: {
        caseId: kase.id,
        personId: await personId("C0102"),
        type: "CALL_DEBTOR",
        at: demoDayAt("09:00"),
        numberDialled: "31010419850101123X",
        contactName: "张伟强 310104.1985.0101.123X",
        relation: "SELF",
        result: "NEGOTIATING",
        note: "新号码１３９００１３８０００，卡号 6222  0012  3456  7890",
      },
    });
    const page = await outcome(async () =>
      casePage.loader({
        request: requestAs(await cookieFor("C0102"), `/cases/${kase.id}`),
        params: { caseId: kase.id },
        context,
      }),
    );
    // Ids and times are the app's own characters, not the typed ones: a generated id may hold "0013".
    const actions = (page.body as { kase: { actions: Array<Record<string, unknown>> } }).kase.actions;
    const shown = JSON.stringify(actions.map(({ id: _id, at: _at, ...typed }) => typed));
    for (const digits of ["31010419850101123X", "13900138000", "6222001234567890", "0013", "19850101"])
      expect(shown.normalize("NFKC").replace(/[\s.-]/g, "")).not.toContain(digits);
  });
});

const THIRD_PARTY: Form = {
  type: "CALL_THIRD_PARTY",
  numberDialled: "021-6888-1234",
  contactName: "王五",
  relation: "COLLEAGUE",
  result: "LEFT_MESSAGE",
  note: "同事接听，答应转告。",
};
const DEBTOR_CALL: Form = { type: "CALL_DEBTOR", relation: "SELF", contactName: "张伟强" };

// [attempt, the two contacts recorded before it today, the third one, the rules it is refused with].
const B8_ATTEMPTS: Array<[string, Form[], Form, string[]]> = [
  ["recorded as 致电第三方 again", [THIRD_PARTY, THIRD_PARTY], THIRD_PARTY, ["B8"]],
  ["recorded as 致电债务人", [THIRD_PARTY, THIRD_PARTY], { ...THIRD_PARTY, ...DEBTOR_CALL }, ["B8"]],
  ["recorded as 外访", [THIRD_PARTY, THIRD_PARTY], { ...THIRD_PARTY, type: "FIELD_VISIT" }, ["B8"]],
  ["typed +86 21 6888 1234", [THIRD_PARTY, THIRD_PARTY], { ...THIRD_PARTY, numberDialled: "+86 21 6888 1234" }, ["B8"]],
  ["typed (021) 6888 1234", [THIRD_PARTY, THIRD_PARTY], { ...THIRD_PARTY, numberDialled: "(021) 6888 1234" }, ["B8"]],
  ["typed full-width", [THIRD_PARTY, THIRD_PARTY], { ...THIRD_PARTY, numberDialled: "０２１６８８８１２３４" }, ["B8"]],
  [
    "another number of the same third party",
    [THIRD_PARTY, THIRD_PARTY],
    { ...THIRD_PARTY, numberDialled: "139 0013 9000", contactName: "王 五" },
    ["B8"],
  ],
  [
    "the first two by different numbers and types",
    [
      { ...THIRD_PARTY, numberDialled: "+86 21 6888 1234" },
      { ...THIRD_PARTY, type: "CALL_DEBTOR", numberDialled: "13900139000", relation: "FRIEND" },
    ],
    { ...THIRD_PARTY, numberDialled: "13900139000", ...DEBTOR_CALL },
    ["B8"],
  ],
  ["the second contact is fine", [THIRD_PARTY], { ...THIRD_PARTY, numberDialled: "+86 21 6888 1234" }, []],
  ["the debtor's own number is not limited", [PROPER, PROPER], PROPER, []],
];

describe("B8: a third contact in a day with the same third party", () => {
  it.each(B8_ATTEMPTS)("%s: %j", async (_attempt, before, third, expected) => {
    const kase = await agentCase();
    for (const form of before) expect((await record(kase.id, form)).status).toBe(302);
    const actions = await actionsOf(kase.id);
    const answer = await record(kase.id, third);
    expect(ruleIds(answer.body)).toEqual(expected);
    expect(answer.status).toBe(expected.length ? 422 : 302);
    expect(await actionsOf(kase.id)).toBe(actions + (expected.length ? 0 : 1));
  });

  it("a third party answering for the debtor must be named", async () => {
    const kase = await agentCase();
    const answer = await record(kase.id, { ...THIRD_PARTY, contactName: "" });
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Record<string, string> }).errors.contactName).toBe("cases.action.contactNeeded");
  });
});
