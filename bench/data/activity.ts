// The bulk of the bench company (the quiz history is in quiz-history.ts): case batches with encrypted numbers (the
// demo key, as the demo seed), a million action records, the breaches refused before saving, to-dos and a
// long audit log. Large tables are produced row by row inside COPY, never held in memory.
import { contactKey, numberKey } from "../../app/domain/cases/action-rules";
import { encryptNumber } from "../../app/domain/cases/case-crypto.server";
import { maskCardNumber } from "../../app/domain/cases/case-numbers";
import { RELATIONS, RESULTS } from "../../app/domain/cases/cases.schema";
import { maskIdNumber } from "../../app/utils/mask";
import { demoCardNumber, demoIdNumber } from "../../prisma/seed/cases";

import type { BenchPerson } from "./company";
import { DAY, type Ctx } from "./context";
import { copyRows, withIndexesDeferred } from "./copy";
import type { Cell } from "./random";
import { AUDIT_ACTIONS, BANKS, CITIES, mobile, personName } from "./vocabulary";

export const TOTALS = {
  cases: Number(process.env.BENCH_CASES ?? 50_000),
  actions: Number(process.env.BENCH_ACTIONS ?? 1_000_000),
  breaches: Number(process.env.BENCH_BREACHES ?? 50_000),
  audit: Number(process.env.BENCH_AUDIT ?? 200_000),
};
const ACTION_TYPES = [
  "CALL_DEBTOR",
  "CALL_DEBTOR",
  "CALL_DEBTOR",
  "CALL_THIRD_PARTY",
  "FIELD_VISIT",
  "LETTER",
] as const;
const BREACH_RULES = ["B8", "B3", "B6", "B13", "REC3"];

type BenchCase = { id: string; agent: BenchPerson; phone: string; debtor: string; assignedAt: Date };

export async function addCases(ctx: Ctx) {
  const { client, r, id, at, company } = ctx;
  const batches: unknown[][] = [];
  const cases: BenchCase[] = [];
  const perBatch = Math.ceil(TOTALS.cases / (company.divisions.length * 8));
  const caseRows: Cell[][] = [];
  for (const division of company.divisions) {
    const agents = company.people.filter((p) => p.divisionId === division.id && p.agent && p.status !== "LEFT");
    const head = company.heads.get(division.id)!;
    for (let b = 0; b < 8 && cases.length < TOTALS.cases; b++) {
      const batchId = id("cb");
      const bank = BANKS[b % BANKS.length];
      const importedAt = new Date(at.getTime() - (b * 45 + r.int(1, 20)) * DAY);
      const count = Math.min(perBatch, TOTALS.cases - cases.length);
      batches.push([
        batchId,
        bank,
        `${bank}委案-${importedAt.toISOString().slice(0, 7)}.xlsx`,
        division.id,
        head.id,
        importedAt,
        count,
      ]);
      for (let k = 0; k < count; k++) {
        const n = cases.length + 1;
        const agent = agents[r.int(0, agents.length - 1)];
        const idNumber = demoIdNumber(n);
        const card = demoCardNumber(n);
        const city = CITIES[n % CITIES.length];
        const bc: BenchCase = {
          id: id("cc"),
          agent,
          phone: mobile(100_000 + n),
          debtor: personName(50_000 + n),
          assignedAt: importedAt,
        };
        cases.push(bc);
        caseRows.push([
          bc.id,
          `BK${importedAt.toISOString().slice(2, 4)}-${String(n).padStart(6, "0")}`,
          batchId,
          bank,
          bc.debtor,
          encryptNumber(idNumber),
          maskIdNumber(idNumber),
          encryptNumber(card),
          maskCardNumber(card),
          r.int(1_000, 200_000) * 100,
          r.int(30, 720),
          [bc.phone],
          `${city[1]}${r.int(1, 999)}号`,
          new Date(importedAt.getTime() + 180 * DAY),
          division.id,
          agent.status === "LEFT" ? null : agent.id,
          importedAt,
          importedAt,
        ]);
      }
    }
  }
  await copyRows(
    client,
    "CaseBatch",
    ["id", "clientBank", "fileName", "departmentId", "importedById", "importedAt", "caseCount"],
    batches,
  );
  await copyRows(
    client,
    "CollectionCase",
    [
      "id",
      "caseNo",
      "batchId",
      "clientBank",
      "debtorName",
      "idNumberEnc",
      "idNumberMasked",
      "cardNumberEnc",
      "cardNumberMasked",
      "amountOwedFen",
      "overdueDays",
      "phones",
      "address",
      "mandateDueDate",
      "departmentId",
      "assignedToId",
      "assignedAt",
      "updatedAt",
    ],
    caseRows,
  );
  caseRows.length = 0;

  const perCase = TOTALS.actions / cases.length;
  let actions = 0;
  function* actionRows(): Generator<Cell[]> {
    for (const [i, c] of cases.entries()) {
      const want = Math.round(perCase * (i + 1)) - Math.round(perCase * i);
      const window = Math.max(DAY, at.getTime() - c.assignedAt.getTime());
      for (let k = 0; k < want; k++, actions++) {
        const type = r.pick(ACTION_TYPES);
        const third = type === "CALL_THIRD_PARTY" || (type === "CALL_DEBTOR" && r.chance(0.1));
        const relation = third ? r.pick(RELATIONS.filter((x) => x !== "SELF")) : "SELF";
        const contact = third ? personName(70_000 + i * 3 + k) : c.debtor;
        const dialled = type.startsWith("CALL") ? (third ? mobile(300_000 + i * 5 + (k % 3)) : c.phone) : null;
        const result = r.pick(RESULTS);
        yield [
          id("ca"),
          c.id,
          c.agent.id,
          type,
          new Date(c.assignedAt.getTime() + r.next() * window),
          dialled,
          dialled ? numberKey(dialled) : null,
          contact,
          contactKey(contact),
          third,
          relation,
          result,
          result === "PROMISED" ? r.int(5, 200) * 10_000 : null,
          result === "PROMISED" ? new Date(at.getTime() + r.int(1, 30) * DAY) : null,
          result === "PROMISED" ? "本人承诺月底前还款。" : "已告知欠款金额及逾期后果。",
        ];
      }
    }
  }
  await withIndexesDeferred(client, "CaseAction", () =>
    copyRows(
      client,
      "CaseAction",
      [
        "id",
        "caseId",
        "personId",
        "type",
        "at",
        "numberDialled",
        "numberKey",
        "contactName",
        "contactKey",
        "thirdParty",
        "relation",
        "result",
        "promiseAmountFen",
        "promiseDate",
        "note",
      ],
      actionRows(),
    ),
  );
  function* breachRows(): Generator<Cell[]> {
    for (let k = 0; k < TOTALS.breaches; k++) {
      const c = cases[r.int(0, cases.length - 1)];
      yield [
        new Date(c.assignedAt.getTime() + r.next() * Math.max(DAY, at.getTime() - c.assignedAt.getTime())),
        c.agent.id,
        c.id,
        r.pick(BREACH_RULES),
        r.pick(ACTION_TYPES),
      ];
    }
  }
  await copyRows(client, "CaseRuleBreach", ["at", "personId", "caseId", "ruleId", "actionType"], breachRows());
  return { batches: batches.length, cases: cases.length, actions, breaches: TOTALS.breaches };
}

