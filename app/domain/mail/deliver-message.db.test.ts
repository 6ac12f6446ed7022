import { beforeEach, describe, expect, it } from "vitest";

import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { deliverOutboxMessage, type MailTransport } from "./deliver-message.server";
import type { WireMessage } from "./delivery-rules";
import { queueMail } from "./queue-mail.server";

let id = "";
beforeEach(async () => {
  await db.$transaction((tx) =>
    queueMail(tx, [
      { kind: "course.notice", toAddress: "a@example.com", toName: "甲", subject: "通知", text: "请参加" },
    ]),
  );
  id = (await db.outboxMessage.findFirstOrThrow()).id;
});

const recording = () => {
  const sent: WireMessage[] = [];
  const transport: MailTransport = {
    sendMail: async (message) => {
      sent.push(message);
      return { messageId: message.messageId };
    },
  };
  return { sent, transport };
};
const refusing: MailTransport = {
  sendMail: async () => {
    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET" });
  },
};

describe("one delivery attempt", () => {
  it("two workers holding the same message: exactly one sends it", async () => {
    const { sent, transport } = recording();
    const results = await Promise.all([
      deliverOutboxMessage(id, transport, { count: 0, limit: 10 }),
      deliverOutboxMessage(id, transport, { count: 0, limit: 10 }),
    ]);
    expect(results.map((r) => r.result).sort()).toEqual(["sent", "skipped"]);
    expect(sent).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      smtpMessageId: sent[0].messageId,
    });
    // A sent message is never claimed again.
    expect((await deliverOutboxMessage(id, transport, { count: 0, limit: 10 })).result).toBe("skipped");
  });

  it("a failure waits for the retry; the last one marks it FAILED", async () => {
    expect(await deliverOutboxMessage(id, refusing, { count: 0, limit: 2 })).toMatchObject({ result: "retry" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "ESOCKET: connect ECONNREFUSED 127.0.0.1:2525",
      claimedAt: null,
    });
    expect(await deliverOutboxMessage(id, refusing, { count: 2, limit: 2 })).toMatchObject({ result: "failed" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: 2,
    });
  });

  it("a claim still fresh is left alone; a stale one is taken over", async () => {
    const { sent, transport } = recording();
    // Claims are compared on the app's clock (the test clock starts at the demo instant).
    await db.outboxMessage.update({ where: { id }, data: { status: "SENDING", claimedAt: now() } });
    expect((await deliverOutboxMessage(id, transport, { count: 0, limit: 10 })).result).toBe("skipped");
    await db.outboxMessage.update({ where: { id }, data: { claimedAt: new Date(now().getTime() - 4 * 60_000) } });
    expect((await deliverOutboxMessage(id, transport, { count: 0, limit: 10 })).result).toBe("sent");
    expect(sent).toHaveLength(1);
  });
});
