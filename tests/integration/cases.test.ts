// Case work inside TrainGate: the batch import, numbers at rest, scope, the gate and the rule checks.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { decryptNumber } from "~/domain/cases/case-crypto.server";
import { storedCertifications } from "~/domain/certification/certification-store.server";
import * as casePage from "~/routes/_app.cases.$caseId";
import * as casesPage from "~/routes/_app.cases._index";
import * as importPage from "~/routes/_app.cases.import";
import * as boardPage from "~/routes/_app.certification";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { demoCardNumber, demoIdNumber } from "../../prisma/seed/cases";

import { passQuiz } from "./assessment-support";
import {
  BASE,
  cookieFor,
  demoDayAt,
  flashOf,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };
// 10:00 in Shanghai on the demo company's day, so a call now is inside 07:00–22:00.
const MORNING = demoDayAt("10:00");

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(MORNING);
  await seedDemoCompany();
});
afterEach(() => setClock(null));

const caseOf = async (employeeNo: string) =>
  await db.collectionCase.findFirstOrThrow({
    where: { assignedTo: { employeeNo } },
    orderBy: { caseNo: "asc" },
    select: { id: true, caseNo: true },
  });
const open = async (employeeNo: string, caseId: string) =>
  outcome(async () =>
    casePage.loader({
      request: requestAs(await cookieFor(employeeNo), `/cases/${caseId}`),
      params: { caseId },
      context,
    }),
  );
const record = async (employeeNo: string, caseId: string, form: Record<string, string>) =>
  outcome(async () =>
    casePage.action({
      request: requestAs(await cookieFor(employeeNo), `/cases/${caseId}`, {
        form: {
          intent: "record",
          type: "CALL_DEBTOR",
          numberDialled: "13800138000",
          contactName: "张伟强",
          relation: "SELF",
          result: "NEGOTIATING",
          note: "本人接听，称月底还款。",
          ...form,
        },
      }),
      params: { caseId },
      context,
    }),
  );

describe("case batch import", () => {
  const HEADER = "案件编号,委托银行,债务人姓名,身份证号,卡号,欠款金额,逾期天数,联系电话,地址,委托到期日";
  const line = (n: number, id = demoIdNumber(100 + n)) =>
    `T-${n},江南商业银行信用卡中心,测试${n},${id},${demoCardNumber(100 + n)},1000.50,30,13800138000,上海,2027-01-31`;
  const upload = async (csv: string) => {
    const form = new FormData();
    const departmentId = (await db.department.findUniqueOrThrow({ where: { code: "COL1" } })).id;
    form.append("departmentId", departmentId);
    form.append("file", new File([csv], "batch.csv", { type: "text/csv" }));
    const request = new Request(`${BASE}/cases/import`, {
      method: "POST",
      headers: { Cookie: await cookieFor("D0101"), Origin: BASE },
      body: form,
    });
    return outcome(() => importPage.action({ request, params: {}, context }));
  };

  it("one bad row: nothing is imported, and the errors name the rows", async () => {
    const before = await db.collectionCase.count();
    const result = await upload([HEADER, line(1), line(2, "110105194912310021"), line(3)].join("\n"));
    expect(result.status).toBe(400);
    expect((result.body as { errors: Array<{ row: number; message: string }> }).errors).toEqual([
      { row: 3, column: "身份证号", message: "cases.import.idNumberInvalid" },
    ]);
    expect(await db.collectionCase.count()).toBe(before);
    expect(await db.caseBatch.count({ where: { fileName: "batch.csv" } })).toBe(0);
  });

  it("a case number already in the system is reported in the same pass as the file's other errors", async () => {
    const existing = await db.collectionCase.findFirstOrThrow({ select: { caseNo: true } });
    const taken = line(2).replace(/^T-2,/, `${existing.caseNo},`);
    const result = await upload([HEADER, line(1), taken, line(3, "110105194912310021")].join("\n"));
    expect(result.status).toBe(400);
    const errors = (result.body as { errors: Array<{ row: number; column: string; message: string }> }).errors;
    expect(errors.map((e) => [e.row, e.column, e.message.split("::")[0]])).toEqual([
      [3, "案件编号", "cases.import.caseExists"],
      [4, "身份证号", "cases.import.idNumberInvalid"],
    ]);
    expect(await db.collectionCase.count({ where: { caseNo: { startsWith: "T-" } } })).toBe(0);
  });

  it("a good file lands whole; ID and card numbers are ciphertext at rest and masked in the list", async () => {
    const result = await upload([HEADER, line(1), line(2)].join("\n"));
    expect(result).toMatchObject({ status: 302, location: "/cases/import" });
    expect(await flashOf(result)).toMatchObject({ tone: "success", message: 'cases.import.success::{"count":2}' });
    const [raw] = await db.$queryRaw<
      Array<{ idNumberEnc: string; cardNumberEnc: string; cardNumberMasked: string }>
    >`SELECT "idNumberEnc", "cardNumberEnc", "cardNumberMasked" FROM "CollectionCase" WHERE "caseNo" = 'T-1'`;
    expect(raw.idNumberEnc).not.toContain(demoIdNumber(101));
    expect(raw.cardNumberEnc).not.toContain(demoCardNumber(101).slice(4, 12));
    expect(decryptNumber(raw.idNumberEnc)).toBe(demoIdNumber(101));
    expect(raw.cardNumberMasked).toBe(`${demoCardNumber(101).slice(0, 4)} **** **** ${demoCardNumber(101).slice(-4)}`);
    const list = await outcome(async () =>
      casesPage.loader({ request: requestAs(await cookieFor("D0101"), "/cases?assigned=no"), params: {}, context }),
    );
    expect(JSON.stringify(list.body)).not.toContain(demoCardNumber(101));
    expect(await db.auditEntry.count({ where: { action: "caseBatch.imported" } })).toBe(1);
  });
});

