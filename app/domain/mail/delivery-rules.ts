// Pure rules of mail delivery: what a queued message becomes on the wire, how failures are retried,
// how a periodic job is scheduled. docs/decisions/0017-mail-outbox.md

/** An outbox message's states, in the order the outbox page lists them. */
export const OUTBOX_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;

/** The outbox row fields a message is made of. */
export type OutboxRow = {
  id: string;
  toAddress: string;
  toName: string;
  subject: string;
  text: string;
  html: string | null;
  icsMethod: string | null;
  ics: string | null;
};

export type Sender = { name: string; address: string };

/** The message as nodemailer takes it (a subset of its Mail.Options). */
export type WireMessage = {
  messageId: string;
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  icalEvent?: { method: string; content: string; filename: string };
  headers: Record<string, string>;
};

// pg-boss retries a failed delivery with exponential backoff: about 20 s, 40 s, 80 s … doubling up to
// about 5½ hours for the tenth; after that the message is FAILED and waits for the administrator.
export const RETRY = { limit: 10, delaySeconds: 20 } as const;

/** A delivery attempt that never finished (the process died) is taken over after this long. */
export const CLAIM_TIMEOUT_MS = 3 * 60_000;

/**
 * The Message-ID, derived from the outbox id: a message sent twice (a crash between the server's
 * acceptance and our record of it) carries the same id both times, so receivers and tests recognise it.
 */
export function messageIdFor(outboxId: string, senderAddress: string): string {
  const domain = senderAddress.split("@")[1]?.trim() || "traingate.local";
  return `<outbox-${outboxId}@${domain}>`;
}

/** The message as it will arrive: from the company's sender, to the person, with its invite. */
export function wireMessage(row: OutboxRow, sender: Sender): WireMessage {
  const message: WireMessage = {
    messageId: messageIdFor(row.id, sender.address),
    from: { name: sender.name, address: sender.address },
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    text: row.text,
    headers: { "X-TrainGate-Outbox-Id": row.id },
  };
  if (row.html) message.html = row.html;
  // nodemailer sends this as a text/calendar alternative with method=… and as an .ics attachment,
  // which mail clients show as an invitation to accept.
  if (row.ics && row.icsMethod) {
    message.icalEvent = { method: row.icsMethod, content: row.ics, filename: "invite.ics" };
  }
  return message;
}

/** After a failed attempt: try again (pg-boss waits with backoff) or give up (FAILED). */
export function afterFailure(retryCount: number, retryLimit: number): "retry" | "failed" {
  return retryCount >= retryLimit ? "failed" : "retry";
}

/**
 * What a failure is recorded as: the error's code and message, never more than one line and 500
 * characters, with any URL's login removed (a transport error may quote the server's address).
 */
export function describeSendError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const firstLine = raw.split(/\r?\n/)[0].replace(/\/\/[^/@\s]*@/g, "//");
  const text = typeof code === "string" && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  return text.slice(0, 500);
}

/** The cron line pg-boss runs a job on "every N minutes": 1–59 minutes, or whole hours up to a day. */
export function cronEvery(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1)
    throw new Error(`everyMinutes must be a whole number ≥ 1, got ${minutes}`);
  if (minutes < 60) return minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
  if (minutes % 60 !== 0 || minutes > 24 * 60)
    throw new Error(`everyMinutes ≥ 60 must be whole hours up to 24, got ${minutes}`);
  const hours = minutes / 60;
  return hours === 24 ? "0 0 * * *" : hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
}
