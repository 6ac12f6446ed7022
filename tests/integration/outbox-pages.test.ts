// The administrator's outbox: only administrators read it; a message reads as it will arrive, invite
// included; a failed message is sent again once, audited.
import { beforeEach, describe, expect, it } from "vitest";

import { queueMail } from "~/domain/mail/queue-mail.server";
import { loader as messageLoader, action as messageAction } from "~/routes/_app.outbox.$messageId";
import { loader as listLoader } from "~/routes/_app.outbox._index";
import { db } from "~/utils/db.server";

import { cookieFor, outcome, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const ICS = [
  "BEGIN:VCALENDAR",
  "METHOD:CANCEL",
  "BEGIN:VEVENT",
  "UID:session-9@traingate",
  "SEQUENCE:3",
  "DTSTART;TZID=Asia/Shanghai:20261210T090000",
  "DTEND;TZID=Asia/Shanghai:20261210T120000",
  "SUMMARY:催收合规培训",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

let messageId = "";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  await db.$transaction((tx) =>
    queueMail(tx, [
      {
        kind: "course.cancel",
        toAddress: "c0101@example.com",
        toName: "催收员",
        subject: "培训取消",
        text: "本次培训取消。",
        ics: { method: "CANCEL", text: ICS },
      },
      { kind: "course.notice", toAddress: "c0102@example.com", toName: "另一人", subject: "培训通知", text: "请参加" },
    ]),
  );
  messageId = (await db.outboxMessage.findFirstOrThrow({ where: { subject: "培训取消" } })).id;
});

const show = (cookie: string, id = messageId) =>
  outcome(() =>
    messageLoader({
      request: requestAs(cookie, `/outbox/${id}`),
      params: { messageId: id },
      context: { cspNonce: "" },
    }),
  );
const sendAgain = (cookie: string) =>
  outcome(() =>
    messageAction({
      request: requestAs(cookie, `/outbox/${messageId}`, { form: { intent: "sendAgain", reason: "SMTP fixed" } }),
      params: { messageId },
      context: { cspNonce: "" },
    }),
  );

describe("the outbox", () => {
  it("is refused to everyone but administrators", async () => {
    for (const employeeNo of ["T0001", "T0002", "D0101", "C0101"]) {
      const cookie = await cookieFor(employeeNo);
      expect((await show(cookie)).status, employeeNo).toBe(403);
      const list = await outcome(() =>
        listLoader({ request: requestAs(cookie, "/outbox"), params: {}, context: { cspNonce: "" } }),
      );
      expect(list.status, employeeNo).toBe(403);
    }
  });

  it("lists the messages with counts, filters by status and recipient, and says mail is not configured", async () => {
    const admin = await cookieFor("A0001");
    const list = (await listLoader({
      request: requestAs(admin, "/outbox?q=C0102"),
      params: {},
      context: { cspNonce: "" },
    })) as Awaited<ReturnType<typeof listLoader>>;
    expect(list.counts).toEqual({ PENDING: 2, SENDING: 0, SENT: 0, FAILED: 0 });
    expect(list.messages.map((m) => m.toAddress)).toEqual(["c0102@example.com"]);
    expect(list.status.smtp).toEqual({ state: "off" });
  });

  it("shows a message as it will arrive, with its invite's key fields in the company zone", async () => {
    const admin = await cookieFor("A0001");
    const page = (await messageLoader({
      request: requestAs(admin, `/outbox/${messageId}`),
      params: { messageId },
      context: { cspNonce: "" },
    })) as Awaited<ReturnType<typeof messageLoader>>;
    expect(page.from.address).toBe("training@jyxh.example.com");
    expect(page.messageId).toBe(`<outbox-${messageId}@jyxh.example.com>`);
    expect(page.invite).toMatchObject({
      method: "CANCEL",
      uid: "session-9@traingate",
      sequence: 3,
      start: "2026-12-10 09:00",
      end: "2026-12-10 12:00",
    });
    expect(page.canSendAgain).toBe(false);
    expect((await show(admin, "nonexistent")).status).toBe(404);
  });

  it("sends a failed message again once, audited; a second click is refused", async () => {
    await db.outboxMessage.update({
      where: { id: messageId },
      data: { status: "FAILED", attempts: 11, lastError: "ECONNREFUSED" },
    });
    const admin = await cookieFor("A0001");
    const [first, second] = await Promise.all([sendAgain(admin), sendAgain(admin)]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "PENDING" });
    const audit = await db.auditEntry.findMany({ where: { action: "mail.sentAgain" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "OutboxMessage", entityId: messageId, reason: "SMTP fixed" });
    expect((await sendAgain(await cookieFor("T0001"))).status).toBe(403);
  });
});
