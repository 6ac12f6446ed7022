// The preparation rule publishing asks (step 009): a course goes out to attendees only when its checklist
// is complete, or the training manager has overridden it with a reason.
import wording from "~/locales/zh-CN/preparation.json";
import type { Tx } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { mayPublish, readiness } from "./preparation-rules";

// The message names the missing lines in the clerk's words, as the stored checklist speaks Chinese.
const standardLabel = (key: string) => (wording.items as Record<string, string>)[key] ?? key;

/**
 * null when the course may be published as far as preparation goes; otherwise a message key
 * (`preparation.incomplete` with `items`, the missing lines joined by "、", and `count`), or
 * `preparation.notStarted` when the course has no checklist at all.
 */
export async function checklistBlocker(tx: Tx, courseId: string): Promise<string | null> {
  const delivery = await tx.courseDelivery.findUnique({
    where: { courseId },
    select: { overrideReason: true },
  });
  if (!delivery) return "preparation.notStarted";
  const items = await tx.preparationItem.findMany({
    where: { courseId },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, label: true, doneAt: true },
  });
  const r = readiness(items, delivery);
  if (mayPublish(r)) return null;
  const names = r.missing.map((m) => (m.key ? standardLabel(m.key) : m.label));
  return messageKey("preparation.incomplete", { items: names.join("、"), count: names.length });
}