/** Finished and open to-dos (the home page's list) and a long audit log. */
export async function addTodosAndAudit(ctx: Ctx) {
  const { client, r, id, at, company } = ctx;
  const surveys = (await client.query(`SELECT id, year, "closedAt", status FROM "NeedsSurvey"`)).rows as Array<{
    id: string;
    year: number;
    closedAt: Date | null;
    status: string;
  }>;
  const quiz = (await client.query(`SELECT id FROM "Quiz" WHERE "grantsCertification" ORDER BY code LIMIT 1`)).rows[0]
    ?.id as string | undefined;
  let todos = 0;
  function* todoRows(): Generator<Cell[]> {
    for (const p of company.people) {
      if (p.status === "LEFT") continue;
      for (const s of surveys) {
        const open = s.status === "OPEN";
        if (!open && !r.chance(0.8)) continue;
        todos++;
        const asked = s.closedAt ? new Date(s.closedAt.getTime() - 30 * DAY) : new Date(at.getTime() - 3 * DAY);
        yield [
          id("td"),
          p.id,
          "needs.answer",
          "NeedsSurvey",
          s.id,
          `/questionnaire/${s.id}`,
          { year: s.year },
          null,
          open ? null : s.closedAt,
          asked,
          open ? null : s.closedAt,
        ];
      }
      if (quiz && (p.status === "NEW_HIRE" || r.chance(0.1))) {
        todos++;
        const asked = new Date(Math.max(p.hireDate.getTime(), at.getTime() - r.int(30, 600) * DAY));
        yield [
          id("td"),
          p.id,
          "quizAssigned",
          "Quiz",
          quiz,
          "/quiz",
          null,
          ctx.manager.name,
          null,
          asked,
          p.status === "NEW_HIRE" ? null : new Date(asked.getTime() + r.int(1, 20) * DAY),
        ];
      }
    }
  }
  await copyRows(
    client,
    "TodoItem",
    ["id", "personId", "kind", "sourceType", "sourceId", "href", "params", "fromName", "dueAt", "createdAt", "doneAt"],
    todoRows(),
  );
  const span = 3 * 365 * DAY;
  function* auditRows(): Generator<Cell[]> {
    for (let k = 0; k < TOTALS.audit; k++) {
      const who = company.people[r.int(0, company.people.length - 1)];
      const [action, entityType] = r.pick(AUDIT_ACTIONS);
      yield [
        new Date(at.getTime() - span + (span * k) / TOTALS.audit),
        who.id,
        who.employeeNo,
        action,
        entityType,
        `bk${entityType.slice(0, 2).toLowerCase()}${r.int(0, 99_999).toString(36)}`,
        { bench: true },
        null,
      ];
    }
  }
  await withIndexesDeferred(client, "AuditEntry", () =>
    copyRows(
      client,
      "AuditEntry",
      ["at", "actorId", "actorEmployeeNo", "action", "entityType", "entityId", "summary", "reason"],
      auditRows(),
    ),
  );
  return { todos, audit: TOTALS.audit };
}
