// Demo content for steps 004–007: approved monthly plans with approved courses for the current month
// and the two before it (each in its own year's annual plan), in the company's time zone.
import { sessionInterval } from "../../app/domain/course/course-rules";
import { courseSnapshot } from "../../app/domain/course/course-subject.server";
import { startPreparation } from "../../app/domain/delivery/start-preparation.server";
import { monthHeadcount, monthShare, yearMonth } from "../../app/domain/monthly-plan/monthly-plan-rules";
import { monthlySnapshot } from "../../app/domain/monthly-plan/monthly-plan-subject.server";
import type { Prisma } from "../../app/generated/prisma/client";
import { companyDate } from "../../app/utils/company-calendar";
import type { Tx } from "../../app/utils/db.server";

const ZONE = "Asia/Shanghai";
type Who = { id: string; employeeNo: string; name: string };
type Course = {
  title: string;
  outline: string;
  lecturer: string | { name: string; org: string; contact: string };
  attendees: (no: string) => boolean;
  sessions: Array<[day: number, start: string, end: string, room: string]>;
  yuan: Partial<
    Record<"lecturerFeeFen" | "venueFeeFen" | "materialsFeeFen" | "externalFeeFen" | "otherFeeFen", number>
  >;
};

const col1 = (no: string) => /^C01\d\d$/.test(no);
const col2Active = (no: string) => /^C02(0\d|1[0-7])$/.test(no);
const newHires = (no: string) => ["C0119", "C0120", "C0219", "C0220"].includes(no);

const COMPLIANCE = "年终合规复训（话术规范与投诉案例）";

// A course for each kind of item; keyed by the annual item's title, or the unplanned item's category.
const COURSES: Record<string, Course[]> = {
  "年终合规复训（话术规范与投诉案例）": [
    {
      title: "话术规范与投诉案例复训（催收一部）",
      outline:
        "一、B1–B17 话术规范逐条复习；\n二、本年度投诉录音案例复盘（随意挂断、语气生硬）；\n三、第三方联系次数与信息披露（B8、B13）；\n四、课堂测验。",
      lecturer: "T0003",
      attendees: col1,
      sessions: [[10, "14:00", "17:00", "培训室 A301"]],
      yuan: { materialsFeeFen: 300_00 },
    },
    {
      title: "话术规范与投诉案例复训（催收二部）",
      outline:
        "一、B1–B17 话术规范逐条复习；\n二、还款协商中超权限承诺的案例（B12、OPS4）；\n三、行动记载规范（REC1–REC3）；\n四、课堂测验。",
      lecturer: "T0001",
      attendees: col2Active,
      sessions: [[12, "14:00", "17:00", "培训室 A301"]],
      yuan: { materialsFeeFen: 300_00 },
    },
  ],
  新员工入职培训: [
    {
      title: "新员工岗前培训（9 月批次）",
      outline: "公司制度与催收作业要求；话术规范 B1–B17；录音固话操作；带教安排。",
      lecturer: "T0003",
      attendees: (no) => ["C0117", "C0118", "C0216", "C0217"].includes(no),
      sessions: [
        [15, "09:00", "12:00", "培训室 A302"],
        [16, "09:00", "12:00", "培训室 A302"],
      ],
      yuan: { materialsFeeFen: 600_00, otherFeeFen: 300_00 },
    },
  ],
  集团客户服务标准培训: [
    {
      title: "集团客户服务标准培训",
      outline: "集团统一客户服务标准、投诉升级流程与考核要求（集团总部组织）。",
      lecturer: {
        name: "王敏（集团培训中心）",
        org: "集团总部培训中心",
        contact: "010-6588 1234 / training@group.example.com",
      },
      attendees: (no) => no === "K0001",
      sessions: [[20, "09:00", "17:00", "集团总部培训中心 3 楼"]],
      yuan: { externalFeeFen: 1800_00, otherFeeFen: 400_00 },
    },
  ],
  NEW_HIRE: [
    {
      title: "新员工岗前培训（本月批次）",
      outline:
        "一、公司介绍与催收作业要求；\n二、话术规范 B1–B17 与 OPS1–OPS4；\n三、录音固话与系统操作；\n四、行动记载规范；\n五、岗前话术考核说明。",
      lecturer: "T0003",
      attendees: newHires,
      sessions: [
        [24, "09:00", "12:00", "培训室 A302"],
        [25, "09:00", "12:00", "培训室 A302"],
      ],
      yuan: { materialsFeeFen: 400_00, otherFeeFen: 200_00 },
    },
  ],
  TRANSFER: [
    {
      title: "转岗培训：客服转催收",
      outline: "催收岗位职责、作业时间（B3）、身份核实（B1）、第三方联系规范（B8）与案件系统操作。",
      lecturer: "T0001",
      attendees: (no) => no === "C0218",
      sessions: [[26, "14:00", "17:00", "培训部小会议室"]],
      yuan: {},
    },
  ],
};