describe("who imports into which department", () => {
  const HEADER = "案件编号,委托银行,债务人姓名,身份证号,卡号,欠款金额,逾期天数,联系电话,地址,委托到期日";
  const csv = (from: number) =>
    [
      HEADER,
      ...[0, 1].map(
        (k) =>
          // eslint-disable-next-line max-len
          `A-${from + k},江南商业银行信用卡中心,测试${from + k},${demoIdNumber(200 + from + k)},${demoCardNumber(200 + from + k)},800,15,13800138000,上海,2027-02-28`,
      ),
    ].join("\n");
  const idOf = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
  const post = async (employeeNo: string, departmentId: string, file = csv(1)) => {
    const form = new FormData();
    form.append("departmentId", departmentId);
    form.append("file", new File([file], "bank.csv", { type: "text/csv" }));
    const request = new Request(`${BASE}/cases/import`, {
      method: "POST",
      headers: { Cookie: await cookieFor(employeeNo), Origin: BASE },
      body: form,
    });
    return outcome(() => importPage.action({ request, params: {}, context }));
  };
  const formFor = async (employeeNo: string) =>
    (
      await outcome(async () =>
        importPage.loader({ request: requestAs(await cookieFor(employeeNo), "/cases/import"), params: {}, context }),
      )
    ).body as { departments: Array<{ id: string; name: string }>; preselected: string };
  const written = async () => ({ batches: await db.caseBatch.count(), cases: await db.collectionCase.count() });

  it("the administrator picks a collection department (none pre-selected) and imports into either", async () => {
    const form = await formFor("A0001");
    expect(form.departments.map((d) => d.name)).toEqual(["催收一部", "催收二部"]);
    expect(form.preselected).toBe("");
    expect((await post("A0001", await idOf("COL1"), csv(1))).status).toBe(302);
    expect((await post("A0001", await idOf("COL2"), csv(11))).status).toBe(302);
    const batches = await db.caseBatch.findMany({
      where: { fileName: "bank.csv" },
      select: { department: { select: { code: true } } },
    });
    expect(batches.map((b) => b.department.code).sort()).toEqual(["COL1", "COL2"]);
    for (const code of ["COL1", "COL2"])
      expect(await db.collectionCase.count({ where: { caseNo: { startsWith: "A-" }, department: { code } } })).toBe(2);
    expect(await db.auditEntry.count({ where: { action: "caseBatch.imported", actorEmployeeNo: "A0001" } })).toBe(2);
  });

  it("a head is offered only their own department, pre-selected", async () => {
    const form = await formFor("D0101");
    expect(form.departments.map((d) => d.name)).toEqual(["催收一部"]);
    expect(form.preselected).toBe(await idOf("COL1"));
  });

  it("a head who edits the form to another department is refused, nothing written, refusal audited", async () => {
    const before = await written();
    const refused = await post("D0101", await idOf("COL2"));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errors: [{ row: 0, message: "cases.import.departmentRefused" }] });
    expect(await written()).toEqual(before);
    expect(
      await db.auditEntry.findFirst({
        where: { action: "caseBatch.importRefused" },
        select: { actorEmployeeNo: true, entityId: true },
      }),
    ).toEqual({ actorEmployeeNo: "D0101", entityId: await idOf("COL2") });
  });

  it("a department without collection staff, or an unknown id, is refused even to the administrator", async () => {
    const before = await written();
    expect((await post("A0001", await idOf("TRN"))).status).toBe(403);
    expect((await post("A0001", "no-such-department")).status).toBe(403);
    expect(await written()).toEqual(before);
    expect(await db.auditEntry.count({ where: { action: "caseBatch.importRefused", actorEmployeeNo: "A0001" } })).toBe(
      2,
    );
  });

  it("no department chosen: the field says so, and nothing is written", async () => {
    const before = await written();
    const answer = await post("A0001", "");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      fieldErrors: { departmentId: "cases.import.departmentRequired" },
      values: { departmentId: "" },
    });
    expect(await written()).toEqual(before);
  });
});

