import { z } from "zod";

import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import { entityLabels } from "./audit-labels.server";

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

export const AuditQuerySchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(32).optional().catch(undefined),
  entityType: z.string().trim().max(40).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

/** Dates in the filter are company-local days; `offsetMinutes` is the company zone's offset from UTC. */
export async function listAuditEntries(query: AuditQuery, offsetMinutes: number) {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (query.action) and.push({ action: { startsWith: query.action } });
  if (query.actor) and.push({ actorEmployeeNo: query.actor.toUpperCase() });
  if (query.entityType) and.push({ entityType: query.entityType });
  const startOf = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - offsetMinutes * 60_000);
  if (query.from) and.push({ at: { gte: startOf(query.from) } });
  if (query.to) and.push({ at: { lt: new Date(startOf(query.to).getTime() + 86_400_000) } });
  const where = { AND: and };
  const [total, entries, actions] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    // GROUP BY in the database: Prisma's `distinct` fetches every row and drops the repeats in the process
    // (200,000 rows per page view on a three-year log).
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  const labels = await entityLabels(entries);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: entries.map((e) => ({
      ...e,
      id: e.id.toString(),
      entityLabel: e.entityId ? (labels[`${e.entityType}:${e.entityId}`] ?? null) : null,
    })),
    actions: actions.map((a) => a.action),
  };
}
