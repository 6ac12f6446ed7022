// Recording an action (行动记载): the assigned agent only, with a valid certification; the record is
// checked against the call-script rules first. A breach is refused, counted and audited; nothing is saved.
import type { Certification } from "~/domain/certification/certification-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { companyDay } from "~/utils/company-calendar";
import { db, type Tx } from "~/utils/db.server";

import { checkAction, contactKey, numberKey, saysThirdParty, type Breach } from "./action-rules";
import { callTimeProblem, parseLocalDateTime } from "./call-time";
import { caseWorkGate } from "./case-gate.server";
import type { ActionRecordInput } from "./cases.schema";

export type RecordOutcome =
  | { ok: true; actionId: string }
  | { ok: false; kind: "notFound" }
  | { ok: false; kind: "gate"; certification: Certification }
  | { ok: false; kind: "breach"; breaches: Breach[] }
  | { ok: false; kind: "invalid"; errors: Record<string, string> };

const toFen = (yuan: number | undefined) => (yuan === undefined ? null : Math.round(yuan * 100));

export async function recordAction(
  actor: { id: string; employeeNo: string },
  caseId: string,
  input: ActionRecordInput,
): Promise<RecordOutcome> {
  const found = await db.collectionCase.findFirst({
    where: { id: caseId, assignedToId: actor.id },
    select: { id: true, caseNo: true, assignedToId: true, assignedAt: true, phones: true },
  });
  if (!found) return { ok: false, kind: "notFound" };
  const gate = await caseWorkGate(actor, found, "record");
  if (!gate.ok) return { ok: false, kind: "gate", certification: gate.certification };

  const [settings, slurWords] = await Promise.all([
    getSettings(),
    db.caseSlurWord.findMany({ select: { word: true } }),
  ]);
  // The call's own time, not the save's: a call that ended at 21:58 and is saved at 22:01 is within B3.
  const savedAt = now();
  const at = input.calledAt ? parseLocalDateTime(input.calledAt, settings.timeZone) : savedAt;
  if (!at) return { ok: false, kind: "invalid", errors: { calledAt: "cases.action.calledAtFormat" } };
  const timeProblem = callTimeProblem(at, { now: savedAt, assignedAt: found.assignedAt });
  if (timeProblem) return { ok: false, kind: "invalid", errors: { calledAt: timeProblem } };
  // A stored number is picked by its place in the case's list; its digits never travel through the browser.
  const numberDialled = input.phoneId === undefined ? input.numberDialled : found.phones[Number(input.phoneId)];
  if (input.phoneId !== undefined && numberDialled === undefined)
    return { ok: false, kind: "invalid", errors: { phoneId: "validation.invalid" } };
  const key = numberKey(numberDialled);
  const nameKey = contactKey(input.contactName);
  const day = companyDay(at, settings.timeZone);
  return db.$transaction(async (tx) => {
    // Two agents reaching the same third party at once: the count and the insert happen under one lock
    // per number and one per named contact of the case, taken in one order so two saves cannot deadlock.
    const locks = [key && `b8:n:${key}`, nameKey && `b8:c:${caseId}:${nameKey}`].filter((l): l is string => !!l).sort();
    for (const lock of locks) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lock}))`;
    const b8 = await thirdPartyContacts(tx, { caseId, key, nameKey, says: saysThirdParty(input), day });
    const breaches = checkAction(
      { type: input.type, at, numberDialled, contactName: input.contactName, note: input.note },
      {
        timeZone: settings.timeZone,
        thirdPartyCallsToday: b8.today,
        reachesThirdParty: b8.reaches,
        slurWords: slurWords.map((w) => w.word),
      },
    );
    if (breaches.length) {
      await tx.caseRuleBreach.createMany({
        data: breaches.map((b) => ({
          at: savedAt,
          personId: actor.id,
          caseId,
          ruleId: b.ruleId,
          actionType: input.type,
        })),
      });
      // The note itself is not kept: it may hold exactly what the rules forbid (a slur, a full card number).
      await writeAudit(tx, {
        actor,
        action: "case.actionRefused",
        entityType: "CollectionCase",
        entityId: caseId,
        summary: { caseNo: found.caseNo, type: input.type, rules: breaches.map((b) => b.ruleId) },
      });
      return { ok: false as const, kind: "breach" as const, breaches };
    }
    const action = await tx.caseAction.create({
      data: {
        caseId,
        personId: actor.id,
        type: input.type,
        at,
        // Kept in its one normalised spelling; pages show it masked.
        numberDialled: key,
        numberKey: key,
        contactName: input.contactName ?? "",
        contactKey: nameKey,
        thirdParty: b8.reaches,
        relation: input.relation,
        result: input.result,
        promiseAmountFen: toFen(input.promiseAmount),
        promiseDate: input.promiseDate ? new Date(`${input.promiseDate}T00:00:00Z`) : null,
        note: input.note,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: "case.actionRecorded",
      entityType: "CollectionCase",
      entityId: caseId,
      summary: { caseNo: found.caseNo, actionId: action.id, type: input.type, result: input.result },
    });
    return { ok: true as const, actionId: action.id };
  });
}

/**
 * B8's count, whatever the record type says. The record reaches a third party when it says so, or when
 * its number or its named contact on this case reached one before. That third party is known by the
 * number and by every name recorded with it on this case; today's contacts are those with the same
 * number (any case, anyone) plus those with any of those names on this case (any of their numbers).
 */
async function thirdPartyContacts(
  tx: Tx,
  q: { caseId: string; key: string | null; nameKey: string; says: boolean; day: { start: Date; end: Date } },
): Promise<{ reaches: boolean; today: number }> {
  const before = await tx.caseAction.findMany({
    where: {
      thirdParty: true,
      OR: [
        ...(q.key ? [{ numberKey: q.key }] : []),
        ...(q.nameKey ? [{ caseId: q.caseId, contactKey: q.nameKey }] : []),
      ],
    },
    distinct: ["caseId", "contactKey", "numberKey"],
    select: { caseId: true, contactKey: true },
    take: 200,
  });
  const knownByName = before.some((a) => a.caseId === q.caseId && a.contactKey === q.nameKey && q.nameKey);
  const reaches = q.says || before.length > 0;
  if (!reaches) return { reaches, today: 0 };
  const names = new Set(before.filter((a) => a.caseId === q.caseId && a.contactKey).map((a) => a.contactKey));
  if (q.nameKey && (q.says || knownByName)) names.add(q.nameKey);
  const today = await tx.caseAction.count({
    where: {
      at: { gte: q.day.start, lt: q.day.end },
      OR: [
        ...(q.key ? [{ numberKey: q.key }] : []),
        ...(names.size ? [{ caseId: q.caseId, thirdParty: true, contactKey: { in: [...names] } }] : []),
      ],
    },
  });
  return { reaches, today };
}