describe("scope", () => {
  it("an agent sees only their own cases, and another agent's case is not found", async () => {
    const list = await outcome(async () =>
      casesPage.loader({ request: requestAs(await cookieFor("C0102"), "/cases"), params: {}, context }),
    );
    const own = (list.body as { cases: Array<{ assignedTo: { employeeNo: string } }> }).cases;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c) => c.assignedTo.employeeNo))).toEqual(new Set(["C0102"]));
    expect((await open("C0102", (await caseOf("C0101")).id)).status).toBe(404);
  });

  it("a department head lists, opens and reveals only their department's cases; the board likewise", async () => {
    const cookie = await cookieFor("D0101");
    const list = await outcome(() => casesPage.loader({ request: requestAs(cookie, "/cases"), params: {}, context }));
    const listed = (list.body as { cases: Array<{ id: string }> }).cases;
    expect(listed.length).toBeGreaterThan(0);
    // The list does not show (nor load) each case's department: its cases are looked up.
    const departments = await db.collectionCase.findMany({
      where: { id: { in: listed.map((c) => c.id) } },
      select: { department: { select: { name: true } } },
    });
    expect(departments).toHaveLength(listed.length);
    expect(new Set(departments.map((c) => c.department.name))).toEqual(new Set(["催收一部"]));
    const col2Case = await db.collectionCase.findFirstOrThrow({ where: { department: { code: "COL2" } } });
    expect((await open("D0101", col2Case.id)).status).toBe(404);
    const reveal = await outcome(() =>
      casePage.action({
        request: requestAs(cookie, `/cases/${col2Case.id}`, { form: { intent: "reveal", field: "cardNumber" } }),
        params: { caseId: col2Case.id },
        context,
      }),
    );
    expect(reveal.status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: "case.numberRevealed" } })).toBe(0);
    const board = await outcome(() =>
      boardPage.loader({ request: requestAs(cookie, "/certification"), params: {}, context }),
    );
    const rows = (board.body as { rows: Array<{ employeeNo: string }> }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.employeeNo.startsWith("C01"))).toBe(true);
  });

  it("a department head cannot assign to another department's agent, nor another department's case", async () => {
    // C0102 holds a valid case-work certification (demo data): only such an agent may be given cases.
    const cookie = await cookieFor("D0101");
    const col1Case = await db.collectionCase.findFirstOrThrow({
      where: { department: { code: "COL1" }, assignedToId: null },
    });
    const col2Case = await db.collectionCase.findFirstOrThrow({
      where: { department: { code: "COL2" }, assignedToId: null },
    });
    const assign = (caseId: string, agent: string) =>
      outcome(() =>
        casesPage.action({
          request: requestAs(cookie, "/cases", { form: { caseIds: caseId, agent } }),
          params: {},
          context,
        }),
      );
    expect(await assign(col1Case.id, "C0201")).toMatchObject({
      status: 400,
      body: { errors: { _form: 'cases.assign.agentOutOfScope::{"text":"C0201"}' } },
    });
    expect(await assign(col2Case.id, "C0102")).toMatchObject({
      status: 400,
      body: { errors: { _form: "cases.assign.caseOutOfScope" } },
    });
    expect((await db.collectionCase.findUniqueOrThrow({ where: { id: col1Case.id } })).assignedToId).toBeNull();
    const assigned = await assign(col1Case.id, "C0102");
    expect(assigned).toMatchObject({ status: 302, location: "/cases" });
    expect(await flashOf(assigned)).toMatchObject({ message: 'cases.assign.done::{"count":1}' });
    expect((await db.collectionCase.findUniqueOrThrow({ where: { id: col1Case.id } })).assignedToId).toBe(
      await personId("C0102"),
    );
  });

  it("cases go to staff only: a certified head of the department is refused, as in the suggestions", async () => {
    // Give the head D0101 the attempts that certify C0102, so only "staff, not heads" can refuse them.
    const head = await personId("D0101");
    await passQuiz("D0101");
    const col1Case = await db.collectionCase.findFirstOrThrow({
      where: { department: { code: "COL1" }, assignedToId: null },
    });
    const cookie = await cookieFor("D0101");
    const assign = (agent: string) =>
      outcome(() =>
        casesPage.action({
          request: requestAs(cookie, "/cases", { form: { caseIds: col1Case.id, agent } }),
          params: {},
          context,
        }),
      );
    expect((await storedCertifications([head])).get(head)).toMatchObject({ cleared: true });
    expect(await assign("D0101")).toMatchObject({
      status: 400,
      body: { errors: { _form: 'cases.assign.agentOutOfScope::{"text":"D0101"}' } },
    });
    expect((await db.collectionCase.findUniqueOrThrow({ where: { id: col1Case.id } })).assignedToId).toBeNull();
  });
});

