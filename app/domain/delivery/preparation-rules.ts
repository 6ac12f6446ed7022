// Pure rules of a course's preparation checklist (step 008): the standard lines of each kind of course,
// how ready a course is, the institution's fee against the budget, and what a tick needs first. No I/O.

export type CourseKind = "INTERNAL" | "EXTERNAL";

/** The standard lines, in the clerk's order. The keys are stored (and backfilled by the migration). */
export const STANDARD_ITEMS: Record<CourseKind, readonly string[]> = {
  INTERNAL: ["venue", "equipment", "materials", "signInSheet"],
  EXTERNAL: ["institutionContacted", "timeConfirmed", "placeConfirmed", "feeConfirmed"],
};

/** Lines the clerk adds go after the standard ones; a course keeps its list short enough to read. */
export const MAX_ITEMS = 30;
export const MAX_LABEL = 100;
/** More than any training fee the company would agree to (¥1,000,000), in fen. */
export const MAX_AGREED_FEE_FEN = 100_000_000;

export function standardItems(kind: CourseKind) {
  return STANDARD_ITEMS[kind].map((key, i) => ({ key, sortOrder: i + 1 }));
}

export const isStandardKey = (key: string | null | undefined): key is string =>
  !!key && Object.values(STANDARD_ITEMS).some((keys) => keys.includes(key));

export type ChecklistItem = { id: string; key: string | null; label: string | null; doneAt: Date | string | null };
export type DeliveryFacts = { overrideReason: string | null };

/** What a line is called: a standard key's label (a message key), or the clerk's own words. */
export const itemLabel = (item: Pick<ChecklistItem, "key" | "label">) =>
  item.key ? `preparation.items.${item.key}` : (item.label ?? "");

export type Readiness = {
  done: number;
  total: number;
  percent: number;
  missing: Array<{ id: string; key: string | null; label: string }>;
  complete: boolean;
  overridden: boolean;
};

/** How far the checklist is: an empty list is not ready (every course has its standard lines). */
export function readiness(items: ChecklistItem[], delivery: DeliveryFacts | null): Readiness {
  const total = items.length;
  const done = items.filter((i) => i.doneAt).length;
  const missing = items.filter((i) => !i.doneAt).map((i) => ({ id: i.id, key: i.key, label: itemLabel(i) }));
  return {
    done,
    total,
    percent: total === 0 ? 0 : Math.floor((done * 100) / total),
    missing,
    complete: total > 0 && done === total,
    overridden: Boolean(delivery?.overrideReason),
  };
}

/** The manager's override lets an incomplete checklist through; a complete one needs none. */
export const mayPublish = (r: Readiness) => r.complete || r.overridden;

/** Agreed minus budgeted external fee, in fen; null while no fee has been agreed. */
export function feeDifference(agreedFeeFen: number | null, budgetedFeeFen: number): number | null {
  return agreedFeeFen === null ? null : agreedFeeFen - budgetedFeeFen;
}

/** A tick that states something the page must already show: the contact, the agreed fee. */
export function tickBlocker(
  key: string | null,
  delivery: { institutionContact: string | null; agreedFeeFen: number | null },
): string | null {
  if (key === "institutionContacted" && !delivery.institutionContact?.trim()) return "preparation.needsContact";
  if (key === "feeConfirmed" && delivery.agreedFeeFen === null) return "preparation.needsFee";
  return null;
}

/** A line the clerk adds: trimmed, 1–100 characters, not a repeat of another added line. */
export function addItemBlocker(label: string, existing: Array<Pick<ChecklistItem, "key" | "label">>): string | null {
  const text = label.trim();
  if (!text) return "validation.required";
  if (text.length > MAX_LABEL) return "preparation.labelTooLong";
  if (existing.length >= MAX_ITEMS) return "preparation.tooManyItems";
  const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  const names = existing.filter((i) => !i.key).map((i) => norm(i.label ?? ""));
  if (names.includes(norm(text))) return "preparation.duplicateItem";
  return null;
}
