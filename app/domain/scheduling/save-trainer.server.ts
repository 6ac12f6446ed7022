// The administrator's list of external trainers (name, institution, contact) an external course picks from.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import type { ListOutcome } from "./save-room.server";
import type { TrainerInput } from "./scheduling.schema";

type Actor = NonNullable<AuditActor>;

export async function saveTrainer(actor: Actor, id: string | null, input: TrainerInput): Promise<ListOutcome> {
  const data = { name: input.name, organisation: input.organisation ?? "", contact: input.contact };
  return db.$transaction(async (tx) => {
    const same = await tx.externalTrainer.findUnique({
      where: { name_organisation: { name: data.name, organisation: data.organisation } },
      select: { id: true },
    });
    if (same && same.id !== id) return { ok: false as const, field: "name", error: "scheduling.trainers.taken" };
    if (id) {
      const before = await tx.externalTrainer.findUnique({
        where: { id },
        select: { name: true, organisation: true, contact: true },
      });
      if (!before) return { ok: false as const, error: "errors.notFound", status: 404 as const };
      await tx.externalTrainer.update({ where: { id }, data });
      await writeAudit(tx, {
        actor,
        action: "trainer.updated",
        entityType: "ExternalTrainer",
        entityId: id,
        summary: { before, after: data },
      });
      return { ok: true as const, id };
    }
    const trainer = await tx.externalTrainer.create({ data, select: { id: true } });
    await writeAudit(tx, {
      actor,
      action: "trainer.created",
      entityType: "ExternalTrainer",
      entityId: trainer.id,
      summary: data,
    });
    return { ok: true as const, id: trainer.id };
  });
}

/** A retired trainer is no longer offered for new courses; the courses they taught keep them. */
export async function setTrainerRetired(actor: Actor, id: string, retired: boolean): Promise<ListOutcome> {
  return db.$transaction(async (tx) => {
    const trainer = await tx.externalTrainer.findUnique({ where: { id }, select: { name: true } });
    if (!trainer) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    await tx.externalTrainer.update({ where: { id }, data: { retiredAt: retired ? now() : null } });
    await writeAudit(tx, {
      actor,
      action: retired ? "trainer.retired" : "trainer.restored",
      entityType: "ExternalTrainer",
      entityId: id,
      summary: { name: trainer.name },
    });
    return { ok: true as const, id };
  });
}
