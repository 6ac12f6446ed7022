import ical from "node-ical";
import { describe, expect, it } from "vitest";

import { buildInvite, inviteTemplate, sessionUid } from "./invite";

const ZONE = "Asia/Shanghai";
const base = {
  timeZone: ZONE,
  stamp: new Date("2026-12-01T02:00:00Z"),
  organizer: { name: "嘉亿信合培训部", email: "training@jyxh.example.com" },
  attendee: { name: "张三", email: "zhangsan@example.com" },
};
const event = (over: Partial<Parameters<typeof buildInvite>[0]["events"][number]> = {}) => ({
  uid: sessionUid("s1"),
  sequence: 0,
  // 09:00–12:00 in Shanghai on 10 December.
  startsAt: new Date("2026-12-10T01:00:00Z"),
  endsAt: new Date("2026-12-10T04:00:00Z"),
  location: "培训室 A301",
  summary: "话术规范复训",
  description: "请携带笔记本",
  ...over,
});

function parse(text: string) {
  const data = ical.sync.parseICS(text);
  const events = Object.values(data).filter((c) => c?.type === "VEVENT") as ical.VEvent[];
  const calendar = Object.values(data).find((c) => c?.type === "VCALENDAR") as { method?: string } | undefined;
  return { events, method: calendar?.method ?? (data as { vcalendar?: { method?: string } }).vcalendar?.method, text };
}

describe("buildInvite", () => {
  it("writes a request whose event starts at the right instant in the company time zone", () => {
    const { events, text } = parse(buildInvite({ ...base, method: "REQUEST", events: [event({ sequence: 2 })] }));
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e.start.toISOString()).toBe("2026-12-10T01:00:00.000Z");
    expect(e.end!.toISOString()).toBe("2026-12-10T04:00:00.000Z");
    expect((e.start as Date & { tz?: string }).tz).toBe(ZONE);
    expect(e.uid).toBe("s1@traingate");
    expect(Number(e.sequence)).toBe(2);
    expect(e.location).toBe("培训室 A301");
    expect(text).toMatch(/^METHOD:REQUEST\r$/m);
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r$/m);
    expect(text).toMatch(/^DTSTART;TZID=Asia\/Shanghai:20261210T090000\r$/m);
    expect(text).toMatch(/^DTSTAMP:20261201T020000Z\r$/m);
    expect(text).toMatch(/ORGANIZER;CN="嘉亿信合培训部":mailto:training@jyxh\.example\.com/);
    expect(text.replace(/\r\n /g, "")).toMatch(/ATTENDEE;[^\r]*RSVP=TRUE;CN="张三":MAILTO:zhangsan@example\.com/);
  });

  it("keeps a session at 00:30 Shanghai time on 1 January on 1 January", () => {
    const startsAt = new Date("2026-12-31T16:30:00Z");
    const { events, text } = parse(
      buildInvite({
        ...base,
        method: "REQUEST",
        events: [event({ startsAt, endsAt: new Date("2026-12-31T18:00:00Z") })],
      }),
    );
    expect(text).toMatch(/^DTSTART;TZID=Asia\/Shanghai:20270101T003000\r$/m);
    expect(events[0].start.toISOString()).toBe(startsAt.toISOString());
  });

  it("writes a cancellation with METHOD:CANCEL and a cancelled event", () => {
    const { events, text, method } = parse(
      buildInvite({ ...base, method: "CANCEL", events: [event({ sequence: 3 })] }),
    );
    expect(text).toMatch(/^METHOD:CANCEL\r$/m);
    if (method) expect(method).toBe("CANCEL");
    expect(events[0].status).toBe("CANCELLED");
    expect(Number(events[0].sequence)).toBe(3);
    expect(text).not.toContain("RSVP=TRUE");
  });

  it("gives each person their own attendee line from one template, folded at 75 octets", () => {
    const template = inviteTemplate({
      ...base,
      method: "REQUEST",
      events: [event(), event({ uid: sessionUid("s2") })],
    });
    const long = "欧阳".repeat(20);
    const text = template({ name: long, email: "long@example.com" });
    expect(text.split("\r\n").every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const { events } = parse(text);
    expect(events.map((e) => e.uid).sort()).toEqual(["s1@traingate", "s2@traingate"]);
    expect(text.replace(/\r\n /g, "").match(/MAILTO:long@example\.com/g)).toHaveLength(2);
    expect(template({ name: "李四", email: "li@example.com" })).not.toContain("long@example.com");
    expect(template(null)).not.toContain("ATTENDEE");
  });
});
