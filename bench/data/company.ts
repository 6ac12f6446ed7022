// The bench company's organisation on top of the demo company: 8 more collection departments of 4 teams
// each (40 units) and people up to 5,000 in all, one head per department, and their roles. Every bench
// person gets the demo accounts' password hash, so any of them can sign in with the demo password.
import type pg from "pg";

import { copyRows } from "./copy";
import { benchId, type Rng } from "./random";
import { DEPARTMENT_NUMBERS, TEAM_NUMBERS, mobile, personName } from "./vocabulary";

export type Unit = { id: string; code: string; name: string; kind: string; parentId: string | null };
export type BenchPerson = {
  id: string;
  employeeNo: string;
  name: string;
  departmentId: string;
  /** The department a team belongs to (the person's own unit when it is a department). */
  divisionId: string;
  status: "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT";
  hireDate: Date;
  agent: boolean;
};
export type Company = { units: Unit[]; divisions: Unit[]; people: BenchPerson[]; heads: Map<string, BenchPerson> };

const DAY = 86_400_000;
export const TOTAL_PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);

export async function addCompany(client: pg.Client, at: Date, r: Rng): Promise<Company> {
  const company = (await client.query(`SELECT id FROM "Department" WHERE kind = 'COMPANY' LIMIT 1`)).rows[0].id;
  const hash = (await client.query(`SELECT "passwordHash" FROM "Person" WHERE "employeeNo" = 'A0001'`)).rows[0]
    .passwordHash as string;
  const existing = Number((await client.query(`SELECT count(*) FROM "Person"`)).rows[0].count);

  const units: Unit[] = [];
  DEPARTMENT_NUMBERS.forEach((n, d) => {
    const code = `COL${d + 3}`;
    const dept: Unit = {
      id: benchId("dp", units.length),
      code,
      name: `催收${n}部`,
      kind: "DEPARTMENT",
      parentId: company,
    };
    units.push(dept);
    TEAM_NUMBERS.forEach((t, k) =>
      units.push({
        id: benchId("dp", units.length),
        code: `${code}-${k + 1}`,
        name: `催收${n}部${t}组`,
        kind: "TEAM",
        parentId: dept.id,
      }),
    );
  });
  await copyRows(
    client,
    "Department",
    ["id", "code", "name", "kind", "parentId", "sortOrder", "updatedAt"],
    units.map((u, i) => [u.id, u.code, u.name, u.kind, u.parentId, 10 + i, at]),
  );
  const divisions = units.filter((u) => u.kind === "DEPARTMENT");
  const teams = units.filter((u) => u.kind === "TEAM");

  const people: BenchPerson[] = [];
  const heads = new Map<string, BenchPerson>();
  divisions.forEach((d, k) => {
    const head: BenchPerson = {
      id: benchId("pp", people.length),
      employeeNo: `D${String(k + 3).padStart(2, "0")}01`,
      name: personName(9_000 + k),
      departmentId: d.id,
      divisionId: d.id,
      status: "ACTIVE",
      hireDate: new Date(at.getTime() - (1_500 + k * 90) * DAY),
      agent: false,
    };
    people.push(head);
    heads.set(d.id, head);
  });
  for (let i = 0; people.length < TOTAL_PEOPLE - existing; i++) {
    const team = teams[i % teams.length];
    const roll = r.next();
    const status = roll < 0.03 ? "NEW_HIRE" : roll < 0.04 ? "TRANSFERRING" : roll < 0.08 ? "LEFT" : "ACTIVE";
    const hiredDaysAgo = status === "NEW_HIRE" ? r.int(1, 20) : r.int(30, 2_200);
    people.push({
      id: benchId("pp", people.length),
      employeeNo: `B${String(i + 1).padStart(5, "0")}`,
      name: personName(i),
      departmentId: team.id,
      divisionId: team.parentId!,
      status,
      hireDate: new Date(Math.floor((at.getTime() - hiredDaysAgo * DAY) / DAY) * DAY),
      agent: true,
    });
  }
  await copyRows(
    client,
    "Person",
    [
      "id",
      "employeeNo",
      "name",
      "departmentId",
      "post",
      "phone",
      "email",
      "hireDate",
      "status",
      "passwordHash",
      "mustChangePassword",
      "disabledAt",
      "updatedAt",
    ],
    people.map((p, i) => [
      p.id,
      p.employeeNo,
      p.name,
      p.departmentId,
      p.agent ? (i % 40 === 1 ? "催收组长" : "催收员") : `${units.find((u) => u.id === p.divisionId)!.name}经理`,
      mobile(10_000 + i),
      i % 3 === 0 ? `${p.employeeNo.toLowerCase()}@jyxh.example.com` : null,
      p.hireDate,
      p.status,
      hash,
      false,
      p.status === "LEFT" ? new Date(at.getTime() - r.int(5, 600) * DAY) : null,
      at,
    ]),
  );
  let roleNo = 0;
  await copyRows(
    client,
    "RoleAssignment",
    ["id", "personId", "role", "departmentId"],
    (function* () {
      for (const p of people) {
        yield [benchId("ra", roleNo++), p.id, "EMPLOYEE", null];
        if (!p.agent) yield [benchId("ra", roleNo++), p.id, "DEPARTMENT_HEAD", p.divisionId];
      }
    })(),
  );
  return { units, divisions, people, heads };
}
