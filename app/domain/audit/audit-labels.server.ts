// What an audit entry is about, in words: the entity's name, title or masked number, for a page of entries, in
// one plain-SQL statement (see docs/conventions.md) with an array of ids per entity type (an empty array costs
// an index probe of nothing); through Prisma it was a statement per type, three for attempts. An entity
// removed since is left unnamed (the page shows its id).
import { sql } from "~/utils/sql.server";

import { maskCaseNo } from "./audit-rules";

type Ref = { entityType: string; entityId: string | null };

// The types read from a table, in the order of the statement's parameters ($1 … $13). `Account` is a person.
const READ = [
  "Person",
  "Department",
  "Course",
  "AnnualPlan",
  "MonthlyPlan",
  "NeedsSurvey",
  "Quiz",
  "QuizQuestion",
  "QuizAttempt",
  "CollectionCase",
  "CaseBatch",
  "ApiKey",
  "DepartmentNeedsForm",
] as const;
// Their ids are what they are called.
const SELF_NAMED = new Set(["CallRule", "CaseSlurWord", "Setting"]);

const LABELS_SQL = `
SELECT 'Person' AS type, id, name || ' ' || "employeeNo" AS label FROM "Person" WHERE id = ANY($1::text[])
UNION ALL SELECT 'Department', id, name FROM "Department" WHERE id = ANY($2::text[])
UNION ALL SELECT 'Course', id, title FROM "Course" WHERE id = ANY($3::text[])
UNION ALL SELECT 'AnnualPlan', id, title FROM "AnnualPlan" WHERE id = ANY($4::text[])
UNION ALL SELECT 'MonthlyPlan', id, title FROM "MonthlyPlan" WHERE id = ANY($5::text[])
UNION ALL SELECT 'NeedsSurvey', id, year::text FROM "NeedsSurvey" WHERE id = ANY($6::text[])
UNION ALL SELECT 'Quiz', id, title FROM "Quiz" WHERE id = ANY($7::text[])
UNION ALL SELECT 'QuizQuestion', id, stem FROM "QuizQuestion" WHERE id = ANY($8::text[])
UNION ALL SELECT 'QuizAttempt', a.id, p.name || ' ' || p."employeeNo" || ' · ' || q.title
  FROM "QuizAttempt" a JOIN "Person" p ON p.id = a."personId" JOIN "Quiz" q ON q.id = a."quizId"
 WHERE a.id = ANY($9::text[])
UNION ALL SELECT 'CollectionCase', id, "caseNo" FROM "CollectionCase" WHERE id = ANY($10::text[])
UNION ALL SELECT 'CaseBatch', id, "fileName" FROM "CaseBatch" WHERE id = ANY($11::text[])
UNION ALL SELECT 'ApiKey', id, name FROM "ApiKey" WHERE id = ANY($12::text[])
UNION ALL SELECT 'DepartmentNeedsForm', f.id, d.name
  FROM "DepartmentNeedsForm" f JOIN "Department" d ON d.id = f."departmentId" WHERE f.id = ANY($13::text[])`;

// A question is named by the first 40 characters of its stem (JavaScript's count, as before), a case by its
// masked number.
function shown(type: string, label: string) {
  if (type === "QuizQuestion") return label.length > 40 ? `${label.slice(0, 40)}…` : label;
  return type === "CollectionCase" ? maskCaseNo(label) : label;
}

/** "<entityType>:<entityId>" → a human label, for the entries given. */
export async function entityLabels(entries: Ref[]): Promise<Record<string, string>> {
  const ids = new Map<string, Set<string>>(READ.map((type) => [type, new Set<string>()]));
  const labels: Record<string, string> = {};
  let wanted = 0;
  for (const e of entries) {
    if (!e.entityId) continue;
    if (SELF_NAMED.has(e.entityType)) labels[`${e.entityType}:${e.entityId}`] = e.entityId;
    const type = e.entityType === "Account" ? "Person" : e.entityType;
    const set = ids.get(type);
    if (!set) continue;
    set.add(e.entityId);
    wanted++;
  }
  if (wanted === 0) return labels;
  const rows = await sql<{ type: string; id: string; label: string }>(
    LABELS_SQL,
    READ.map((type) => [...ids.get(type)!]),
  );
  const found = new Map(rows.map((r) => [`${r.type}:${r.id}`, shown(r.type, r.label)]));
  for (const e of entries) {
    if (!e.entityId) continue;
    const type = e.entityType === "Account" ? "Person" : e.entityType;
    const label = found.get(`${type}:${e.entityId}`);
    if (label !== undefined) labels[`${e.entityType}:${e.entityId}`] = label;
  }
  return labels;
}
