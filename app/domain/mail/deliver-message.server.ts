// One delivery attempt of one outbox message: claim it (so no other process sends it), send it, record
// the result. docs/decisions/0017-mail-outbox.md
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { afterFailure, CLAIM_TIMEOUT_MS, describeSendError, wireMessage, type WireMessage } from "./delivery-rules";

/** What sends a message: nodemailer's transport in production; anything with the same call in tests. */
export type MailTransport = { sendMail(message: WireMessage): Promise<{ messageId?: string }> };

export type DeliveryResult = "sent" | "skipped" | "retry" | "failed";

/**
 * Takes the message if it is waiting (or its previous attempt died CLAIM_TIMEOUT_MS ago): a conditional
 * update, so of two processes holding a job for the same message exactly one gets it.
 */
async function claim(id: string) {
  const at = now();
  const { count } = await db.outboxMessage.updateMany({
    where: {
      id,
      OR: [{ status: "PENDING" }, { status: "SENDING", claimedAt: { lt: new Date(at.getTime() - CLAIM_TIMEOUT_MS) } }],
    },
    data: { status: "SENDING", claimedAt: at },
  });
  return count === 1 ? db.outboxMessage.findUniqueOrThrow({ where: { id } }) : null;
}

/**
 * Delivers one message. `retry` carries pg-boss's count so the last failure marks it FAILED; a failure
 * before that puts it back to PENDING for pg-boss's next try (which the caller arranges by throwing).
 */
export async function deliverOutboxMessage(
  id: string,
  transport: MailTransport,
  retry: { count: number; limit: number },
): Promise<{ result: DeliveryResult; error?: string }> {
  const row = await claim(id);
  if (!row) return { result: "skipped" };
  const settings = await getSettings();
  const message = wireMessage(row, { name: settings.mailSenderName, address: settings.mailSenderAddress });
  try {
    const info = await transport.sendMail(message);
    await db.outboxMessage.updateMany({
      where: { id, status: "SENDING", claimedAt: row.claimedAt },
      data: {
        status: "SENT",
        sentAt: now(),
        smtpMessageId: info.messageId ?? message.messageId,
        attempts: { increment: 1 },
        lastError: null,
      },
    });
    return { result: "sent" };
  } catch (error) {
    const description = describeSendError(error);
    const result = afterFailure(retry.count, retry.limit);
    await db.outboxMessage.updateMany({
      where: { id, status: "SENDING", claimedAt: row.claimedAt },
      data: {
        status: result === "failed" ? "FAILED" : "PENDING",
        attempts: { increment: 1 },
        lastError: description,
        claimedAt: null,
      },
    });
    return { result, error: description };
  }
}
