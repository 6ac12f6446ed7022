// The one way a use-case sends mail: write it to the outbox in the use-case's own transaction, so a mail
// exists exactly when the change that caused it was committed (docs/decisions/0017-mail-outbox.md).
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";

export type MailInput = {
  /** What it is, e.g. course.notice, course.update, course.cancel, course.reminder, course.confirm. */
  kind: string;
  toPersonId?: string | null;
  toAddress: string;
  toName: string;
  subject: string;
  text: string;
  html?: string | null;
  /** An iCalendar invite, as written by the invite builder. */
  ics?: { method: "REQUEST" | "CANCEL"; text: string } | null;
  sourceType?: string | null;
  sourceId?: string | null;
};

/** Queues the messages; returns how many were queued. */
export async function queueMail(tx: Tx, messages: MailInput[]): Promise<number> {
  if (messages.length === 0) return 0;
  const at = now();
  const { count } = await tx.outboxMessage.createMany({
    data: messages.map((m) => ({
      kind: m.kind,
      toPersonId: m.toPersonId ?? null,
      toAddress: m.toAddress,
      toName: m.toName,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      icsMethod: m.ics?.method ?? null,
      ics: m.ics?.text ?? null,
      sourceType: m.sourceType ?? null,
      sourceId: m.sourceId ?? null,
      createdAt: at,
    })),
  });
  return count;
}
