// Helpers for the pre-job assessment tests: filing and deciding through the real routes, as a demo person.
import { db } from "~/utils/db.server";

import { cookieFor, outcome, personId, requestAs } from "./support";

const newRoute = () => import("~/routes/_app.assessments.new");
const formRoute = () => import("~/routes/_app.assessments.$assessmentId");

export const GOOD = {
  attendanceScore: "100",
  quizScore: "95",
  practiceScore: "85",
  attitudeScore: "90",
  result: "PASS",
  comments: "可以独立上岗。",
};

/** Gives a new hire the quiz record of a certified demo agent (C0102), so only the assessment can hold them. */
export async function passQuiz(employeeNo: string) {
  const [from, to] = [await personId("C0102"), await personId(employeeNo)];
  const attempts = await db.quizAttempt.findMany({ where: { personId: from, status: "SUBMITTED" } });
  await db.quizAttempt.createMany({
    data: attempts.map(({ id: _id, personId: _p, ...a }) => ({ ...a, personId: to }) as never),
  });
}

/** Files a form as `assessorNo` for `employeeNo` through POST /assessments/new. */
export async function fileAs(assessorNo: string, employeeNo: string, fields: Record<string, string> = GOOD) {
  const { action } = await newRoute();
  const request = requestAs(await cookieFor(assessorNo), "/assessments/new", {
    form: { personId: await personId(employeeNo), ...fields },
  });
  return outcome(() => action({ request, params: {}, context: {} } as never));
}

/** A workflow decision (or a revision) posted to /assessments/:id as `employeeNo`. */
export async function postAs(employeeNo: string, assessmentId: string, form: Record<string, string>) {
  const { action } = await formRoute();
  const request = requestAs(await cookieFor(employeeNo), `/assessments/${assessmentId}`, { form });
  return outcome(() => action({ request, params: { assessmentId }, context: {} } as never));
}

/** The form id a redirect after filing points to. */
export const idFrom = (location: string | null) => location!.split("/").pop()!;

export async function formOf(employeeNo: string) {
  return db.preJobAssessment.findFirst({
    where: { person: { employeeNo } },
    orderBy: { assessedAt: "desc" },
    select: { id: true, result: true, approval: { select: { state: true, revision: true } } },
  });
}
