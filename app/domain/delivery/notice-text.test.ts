import { describe, expect, it } from "vitest";

import { changeLines, lecturerText, noticeText, sessionLine } from "./notice-text";

const TZ = "Asia/Shanghai";
const session = {
  startsAt: new Date("2026-12-10T01:00:00Z"),
  endsAt: new Date("2026-12-10T04:00:00Z"),
  location: "培训室 A301",
};
const course = { title: "话术规范复训", lecturer: "王老师", bringItems: "笔记本、工牌", sessions: [session] };
const sender = "嘉亿信合培训部";

describe("notice texts", () => {
  it("tells a session's date with its weekday and company time", () => {
    expect(sessionLine("zh-CN", session, TZ)).toBe("2026-12-10（周四）09:00–12:00，培训室 A301");
    expect(sessionLine("en", session, TZ)).toBe("Thu 2026-12-10 09:00–12:00, 培训室 A301");
  });

  it("writes the notice with course, schedule, lecturer and what to bring", () => {
    const n = noticeText("notice", "zh-CN", course, TZ, { sender });
    expect(n.subject).toBe("培训通知：话术规范复训");
    const text = n.personal("张三");
    expect(text).toMatch(/^张三，您好：/);
    for (const part of ["2026-12-10（周四）09:00–12:00，培训室 A301", "讲师：王老师", "请携带：笔记本、工牌"])
      expect(text).toContain(part);
  });

  it("says what changed, old → new, and why", () => {
    const moved = {
      ...session,
      startsAt: new Date("2026-12-10T02:00:00Z"),
      endsAt: new Date("2026-12-10T05:00:00Z"),
      location: "培训室 B202",
    };
    expect(changeLines("zh-CN", { before: session, after: moved }, TZ)).toEqual([
      "时间 2026-12-10（周四）09:00–12:00 → 2026-12-10（周四）10:00–13:00",
      "地点 培训室 A301 → 培训室 B202",
    ]);
    const n = noticeText("update", "zh-CN", { ...course, sessions: [moved] }, TZ, {
      sender,
      reason: "会议室冲突",
      changes: [{ before: session, after: moved }],
    });
    expect(n.subject).toBe("培训变更：话术规范复训");
    expect(n.body).toContain("09:00–12:00 → 2026-12-10（周四）10:00–13:00");
    expect(n.body).toContain("变更原因：会议室冲突");
    expect(changeLines("zh-CN", { before: session, after: session }, TZ)).toEqual([]);
  });

  it("writes the cancellation with its reason, in English for an English reader", () => {
    const n = noticeText("cancel", "en", course, TZ, { sender, reason: "lecturer ill" });
    expect(n.subject).toBe("Training cancelled: 话术规范复训");
    expect(n.body).toContain("Reason: lecturer ill");
  });

  it("asks the lecturer to prepare with outline, materials, attendees and rooms", () => {
    const m = lecturerText(
      "zh-CN",
      { ...course, outline: "一、开场白", materials: ["要点.pdf"], attendeeCount: 12 },
      TZ,
      { name: "王老师", sender },
    );
    expect(m.subject).toBe("授课准备：话术规范复训");
    for (const part of ["参训人数：12 人", "课程资料：要点.pdf", "一、开场白", "培训室 A301"])
      expect(m.text).toContain(part);
  });
});
