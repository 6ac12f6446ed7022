import { describe, expect, it } from "vitest";

import { afterFailure, cronEvery, describeSendError, messageIdFor, wireMessage } from "./delivery-rules";

const row = {
  id: "cm0abc",
  toAddress: "c0101@example.com",
  toName: "张三",
  subject: "培训通知",
  text: "请参加",
  html: null,
  icsMethod: null,
  ics: null,
};
const sender = { name: "嘉亿信合培训部", address: "training@jyxh.example.com" };

describe("a queued message on the wire", () => {
  it("comes from the company's sender with a Message-ID derived from the outbox id", () => {
    expect(wireMessage(row, sender)).toEqual({
      messageId: "<outbox-cm0abc@jyxh.example.com>",
      from: sender,
      to: { name: "张三", address: "c0101@example.com" },
      subject: "培训通知",
      text: "请参加",
      headers: { "X-TrainGate-Outbox-Id": "cm0abc" },
    });
    expect(messageIdFor("x", "no-domain")).toBe("<outbox-x@traingate.local>");
  });

  it("carries the invite as a calendar event with its method, and the html when there is one", () => {
    const message = wireMessage({ ...row, html: "<p>请参加</p>", icsMethod: "CANCEL", ics: "BEGIN:VCALENDAR" }, sender);
    expect(message.icalEvent).toEqual({ method: "CANCEL", content: "BEGIN:VCALENDAR", filename: "invite.ics" });
    expect(message.html).toBe("<p>请参加</p>");
  });
});

describe("failures", () => {
  it("are retried until pg-boss's retry limit, then FAILED", () => {
    expect(afterFailure(0, 10)).toBe("retry");
    expect(afterFailure(9, 10)).toBe("retry");
    expect(afterFailure(10, 10)).toBe("failed");
    expect(afterFailure(0, 0)).toBe("failed");
  });

  it("are recorded as one short line with the code, and no login from a URL", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525\n    at stack"), { code: "ESOCKET" });
    expect(describeSendError(error)).toBe("ESOCKET: connect ECONNREFUSED 127.0.0.1:2525");
    expect(describeSendError(new Error("bad smtp://user:hunter2@host:25"))).toBe("bad smtp://host:25");
    expect(describeSendError("x".repeat(900))).toHaveLength(500);
  });
});

describe("periodic jobs", () => {
  it("run on a cron line for every N minutes or whole hours", () => {
    expect(cronEvery(1)).toBe("* * * * *");
    expect(cronEvery(15)).toBe("*/15 * * * *");
    expect(cronEvery(60)).toBe("0 * * * *");
    expect(cronEvery(180)).toBe("0 */3 * * *");
    expect(cronEvery(1440)).toBe("0 0 * * *");
    expect(() => cronEvery(0)).toThrow();
    expect(() => cronEvery(90)).toThrow();
  });
});
