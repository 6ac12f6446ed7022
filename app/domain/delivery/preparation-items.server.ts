// The clerk's own checklist lines: added with a label, removed again; the standard lines stay.
import { writeAudit } from "~/utils/audit.server";

import { done, inDelivery, refuse, type Actor, type PrepOutcome } from "./preparation-lock.server";
import { addItemBlocker } from "./preparation-rules";

export async function addItem(actor: Actor, courseId: string, label: string): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx) => {
    const existing = await tx.preparationItem.findMany({
      where: { courseId },
      select: { key: true, label: true, sortOrder: true },
    });
    const text = label.trim();
    const blocked = addItemBlocker(text, existing);
    if (blocked) return refuse(blocked, 400, "label");
    const sortOrder = Math.max(0, ...existing.map((i) => i.sortOrder)) + 1;
    const item = await tx.preparationItem.create({ data: { courseId, label: text, sortOrder } });
    await writeAudit(tx, {
      actor,
      action: "preparation.itemAdded",
      entityType: "Course",
      entityId: courseId,
      summary: { item: item.id, label: text },
    });
    return done(courseId);
  });
}

export async function removeItem(actor: Actor, courseId: string, itemId: string): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx) => {
    const item = await tx.preparationItem.findFirst({ where: { id: itemId, courseId } });
    if (!item) return refuse("errors.notFound", 404);
    if (item.key) return refuse("preparation.standardItem", 400);
    await tx.preparationItem.delete({ where: { id: item.id } });
    await writeAudit(tx, {
      actor,
      action: "preparation.itemRemoved",
      entityType: "Course",
      entityId: courseId,
      summary: { item: item.id, label: item.label, wasDone: Boolean(item.doneAt) },
    });
    return done(courseId);
  });
}