// The smallest PDF a reader opens: what the clerk uploaded for the compliance course.
const SAMPLE_PDF = Buffer.from(
  // eslint-disable-next-line max-len
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

export async function seedMonthlyPlans(tx: Tx, at: Date) {
  const today = companyDate(at, ZONE);
  const people = await tx.person.findMany({ select: { id: true, employeeNo: true, name: true } });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const [manager, leader, clerk] = [who("T0001"), who("L0001"), who("T0002")];
  // The month two before today's, the one before, and today's: across a new year when it is January or February.
  for (const back of [2, 1, 0]) {
    const index = today.year * 12 + today.month - 1 - back;
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const annual = await tx.annualPlan.findUnique({
      where: { year },
      select: { items: true },
    });
    if (!annual) continue;
    const isToday = back === 0;
    const dayOf = (day: number) => `${yearMonth(year, month)}-${String(day).padStart(2, "0")}`;
    const start = sessionInterval(dayOf(1), "10:00", "23:59", ZONE).startsAt;
    const before = (day: number) => new Date(start.getTime() - day * 86_400_000);
    const approval = await tx.approval.create({
      data: { subjectType: "MonthlyPlan", state: "APPROVED", submittedById: manager.id },
    });
    const plan = await tx.monthlyPlan.create({
      data: { year, month, title: `${year} 年 ${month} 月培训计划`, approvalId: approval.id, createdById: manager.id },
    });
    const items: Prisma.MonthlyPlanItemCreateManyInput[] = annual.items.flatMap((i) => {
      const share = monthShare(i, month);
      return share
        ? [
            {
              planId: plan.id,
              planItemId: i.id,
              title: i.title,
              category: i.category,
              targetPeople: i.targetPeople,
              // As the app drafts it: the annual item's headcount (the demo's usual 20 for one stating none).
              headcount: Math.max(1, monthHeadcount(i, month) ?? 20),
              sessions: Math.max(1, share.sessions),
              budgetFen: share.budgetFen,
            },
          ]
        : [];
    });
    if (isToday) {
      items.push(
        {
          planId: plan.id,
          title: `新员工入职培训（${month}月）`,
          category: "NEW_HIRE",
          targetPeople: "本月新入职催收员",
          headcount: 4,
          sessions: 2,
          budgetFen: 800_00,
          unplannedReason: "本月新入职 4 人，须完成岗前培训并通过话术考核后方可作业。",
        },
        {
          planId: plan.id,
          title: `转岗培训（${month}月）`,
          category: "TRANSFER",
          targetPeople: "客服转催收人员",
          headcount: 1,
          sessions: 1,
          budgetFen: 0,
          unplannedReason: "C0218 由客服岗转入催收二部，须在上岗前完成转岗培训。",
        },
      );
    }
    if (items.length === 0) continue;
    const created = await tx.monthlyPlanItem.createManyAndReturn({
      data: items,
      select: { id: true, title: true, category: true, planItemId: true },
    });
    await decisions(tx, approval.id, "monthly", manager, leader, before(6), before(4));
    // This month always runs the two departments' call-script refreshers (the year-end item's courses
    // in November and December, otherwise on the month's first annual item): whatever the date, this
    // month has a planned item with courses and a session in A301 on the 10th.
    const hasYearEnd = created.some((i) => i.title === COMPLIANCE);
    const refresher = isToday && !hasYearEnd ? created.find((i) => i.planItemId) : undefined;
    const coursesOf = (item: (typeof created)[number]) =>
      item === refresher ? COURSES[COMPLIANCE] : (COURSES[item.planItemId ? item.title : item.category] ?? []);
    for (const item of created) {
      for (const c of coursesOf(item)) {
        const courseApproval = await tx.approval.create({
          data: { subjectType: "Course", state: "APPROVED", submittedById: clerk.id },
        });
        const lecturer = typeof c.lecturer === "string" ? who(c.lecturer) : null;
        const ext = typeof c.lecturer === "string" ? null : c.lecturer;
        const attendeeIds = people.filter((p) => c.attendees(p.employeeNo)).map((p) => p.id);
        const course = await tx.course.create({
          data: {
            monthlyItemId: item.id,
            title: c.title.replace("本月", `${month} 月`),
            capacity: Math.max(attendeeIds.length, 10) + 5,
            outline: c.outline,
            approvalId: courseApproval.id,
            createdById: clerk.id,
            lecturerKind: lecturer ? "INTERNAL" : "EXTERNAL",
            lecturerId: lecturer?.id ?? null,
            externalLecturer: ext?.name ?? null,
            externalOrg: ext?.org ?? null,
            externalContact: ext?.contact ?? null,
            ...c.yuan,
            sessions: {
              create: c.sessions.map(([day, from, to, location]) => ({
                ...sessionInterval(dayOf(day), from, to, ZONE),
                location,
              })),
            },
            attendees: { create: attendeeIds.map((personId) => ({ personId })) },
          },
        });
        if (c.title.startsWith("话术规范与投诉案例复训（催收一部）")) {
          await tx.courseMaterial.create({
            data: {
              courseId: course.id,
              fileName: "话术规范B1-B17要点.pdf",
              mimeType: "application/pdf",
              sizeBytes: SAMPLE_PDF.byteLength,
              bytes: SAMPLE_PDF,
              uploadedById: clerk.id,
              uploadedAt: before(3),
            },
          });
        }
        await decisions(tx, courseApproval.id, "course", clerk, manager, before(3), before(2));
        // As the workflow's approval would have (step 008): the course starts preparing.
        await startPreparation(tx, course.id);
      }
    }
  }
}

// Revision 1 submitted and approved, with the snapshot the workflow would have kept.
async function decisions(
  tx: Tx,
  approvalId: string,
  kind: "monthly" | "course",
  drafter: Who,
  approver: Who,
  submittedAt: Date,
  approvedAt: Date,
) {
  const snapshot = (
    kind === "monthly" ? await monthlySnapshot(tx, approvalId) : await courseSnapshot(tx, approvalId)
  ) as Prisma.InputJsonValue;
  const by = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
  await tx.approvalDecision.createMany({
    data: [
      {
        approvalId,
        revision: 1,
        action: "SUBMIT",
        fromState: "DRAFT",
        toState: "SUBMITTED",
        ...by(drafter),
        snapshot,
        at: submittedAt,
      },
      {
        approvalId,
        revision: 1,
        action: "APPROVE",
        fromState: "SUBMITTED",
        toState: "APPROVED",
        ...by(approver),
        reason: "同意。",
        at: approvedAt,
      },
    ],
  });
}
