// Recording an action (行动记载): the assigned agent only, with a valid certification; the record is
// checked against the call-script rules first. A breach is refused, counted and audited; nothing is saved.
import type { Certification } from "~/domain/certification/certification-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { companyDay } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { checkAction, numberKey, type Breach } from "./action-rules";
import { caseWorkGate } from "./case-gate.server";
import type { ActionRecordInput } from "./cases.schema";

export type RecordOutcome =
  | { ok: true; actionId: string }
  | { ok: false; kind: "notFound" }
  | { ok: false; kind: "gate"; certification: Certification }
  | { ok: false; kind: "breach"; breaches: Breach[] };

const toFen = (yuan: number | undefined) => (yuan === undefined ? null : Math.round(yuan * 100));

export async function recordAction(
  actor: { id: string; employeeNo: string },
  caseId: string,
  input: ActionRecordInput,
): Promise<RecordOutcome> {
  const found = await db.collectionCase.findFirst({
    where: { id: caseId, assignedToId: actor.id },
    select: { id: true, caseNo: true, assignedToId: true },
  });
  if (!found) return { ok: false, kind: "notFound" };
  const gate = await caseWorkGate(actor, found, "record");
  if (!gate.ok) return { ok: false, kind: "gate", certification: gate.certification };

  const [settings, slurWords] = await Promise.all([
    getSettings(),
    db.caseSlurWord.findMany({ select: { word: true } }),
  ]);
  const at = now();
  const key = numberKey(input.numberDialled);
  const day = companyDay(at, settings.timeZone);
  return db.$transaction(async (tx) => {
    // Two agents calling the same third party at once: the count and the insert happen under one lock per number.
    if (input.type === "CALL_THIRD_PARTY" && key)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`b8:${key}`}))`;
    const thirdPartyCallsToday =
      input.type === "CALL_THIRD_PARTY" && key
        ? await tx.caseAction.count({
            where: { type: "CALL_THIRD_PARTY", numberKey: key, at: { gte: day.start, lt: day.end } },
          })
        : 0;
    const breaches = checkAction(
      { type: input.type, at, numberDialled: input.numberDialled, contactName: input.contactName, note: input.note },
      {
        timeZone: settings.timeZone,
        thirdPartyCallsToday,
        reachesThirdParty: input.type === "CALL_THIRD_PARTY" && key !== null,
        slurWords: slurWords.map((w) => w.word),
      },
    );
    if (breaches.length) {
      await tx.caseRuleBreach.createMany({
        data: breaches.map((b) => ({ at, personId: actor.id, caseId, ruleId: b.ruleId, actionType: input.type })),
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
