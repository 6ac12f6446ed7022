import { db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";

// A display preference, not a workflow state: no audit entry.
export async function setPersonLocale(personId: string, locale: Locale) {
  await db.person.update({ where: { id: personId }, data: { locale } });
}
