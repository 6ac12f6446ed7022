// Reads shaped for the case pages. Scope: an agent sees the cases assigned to them; a department
// head those of their department (teams included). Only masked numbers leave this file.
import { clearancesFor } from "~/domain/certification/certification-queries.server";
import { COLLECTION_POSTS } from "~/domain/quiz/assignment-rules";
import { renderText } from "~/domain/quiz/rule-text";
import type { Prisma } from "~/generated/prisma/client";
import type { Authorized } from "~/utils/auth.server";
import { departmentIdsInScope } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { keysetReadOrder } from "~/utils/keyset";
import { maskNumbersInText, maskPhone } from "~/utils/mask";

import { agentSearchWords, type AgentOption } from "./agent-options";
import { importableDepartments } from "./case-departments";
import {
  CASE_PAGE_SIZE,
  caseSearchWhere,
  keysetWhere,
  pageRequest,
  shapePage,
  type CaseListQuery,
} from "./case-list-rules";

export async function caseScopeWhere(auth: Authorized) {
  if (auth.scope === "own") return { assignedToId: auth.user.id };
  const departments = await departmentIdsInScope(auth);
  return departments ? { departmentId: { in: departments } } : {};
}

/** What a row of the list shows (and the bank it is searched by). */
const ROW_FIELDS = {
  id: true,
  caseNo: true,
  clientBank: true,
  debtorName: true,
  cardNumberMasked: true,
  amountOwedFen: true,
  overdueDays: true,
  mandateDueDate: true,
  assignedTo: { select: { id: true, employeeNo: true, name: true } },
} as const;
/** The case page shows its department too. */
const LIST_FIELDS = { ...ROW_FIELDS, department: { select: { name: true } } } as const;

/** One page of the cases in scope matching `query` (keyset, case-list-rules.ts), the true total and the
 * cursors of the neighbouring pages. `exclude`: more rows to leave out (the gate's). */
export async function listCases(auth: Authorized, query: CaseListQuery = {}, exclude: object[] = []) {
  const where = { AND: [await caseScopeWhere(auth), ...caseSearchWhere(query), ...exclude] };
  const request = pageRequest(query);
  const { dir: order } = keysetReadOrder("asc", request);
  const [fetched, total] = await Promise.all([
    db.collectionCase.findMany({
      where: request.cursor ? { AND: [where, keysetWhere(request.cursor, request.direction)] } : where,
      orderBy: [{ mandateDueDate: order }, { caseNo: order }],
      take: CASE_PAGE_SIZE + 1,
      select: ROW_FIELDS,
    }),
    db.collectionCase.count({ where }),
  ]);
  const page = shapePage(fetched, request);
  return { cases: page.rows, total, next: page.next, previous: page.previous };
}

/** The case as its page shows it, or null when it is outside the person's scope. */
export async function getCasePage(auth: Authorized, caseId: string) {
  const found = await db.collectionCase.findFirst({
    where: { id: caseId, ...(await caseScopeWhere(auth)) },
    select: {
      ...LIST_FIELDS,
      idNumberMasked: true,
      phones: true,
      address: true,
      departmentId: true,
      assignedToId: true,
      actions: {
        orderBy: { at: "desc" },
        take: 100,
        select: {
          id: true,
          type: true,
          at: true,
          numberDialled: true,
          contactName: true,
          relation: true,
          result: true,
          promiseAmountFen: true,
          promiseDate: true,
          note: true,
          person: { select: { employeeNo: true, name: true } },
        },
      },
    },
  });
  if (!found) return null;
  return {
    ...found,
    phones: found.phones.map(maskPhone),
    // Records saved before numbers were checked in every field may hold one: the page never shows it whole.
    actions: found.actions.map((a) => ({
      ...a,
      numberDialled: a.numberDialled ? maskPhone(a.numberDialled) : null,
      contactName: maskNumbersInText(a.contactName),
      note: maskNumbersInText(a.note),
    })),
  };
}

/** How many agents the "assign to" field suggests at most. */
export const AGENT_SUGGESTIONS = 8;

/**
 * The agents a head may assign cases to, within `departmentIds` (null: every department): staff, not heads.
 * The suggestions and the assignment itself both read it, so a name typed by hand meets the same rule.
 */
export function assignableAgentsWhere(departmentIds: string[] | null): Prisma.PersonWhereInput {
  return {
    ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
    status: { not: "LEFT" },
    disabledAt: null,
    roles: { some: { role: "EMPLOYEE" } },
    NOT: { roles: { some: { role: "DEPARTMENT_HEAD" } } },
  };
}

/**
 * The suggestions of the case list's "assign to" field: at most `limit` agents whose employee number
 * starts with, or whose name holds, each word typed, with whether each may be given cases now.
 */
export async function searchAssignableAgents(
  departmentIds: string[] | null,
  q: string,
  limit = AGENT_SUGGESTIONS,
): Promise<AgentOption[]> {
  const people = await db.person.findMany({
    where: {
      ...assignableAgentsWhere(departmentIds),
      AND: agentSearchWords(q).map((word) => ({
        OR: [
          { employeeNo: { startsWith: word.toUpperCase() } },
          { name: { contains: word, mode: "insensitive" as const } },
        ],
      })),
    },
    orderBy: { employeeNo: "asc" },
    take: limit,
    select: { id: true, employeeNo: true, name: true },
  });
  const certifications = await clearancesFor(people);
  return people.map(({ id, employeeNo, name }) => {
    const c = certifications.get(id)!;
    return { id, employeeNo, name, certification: c.status, cleared: c.cleared };
  });
}

/** The collection departments a batch may be imported into, within `scope` (null: every department). */
export async function caseImportDepartments(scope: string[] | null): Promise<Array<{ id: string; name: string }>> {
  const [departments, agents] = await Promise.all([
    db.department.findMany({ select: { id: true, parentId: true, name: true, kind: true, sortOrder: true } }),
    db.person.findMany({
      where: { status: { not: "LEFT" }, OR: COLLECTION_POSTS.map((post) => ({ post: { contains: post } })) },
      distinct: ["departmentId"],
      select: { departmentId: true },
    }),
  ]);
  return importableDepartments(
    departments,
    agents.map((a) => a.departmentId),
    scope,
  ).map(({ id, name }) => ({ id, name }));
}

export async function listSlurWords(): Promise<string[]> {
  return (await db.caseSlurWord.findMany({ orderBy: { createdAt: "asc" }, select: { word: true } })).map((w) => w.word);
}

/** The wording in force of the rules a refused record broke, to show beside each rule id. */
export async function ruleTexts(ruleIds: readonly string[], companyName: string, at: Date) {
  const versions = await db.callRuleVersion.findMany({
    where: { ruleId: { in: [...ruleIds] }, effectiveAt: { lte: at } },
    orderBy: { version: "desc" },
    select: { ruleId: true, titleZh: true, titleEn: true, textZh: true, textEn: true },
  });
  return ruleIds.map((ruleId) => {
    const v = versions.find((x) => x.ruleId === ruleId);
    return {
      ruleId,
      titleZh: v?.titleZh ?? ruleId,
      titleEn: v?.titleEn ?? ruleId,
      textZh: renderText(v?.textZh ?? "", companyName),
      textEn: renderText(v?.textEn ?? "", companyName),
    };
  });
}
