// Who the closed year's courses were for: the people employed at the time, by audience. Agents the tests
// drive through their own stories (and the current new hires) keep a plain history: present everywhere,
// no leave, no breaches, no quiz attempts, nothing owed.
import type { Tx } from "../../app/utils/db.server";

import type { Audience } from "./history-data";
import { DAY } from "./history-time";

export type HPerson = {
  id: string;
  employeeNo: string;
  name: string;
  departmentId: string;
  hireDate: Date | null;
  status: string;
  /** COL1, COL2, CS, TRN or GMO (a team counts as its department). */
  department: string;
};

/** Left alone by the history beyond plain attendance (tests tell stories about them). */
export const PROTECTED = new Set(["C0101", "C0102", "C0105", "C0106", "C0107", "C0218"]);

const LEADERS = ["C0101", "C0111", "C0201", "C0211"];
const CS = ["K0101", "K0102", "K0103", "K0104", "K0105"];

export async function loadPeople(tx: Tx): Promise<HPerson[]> {
  const people = await tx.person.findMany({
    orderBy: { employeeNo: "asc" },
    select: { id: true, employeeNo: true, name: true, departmentId: true, hireDate: true, status: true },
  });
  const departments = await tx.department.findMany({ select: { id: true, code: true, parentId: true, kind: true } });
  const codeOf = (departmentId: string): string => {
    const d = departments.find((x) => x.id === departmentId);
    if (!d) return "";
    if (d.kind === "TEAM" && d.parentId) return codeOf(d.parentId);
    return d.code;
  };
  return people.map((p) => ({ ...p, department: codeOf(p.departmentId) }));
}

export const isAgent = (p: HPerson) => /^C0[12]\d\d$/.test(p.employeeNo);

/** Employed (hired at least a day before) and not one of today's new hires or the agent moving over now. */
export const employedAt = (p: HPerson, at: Date) =>
  p.status !== "NEW_HIRE" && p.employeeNo !== "C0218" && (!p.hireDate || p.hireDate.getTime() <= at.getTime() - DAY);

/**
 * The attendees of a course starting at `at`. New hires are agents hired in the 75 days before who have
 * not been onboarded yet (`onboarded` is updated by the caller); the transfer course takes one or two
 * customer-service staff in turn.
 */
export function audienceAt(
  people: HPerson[],
  audience: Audience,
  at: Date,
  context: { onboarded: Set<string>; turn: number },
): HPerson[] {
  const employed = people.filter((p) => employedAt(p, at));
  const byDepartment = (code: string) => employed.filter((p) => isAgent(p) && p.department === code);
  switch (audience) {
    case "col1":
      return byDepartment("COL1");
    case "col2":
      return byDepartment("COL2");
    case "col1AndCs":
      return [...byDepartment("COL1"), ...employed.filter((p) => CS.includes(p.employeeNo))];
    case "leaders":
      return employed.filter((p) => LEADERS.includes(p.employeeNo));
    case "cs":
      return employed.filter((p) => CS.includes(p.employeeNo));
    case "csLead":
      return employed.filter((p) => p.employeeNo === "K0001");
    case "lecturer":
      return employed.filter((p) => p.employeeNo === "T0003");
    case "transfer": {
      const staff = employed.filter((p) => CS.includes(p.employeeNo));
      return staff.length ? [staff[context.turn % staff.length]] : [];
    }
    case "newHires":
      return employed.filter(
        (p) =>
          isAgent(p) &&
          !context.onboarded.has(p.id) &&
          p.hireDate !== null &&
          p.hireDate.getTime() > at.getTime() - 75 * DAY,
      );
  }
}
