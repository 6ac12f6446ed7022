// The department head hears what became of their needs (002): when the training manager marks a need of
// their department (or a plan item adopts or releases it), each head of that department gets one note on
// their to-do list for the survey's form, renewed (never repeated) by every later marking. It says who
// marked and when, and opens the department's form, where each need shows its outcome; the head puts it away.
import type { Tx } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";

import { headsOf } from "./needs-people.server";

export const OUTCOME_TODO = "needs.outcomesMarked";

export async function tellHeadsOfOutcomes(tx: Tx, actor: { id: string; name: string }, needIds: string[]) {
  if (needIds.length === 0) return;
  const forms = await tx.departmentNeedsForm.findMany({
    where: { items: { some: { id: { in: needIds } } } },
    select: {
      id: true,
      surveyId: true,
      departmentId: true,
      department: { select: { name: true } },
      survey: { select: { year: true } },
    },
  });
  for (const form of forms) {
    for (const personId of await headsOf(tx, form.departmentId)) {
      // The manager who is also the department's head knows already.
      if (personId === actor.id) continue;
      await addTodo(tx, {
        personId,
        kind: OUTCOME_TODO,
        sourceType: "DepartmentNeedsForm",
        sourceId: form.id,
        href: `/needs/${form.surveyId}/forms/${form.id}`,
        params: { year: form.survey.year, department: form.department.name },
        from: actor.name,
      });
    }
  }
}
