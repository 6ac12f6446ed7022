// Reads for the administrator's outbox page.
import { z } from "zod";

import type { OutboxStatus, Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetPage,
  keysetQuery,
  keysetAfter,
  keysetRequest,
} from "~/utils/keyset";

import { OUTBOX_STATUSES } from "./delivery-rules";
import { smtpConfig, type SmtpConfig } from "./smtp-config";

export const OUTBOX_PAGE_SIZE = 50;

export const OutboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  ...keysetQuery,
});
export type OutboxQuery = z.output<typeof OutboxQuerySchema>;

/** How many messages are in each state (every state present, 0 when none). */
export async function outboxCounts(): Promise<Record<OutboxStatus, number>> {
  const groups = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 } as Record<OutboxStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * The SMTP server as this process sees it, and the last delivery error of a message still waiting or
 * failed (what the administrator must fix), with when it was recorded.
 */
export type SmtpView =
  { state: "off" } | Extract<SmtpConfig, { state: "invalid" }> | { state: "ready"; server: string };

export async function mailStatus(): Promise<{ smtp: SmtpView; lastError: string | null; worker: boolean }> {
  const smtp = smtpConfig(env());
  const failing = await db.outboxMessage.findFirst({
    where: { status: { in: ["PENDING", "FAILED"] }, lastError: { not: null } },
    orderBy: [{ attempts: "desc" }, { createdAt: "desc" }],
    select: { lastError: true },
  });
  // The password is never sent to the page: only the state, host:port and the problems' names.
  const visible: SmtpView = smtp.state === "ready" ? { state: "ready", server: smtp.server } : smtp;
  return { smtp: visible, lastError: failing?.lastError ?? null, worker: env().MAIL_WORKER };
}

/** One keyset page of the messages matching the filter, newest first (ids breaking ties), and how many match:
 * a deep page reads what the first does (OutboxMessage_createdAt_id_idx), no OFFSET. */
export async function listOutbox(query: OutboxQuery) {
  const request = keysetRequest(query, decodeInstantIdCursor);
  const keyset = keysetAfter("OutboxMessage", "desc", request, ["createdAt", "id"], (c) => [c.at, c.id]);
  const where: Prisma.OutboxMessageWhereInput = {};
  if (query.status) where.status = query.status;
  if (query.q) {
    where.OR = [
      { toAddress: { contains: query.q, mode: "insensitive" } },
      { toName: { contains: query.q, mode: "insensitive" } },
    ];
  }
  const [total, fetched] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.findMany({
      where: { AND: [where, keyset.where] },
      orderBy: keyset.orderBy,
      take: OUTBOX_PAGE_SIZE + 1,
      select: {
        id: true,
        kind: true,
        toName: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        icsMethod: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  const page = keysetPage(fetched, request, OUTBOX_PAGE_SIZE, (m) =>
    encodeInstantIdCursor({ at: m.createdAt, id: m.id }),
  );
  return { total, messages: page.rows, next: page.next, previous: page.previous };
}

export async function getOutboxMessage(id: string) {
  return db.outboxMessage.findUnique({ where: { id } });
}
