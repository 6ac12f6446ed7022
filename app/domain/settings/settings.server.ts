import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { isFeedLive, notifyChange, onChange } from "~/utils/change-feed.server";
import { now } from "~/utils/clock.server";
import { companyDate, type CompanyDate } from "~/utils/company-calendar";
import { db, type Tx } from "~/utils/db.server";

import { DEFAULT_SETTINGS, SHOW_ANSWERS, type CompanySettings } from "./settings.schema";

// Every page reads the settings; in production a copy is kept per process. A save anywhere announces
// itself through the change feed (app/utils/change-feed.server.ts), so while this process listens the
// copy lasts until a save (a minute at most, in case a notification was lost); while it does not, 5 s.
// Tests always read.
const production = () => process.env.NODE_ENV === "production";
const cacheMs = () => (!production() ? 0 : isFeedLive() ? 60_000 : 5_000);
let cached: { value: CompanySettings; at: number; generation: number } | null = null;
// Bumped by every change: a read that started before a change must not be kept after it.
let generation = 0;
onChange("settings", () => forgetSettings());

function forgetSettings() {
  generation++;
  cached = null;
}

export async function getSettings(): Promise<CompanySettings> {
  if (cached && cached.generation === generation && Date.now() - cached.at < cacheMs()) return cached.value;
  const started = { at: Date.now(), generation };
  const value = await readSettings();
  if (started.generation === generation) cached = { value, ...started };
  return value;
}

/** Today in the company's time zone: where a page proposes this year, month or day by default. */
export async function companyToday(): Promise<CompanyDate> {
  return companyDate(now(), (await getSettings()).timeZone);
}

async function readSettings(client: Pick<Tx, "setting"> = db): Promise<CompanySettings> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.keys(DEFAULT_SETTINGS) } } });
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    // A stored value counts only when it has the default's type (text or number).
    if (typeof row.value === typeof (DEFAULT_SETTINGS as Record<string, unknown>)[row.key])
      (settings as Record<string, unknown>)[row.key] = row.value;
  }
  // An unknown choice falls back to the default, which shows the fewest answers.
  if (!SHOW_ANSWERS.includes(settings.showAnswers)) settings.showAnswers = DEFAULT_SETTINGS.showAnswers;
  return settings;
}

export async function updateSettings(actor: NonNullable<AuditActor>, next: CompanySettings, reason?: string) {
  await db.$transaction(async (tx) => {
    // The audit's "before" is what is stored, not this process's cached copy (another server process
    // may have changed it since); saves run one at a time so each sees the one before it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('settings'))`;
    const before = await readSettings(tx);
    for (const [key, value] of Object.entries(next)) {
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await writeAudit(tx, {
      actor,
      action: "settings.updated",
      entityType: "Setting",
      summary: { before, after: next },
      reason,
    });
    // Every other process forgets its copy when this commits.
    await notifyChange(tx, "settings");
  });
  forgetSettings();
}
