// An approved course as step 007 leaves it, for the demo, browser tests and benchmarks that start from
// one (steps 008–010 act on approved courses). The decisions are those the workflow would have written.
import { courseSnapshot } from "../../app/domain/course/course-subject.server";
import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";

type Who = { id: string; employeeNo: string; name: string };

export type ApprovedCourseInput = {
  monthlyItemId: string;
  title: string;
  outline?: string;
  lecturerId?: string | null;
  external?: { name: string; org: string; contact: string; feeFen: number } | null;
  attendeeIds: string[];
  sessions: Array<{ startsAt: Date; endsAt: Date; location: string }>;
  clerk: Who;
  manager: Who;
  submittedAt: Date;
  approvedAt: Date;
  capacity?: number;
};

export async function makeApprovedCourse(tx: Tx, input: ApprovedCourseInput) {
  const approval = await tx.approval.create({
    data: { subjectType: "Course", state: "APPROVED", submittedById: input.clerk.id },
  });
  const course = await tx.course.create({
    data: {
      monthlyItemId: input.monthlyItemId,
      title: input.title,
      capacity: input.capacity ?? input.attendeeIds.length + 5,
      outline: input.outline ?? "话术规范 B1–B17 要点复习；典型投诉录音复盘；课堂测验。",
      approvalId: approval.id,
      createdById: input.clerk.id,
      lecturerKind: input.external ? "EXTERNAL" : "INTERNAL",
      lecturerId: input.external ? null : (input.lecturerId ?? null),
      externalLecturer: input.external?.name ?? null,
      externalOrg: input.external?.org ?? null,
      externalContact: input.external?.contact ?? null,
      externalFeeFen: input.external?.feeFen ?? 0,
      sessions: { create: input.sessions },
    },
    select: { id: true },
  });
  // Many attendees (a benchmark's 500) in one statement.
  await tx.courseAttendee.createMany({
    data: input.attendeeIds.map((personId) => ({ courseId: course.id, personId })),
  });
  const snapshot = (await courseSnapshot(tx, approval.id)) as Prisma.InputJsonValue;
  const by = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
  await tx.approvalDecision.createMany({
    data: [
      {
        approvalId: approval.id,
        revision: 1,
        action: "SUBMIT",
        fromState: "DRAFT",
        toState: "SUBMITTED",
        ...by(input.clerk),
        snapshot,
        at: input.submittedAt,
      },
      {
        approvalId: approval.id,
        revision: 1,
        action: "APPROVE",
        fromState: "SUBMITTED",
        toState: "APPROVED",
        ...by(input.manager),
        reason: "同意。",
        at: input.approvedAt,
      },
    ],
  });
  return course;
}
