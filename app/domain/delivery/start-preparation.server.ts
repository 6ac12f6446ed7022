// An approved course starts preparing: its delivery record and the standard checklist of its kind.
import type { Tx } from "~/utils/db.server";

import { standardItems } from "./preparation-rules";

/**
 * Creates the course's CourseDelivery (PREPARING) and its standard items when absent. Idempotent: a
 * course approved again after a reopen keeps its checklist, ticks and added lines as they were.
 */
export async function startPreparation(tx: Tx, courseId: string): Promise<void> {
  const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { lecturerKind: true } });
  await tx.courseDelivery.upsert({ where: { courseId }, create: { courseId }, update: {} });
  await tx.preparationItem.createMany({
    data: standardItems(course.lecturerKind).map((item) => ({ courseId, ...item })),
    skipDuplicates: true,
  });
}
