// API keys for the case system: an administrator creates (the key is shown once), names and revokes them.
import { writeAudit } from "~/utils/audit.server";
import { notifyChange } from "~/utils/change-feed.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { generateApiKey, hashApiKey, keyPrefix } from "./api-key-rules";

type Actor = { id: string; employeeNo: string };

export async function listApiKeys() {
  return db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, revokedAt: true },
  });
}

/** Returns the key itself: the only time anyone sees it. */
export async function createApiKey(actor: Actor, name: string): Promise<{ id: string; key: string }> {
  const key = generateApiKey();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name, prefix: keyPrefix(key), keyHash: hashApiKey(key), createdById: actor.id, createdAt: now() },
      select: { id: true },
    });
    // Every process's clearance API knows the new key (or refuses a revoked one) at once.
    await notifyChange(tx, "clearance");
    await writeAudit(tx, {
      actor,
      action: "apiKey.created",
      entityType: "ApiKey",
      entityId: row.id,
      summary: { name, prefix: keyPrefix(key) },
    });
    return row;
  });
  return { id: created.id, key };
}

export type RevokeOutcome = { ok: true } | { ok: false; error: string; status: 404 };

/** A key revoked already stays revoked (a second click is no error); a key that does not exist is not found. */
export async function revokeApiKey(actor: Actor, id: string): Promise<RevokeOutcome> {
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now(), revokedById: actor.id },
    });
    if (revoked.count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id }, select: { id: true } });
      return exists ? { ok: true as const } : { ok: false as const, error: "errors.notFound", status: 404 as const };
    }
    await notifyChange(tx, "clearance");
    await writeAudit(tx, { actor, action: "apiKey.revoked", entityType: "ApiKey", entityId: id });
    return { ok: true as const };
  });
}
