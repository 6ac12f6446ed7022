// The demo company's closed year: the twelve months before the ones the other seeds plan (see
// demoHistoryMonths), as a training department would have left them — annual and monthly plans approved,
// courses approved, prepared, published and held, attendance taken, leave filed and made up, the case-work
// quiz taken after the courses that end with it, and the breaches the case system refused. Rosters are not
// closed here: the archive's seed closes every session that has ended, these included. Nothing here puts a
// to-do on anyone's list. Deterministic for a given `at` (a seeded random sequence), and written in a
// few createMany batches because the whole demo seed runs in one transaction.
import type { Tx } from "../../app/utils/db.server";

import { demoHistoryMonths } from "./demo-calendar";
import { seedHistoryActivity } from "./history-activity";
import { seedHistoryAttendance } from "./history-attendance";
import { loadPeople } from "./history-people";
import { seedAnnualPlan, seedMonths, type PlanContext } from "./history-plans";
import { seededRandom } from "./history-time";

export async function seedHistory(tx: Tx, at: Date): Promise<void> {
  const months = demoHistoryMonths(at);
  const people = await loadPeople(tx);
  const who = (no: string) => {
    const p = people.find((x) => x.employeeNo === no);
    if (!p) throw new Error(`the demo company has no ${no}`);
    return { id: p.id, employeeNo: p.employeeNo, name: p.name };
  };
  const departments = await tx.department.findMany({
    where: { code: { in: ["COL1", "COL2"] } },
    select: { id: true, code: true },
  });
  const quiz = await tx.quiz.findUnique({ where: { code: "CASE_WORK" }, select: { id: true } });
  const ctx: PlanContext = {
    tx,
    people,
    manager: who("T0001"),
    leader: who("L0001"),
    clerk: who("T0002"),
    quizId: quiz?.id ?? null,
    headDepartments: Object.fromEntries(departments.map((d) => [d.code, d.id])),
    heads: { COL1: who("D0101"), COL2: who("D0201") },
    trainingDepartmentId: (await tx.department.findUniqueOrThrow({ where: { code: "TRN" }, select: { id: true } })).id,
  };
  const planned = new Set(
    (
      await tx.annualPlan.findMany({
        where: { year: { in: months.map((m) => m.year) } },
        select: { year: true },
      })
    ).map((p) => p.year),
  );
  const ownYears = new Set([...new Set(months.map((m) => m.year))].filter((y) => !planned.has(y)));
  for (const year of ownYears) await seedAnnualPlan(ctx, year);

  const courses = await seedMonths(ctx, months, ownYears);
  const rng = seededRandom(20_261_204);
  const marks = await seedHistoryAttendance(tx, { courses, clerk: ctx.clerk, head: ctx.heads.COL1, rng });
  await seedHistoryActivity(tx, { people, courses, marks, quizId: ctx.quizId, months, rng });
}
