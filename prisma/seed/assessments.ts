// Demo pre-job assessments (《员工岗前培训考核表》), written generically over whoever the demo holds:
// - everyone who was a new hire in the past year (an onboarding course that has ended, or hired within the
//   year and now active) has a form signed off as a pass, a few days after their onboarding;
// - today's new hires, by employee number: the first passed and signed off, the second extended (signed off),
//   the third filed and waiting for the head's sign-off (on the head's to-do list), the rest not assessed yet
//   (the clearance API says assessmentMissing).
import { headsFor } from "../../app/domain/leave/leave-heads.server";
import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";
import { addTodo } from "../../app/utils/todo.server";

const DAY = 86_400_000;
type Who = { id: string; employeeNo: string; name: string };
type Form = {
  result: "PASS" | "EXTEND" | "FAIL";
  scores: [attendance: number, quiz: number, practice: number, attitude: number];
  comments: string;
};

const PASSED: Form[] = [
  { result: "PASS", scores: [100, 92, 85, 90], comments: "话术规范掌握扎实，模拟通话中身份核实和还款渠道说明完整。" },
  { result: "PASS", scores: [95, 88, 80, 92], comments: "态度积极，第三方联系规范（B8）需在带教中继续巩固。" },
  { result: "PASS", scores: [100, 96, 88, 86], comments: "行动记载清楚规范，可以独立上岗。" },
];
const EXTENDED: Form = {
  result: "EXTEND",
  scores: [75, 62, 55, 80],
  comments: "缺席一节课；模拟通话中两次语气生硬、未核实身份即谈欠款（B1、B6）。延长岗前培训两周，由组长带教后再考核。",
};
const WAITING: Form = {
  result: "PASS",
  scores: [100, 90, 82, 88],
  comments: "出勤完整，模拟通话流畅；建议首月由组长抽听录音。",
};

const who = { id: true, employeeNo: true, name: true } as const;

export async function seedAssessments(tx: Tx, at: Date): Promise<void> {
  const manager = await tx.person.findFirst({
    where: { disabledAt: null, roles: { some: { role: "TRAINING_MANAGER" } } },
    orderBy: { employeeNo: "asc" },
    select: who,
  });
  const onboarding = await tx.course.findMany({
    where: { monthlyItem: { category: "NEW_HIRE" }, approval: { state: "APPROVED" } },
    select: {
      id: true,
      lecturer: { select: { ...who, roles: { select: { role: true } } } },
      sessions: { select: { startsAt: true, endsAt: true } },
      attendees: { select: { personId: true } },
    },
  });
  // The onboarding course a person attended that has begun by now (the form follows it), the latest first.
  const courseOf = (personId: string) =>
    onboarding
      .filter((c) => c.attendees.some((a) => a.personId === personId) && c.sessions.some((s) => s.startsAt < at))
      .sort((a, b) => lastEnd(b) - lastEnd(a))[0] ?? null;
  const lastEnd = (c: (typeof onboarding)[number]) => Math.max(...c.sessions.map((s) => s.endsAt.getTime()));

  const newHires = await tx.person.findMany({
    where: { status: "NEW_HIRE", disabledAt: null },
    orderBy: { employeeNo: "asc" },
    select: { ...who, hireDate: true },
  });
  const yearAgo = new Date(at.getTime() - 365 * DAY);
  const formerHires = await tx.person.findMany({
    where: {
      status: "ACTIVE",
      disabledAt: null,
      roles: { every: { role: "EMPLOYEE" } },
      OR: [
        { hireDate: { gte: yearAgo } },
        { id: { in: onboarding.flatMap((c) => c.attendees.map((a) => a.personId)) } },
      ],
    },
    orderBy: { employeeNo: "asc" },
    select: { ...who, hireDate: true },
  });

  const plan: ReadonlyArray<readonly [Who & { hireDate: Date | null }, Form, "signedOff" | "waiting"]> = [
    ...formerHires.map((p, i) => [p, PASSED[i % PASSED.length], "signedOff"] as const),
    ...newHires
      .slice(0, 3)
      .map((p, i) => [p, [PASSED[0], EXTENDED, WAITING][i], i < 2 ? "signedOff" : "waiting"] as const),
  ];
  for (const [person, form, standing] of plan) {
    const course = courseOf(person.id);
    // A few days after onboarding ended (or after joining), never later than a few hours ago.
    const after = course ? lastEnd(course) : (person.hireDate?.getTime() ?? at.getTime() - 30 * DAY) + 10 * DAY;
    const assessedAt = new Date(
      Math.min(after + 2 * DAY, at.getTime() - (standing === "waiting" ? 3 : 30) * 3_600_000),
    );
    const heads = await headsFor(tx, person.id);
    const head = heads.length ? await tx.person.findUnique({ where: { id: heads[0] }, select: who }) : null;
    if (!head) continue;
    // The lecturer scores it where there was an internal one; otherwise the head, as the supervisor.
    const lecturer = course?.lecturer?.roles.some((r) => r.role === "LECTURER") ? course.lecturer : null;
    const assessor = lecturer ?? head ?? manager;
    if (!assessor) continue;
    await seedOne(tx, { person, course: course?.id ?? null, form, standing, assessor, head, assessedAt, at });
  }
}

async function seedOne(
  tx: Tx,
  input: {
    person: Who;
    course: string | null;
    form: Form;
    standing: "signedOff" | "waiting";
    assessor: Who;
    head: Who;
    assessedAt: Date;
    at: Date;
  },
) {
  const { person, form, standing, assessor, head, assessedAt, at } = input;
  const signedOffAt = new Date(Math.min(assessedAt.getTime() + 20 * 3_600_000, at.getTime() - 3_600_000));
  const approval = await tx.approval.create({
    data: {
      subjectType: "PreJobAssessment",
      state: standing === "signedOff" ? "APPROVED" : "SUBMITTED",
      submittedById: assessor.id,
    },
  });
  const [attendanceScore, quizScore, practiceScore, attitudeScore] = form.scores;
  const content = {
    courseId: input.course,
    attendanceScore,
    quizScore,
    practiceScore,
    attitudeScore,
    result: form.result,
    comments: form.comments,
  };
  const row = await tx.preJobAssessment.create({
    data: { personId: person.id, ...content, assessorId: assessor.id, assessedAt, approvalId: approval.id },
    select: { id: true },
  });
  const by = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
  const decisions: Prisma.ApprovalDecisionCreateManyInput[] = [
    {
      approvalId: approval.id,
      revision: 1,
      action: "SUBMIT",
      fromState: "DRAFT",
      toState: "SUBMITTED",
      ...by(assessor),
      snapshot: content,
      at: assessedAt,
    },
  ];
  if (standing === "signedOff")
    decisions.push({
      approvalId: approval.id,
      revision: 1,
      action: "APPROVE",
      fromState: "SUBMITTED",
      toState: "APPROVED",
      ...by(head),
      at: signedOffAt,
    });
  await tx.approvalDecision.createMany({ data: decisions });
  // What the workflow would have put on the heads' lists when it was filed.
  if (standing === "waiting")
    for (const personId of await headsFor(tx, person.id))
      await addTodo(tx, {
        personId,
        kind: "assessment.review",
        sourceType: "Approval",
        sourceId: approval.id,
        href: `/assessments/${row.id}`,
        params: { name: person.name, employeeNo: person.employeeNo, revision: 1 },
        from: assessor.name,
      });
}
