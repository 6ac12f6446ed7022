// Approved courses made straight in the database, for tests of what happens after approval (notices,
// moves, lecturers): the approval loop itself is tested through its pages elsewhere.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

/** T0002, the training department's clerk, as the use-cases take an actor. */
export async function clerkActor() {
  const p = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" } });
  return { id: p.id, employeeNo: p.employeeNo, name: p.name, roles: ["TRAINING_CLERK" as const] };
}

type Given = "approvalId" | "createdById" | "monthlyItemId" | "capacity" | "outline" | "lecturerKind";
type CourseData = Omit<Prisma.CourseUncheckedCreateInput, Given> &
  Partial<Pick<Prisma.CourseUncheckedCreateInput, Given>>;

/**
 * An approved course by the author of a demo course (on that course's monthly item, or `data.monthlyItemId`):
 * 20 seats, an outline, and an outside trainer (张敏 of 某机构) unless `data` says otherwise. Sessions come
 * back in time order.
 */
export async function approvedCourse({ lecturerKind = "EXTERNAL", ...data }: CourseData) {
  const template = await db.course.findFirstOrThrow({
    where: data.monthlyItemId ? { monthlyItemId: data.monthlyItemId } : {},
    select: { monthlyItemId: true, createdById: true },
  });
  const approval = await db.approval.create({
    data: { subjectType: "Course", state: "APPROVED", submittedById: template.createdById },
  });
  const outside = lecturerKind === "EXTERNAL" ? { externalLecturer: "张敏", externalOrg: "某机构" } : {};
  return db.course.create({
    data: {
      capacity: 20,
      outline: "大纲",
      ...outside,
      ...data,
      lecturerKind,
      monthlyItemId: template.monthlyItemId,
      approvalId: approval.id,
      createdById: template.createdById,
    },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
}
