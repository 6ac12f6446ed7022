import type { Tx } from "~/utils/db.server";

/** The heads of a department: DEPARTMENT_HEAD assignments naming it (or, without one, their own department). */
export async function headsOf(tx: Tx, departmentId: string): Promise<string[]> {
  const rows = await tx.roleAssignment.findMany({
    where: {
      role: "DEPARTMENT_HEAD",
      person: { disabledAt: null, status: { not: "LEFT" } },
      OR: [{ departmentId }, { departmentId: null, person: { departmentId } }],
    },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}

/** Everyone who answers the questionnaire: active staff with a sign-in. */
export async function respondents(tx: Tx): Promise<Array<{ id: string; departmentId: string }>> {
  return tx.person.findMany({
    where: { disabledAt: null, status: { not: "LEFT" } },
    select: { id: true, departmentId: true },
  });
}

export const fillTodo = (surveyId: string, formId: string) => ({
  sourceType: "DepartmentNeedsForm",
  sourceId: formId,
  kind: "needs.fill",
  href: `/needs/${surveyId}/forms/${formId}`,
});
export const answerTodo = (surveyId: string) => ({
  sourceType: "NeedsSurvey",
  sourceId: surveyId,
  kind: "needs.answer",
  href: `/questionnaire/${surveyId}`,
});