describe("the gate", () => {
  it("an agent who never passed the quiz is refused the case, told why, and the refusal is audited", async () => {
    const kase = await caseOf("C0101");
    const page = await open("C0101", kase.id);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ gate: { status: "never" }, kase: null });
    expect(JSON.stringify(page.body)).not.toContain("张");
    expect(await db.auditEntry.count({ where: { action: "case.gateRefused", entityId: kase.id } })).toBe(1);
    expect((await record("C0101", kase.id, {})).location).toBe(`/cases/${kase.id}`);
    expect(await db.caseAction.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("a lapsed agent (rule changed, grace over) is refused with the changed rule", async () => {
    const kase = await db.collectionCase.findFirstOrThrow({ where: { assignedTo: { employeeNo: "C0210" } } });
    expect((await open("C0210", kase.id)).body).toMatchObject({ gate: { status: "lapsed", rules: "OPS3" } });
  });

  it("the full card number is shown only on request, and that view is audited", async () => {
    const kase = await caseOf("C0102");
    const page = await open("C0102", kase.id);
    const seeded = await db.collectionCase.findUniqueOrThrow({
      where: { id: kase.id },
      select: { cardNumberEnc: true, cardNumberMasked: true },
    });
    const full = decryptNumber(seeded.cardNumberEnc);
    expect(JSON.stringify(page.body)).not.toContain(full);
    expect(JSON.stringify(page.body)).toContain(seeded.cardNumberMasked);
    const shown = await outcome(async () =>
      casePage.action({
        request: requestAs(await cookieFor("C0102"), `/cases/${kase.id}`, {
          form: { intent: "reveal", field: "cardNumber" },
        }),
        params: { caseId: kase.id },
        context,
      }),
    );
    expect(shown.body).toMatchObject({ field: "cardNumber", value: full });
    expect(
      await db.auditEntry.findFirst({
        where: { action: "case.numberRevealed", entityId: kase.id },
        select: { actorEmployeeNo: true, summary: true },
      }),
    ).toEqual({ actorEmployeeNo: "C0102", summary: { caseNo: kase.caseNo, field: "cardNumber" } });
  });
});

describe("action records", () => {
  it("a proper call is saved; a note with 老赖 is refused with B6 and REC2, and counted on the board", async () => {
    const kase = await caseOf("C0102");
    const saved = await record("C0102", kase.id, {});
    expect(saved).toMatchObject({ status: 302, location: `/cases/${kase.id}` });
    expect(await flashOf(saved)).toMatchObject({ tone: "success", message: "cases.action.saved" });
    const refused = await record("C0102", kase.id, { note: "此人就是老赖" });
    expect(refused.status).toBe(422);
    const breaches = (refused.body as { breaches: Array<{ ruleId: string; textZh: string }> }).breaches;
    expect(breaches.map((b) => b.ruleId)).toEqual(["B6", "REC2"]);
    expect(breaches[0].textZh).toContain("老赖");
    expect(await db.caseAction.count({ where: { caseId: kase.id, note: { contains: "老赖" } } })).toBe(0);
    expect(await db.caseRuleBreach.count({ where: { person: { employeeNo: "C0102" } } })).toBe(2);

    const board = await outcome(async () =>
      boardPage.loader({ request: requestAs(await cookieFor("T0001"), "/certification"), params: {}, context }),
    );
    const body = board.body as {
      rows: Array<{ employeeNo: string; breaches: number }>;
      mostBreached: Array<{ ruleId: string; count: number }>;
    };
    expect(body.rows.find((r) => r.employeeNo === "C0102")?.breaches).toBe(2);
    expect(body.mostBreached.find((m) => m.ruleId === "B6")?.count).toBeGreaterThanOrEqual(2);
  });

  it("a call at 22:30 company time is refused with B3", async () => {
    const kase = await caseOf("C0102");
    freezeClock(demoDayAt("22:30"));
    const cookie = await cookieFor("C0102");
    const refused = await outcome(() =>
      casePage.action({
        request: requestAs(cookie, `/cases/${kase.id}`, {
          form: {
            intent: "record",
            type: "CALL_DEBTOR",
            numberDialled: "13800138000",
            relation: "SELF",
            result: "NO_ANSWER",
            note: "无人接听",
          },
        }),
        params: { caseId: kase.id },
        context,
      }),
    );
    expect((refused.body as { breaches: Array<{ ruleId: string }> }).breaches.map((b) => b.ruleId)).toEqual(["B3"]);
  });

  it("B8: the same third party twice a day is fine, a third call is refused", async () => {
    const kase = await caseOf("C0102");
    const thirdParty = {
      type: "CALL_THIRD_PARTY",
      numberDialled: "021-6888 1234",
      relation: "COLLEAGUE",
      note: "同事接听，答应转告。",
    };
    expect((await record("C0102", kase.id, thirdParty)).status).toBe(302);
    expect((await record("C0102", kase.id, { ...thirdParty, numberDialled: "02168881234" })).status).toBe(302);
    const third = await record("C0102", kase.id, thirdParty);
    expect((third.body as { breaches: Array<{ ruleId: string }> }).breaches.map((b) => b.ruleId)).toEqual(["B8"]);
  });
});
