import { z } from "zod";

import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { keysetPage, keysetQuery, keysetAfter, keysetRequest } from "~/utils/keyset";

import { entityLabels } from "./audit-labels.server";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-rules";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  )
  .catch(undefined);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

export const AuditQuerySchema = z.object({
  action: text(60),
  actor: text(32),
  entityType: text(40),
  from: day,
  to: day,
  /** Keyset cursors (audit-rules.ts): `after` for older entries, `before` for newer ones. */
  ...keysetQuery,
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

/** A page of the log, newest first (by id: the order written), by keyset (no OFFSET, no count of the whole
 * log): every filter has an index that starts with it and goes on with the id. Dates in the filter are
 * company-local days; `offsetMinutes` is the company zone's offset from UTC. */
export async function listAuditEntries(query: AuditQuery, offsetMinutes: number) {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (query.action) and.push({ action: query.action });
  if (query.actor) and.push({ actorEmployeeNo: query.actor.toUpperCase() });
  if (query.entityType) and.push({ entityType: query.entityType });
  const startOf = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - offsetMinutes * 60_000);
  if (query.from) and.push({ at: { gte: startOf(query.from) } });
  if (query.to) and.push({ at: { lt: new Date(startOf(query.to).getTime() + 86_400_000) } });
  const request = keysetRequest(query, decodeAuditCursor);
  // Newest first: forwards (`after`) is older, smaller ids.
  const keyset = keysetAfter("AuditEntry", "desc", request, ["id"], (c) => [c]);
  and.push(keyset.where);
  const [fetched, actions] = await Promise.all([
    db.auditEntry.findMany({
      where: { AND: and },
      orderBy: keyset.orderBy,
      take: AUDIT_PAGE_SIZE + 1,
    }),
    listActions(),
  ]);
  const page = keysetPage(fetched, request, AUDIT_PAGE_SIZE, encodeAuditCursor);
  const labels = await entityLabels(page.rows);
  return {
    next: page.next,
    previous: page.previous,
    entries: page.rows.map((e) => ({
      ...e,
      id: e.id.toString(),
      entityLabel: e.entityId ? (labels[`${e.entityType}:${e.entityId}`] ?? null) : null,
    })),
    actions,
  };
}

/** The actions in the log, by a loose index scan of (action, id): one index probe per distinct action
 * instead of reading the whole log (GROUP BY and DISTINCT read every row: 200,000 on a three-year log). */
async function listActions(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ action: string }>>(Prisma.sql`
    WITH RECURSIVE actions(action) AS (
      (SELECT action FROM "AuditEntry" ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT e.action FROM "AuditEntry" e WHERE e.action > actions.action ORDER BY e.action LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`);
  return rows.map((r) => r.action);
}
