// What a leave form refuses, with a message in Chinese and nothing recorded: too late, a session the trainee
// does not attend, someone else's name, an attachment that is not an image or PDF or is too big, a head of
// another department; and who may read a form and its attachment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { action as leaveAction, loader as leaveLoader } from "~/routes/_app.leave.$leaveId";
import { action as indexAction } from "~/routes/_app.leave._index";
import { action as newAction, loader as newLoader } from "~/routes/_app.leave.new";
import { loader as attachmentLoader } from "~/routes/leave.$leaveId.attachment";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { BASE, cookieFor, DEMO_AT, outcome, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const ctx = { context: { cspNonce: "" } };
const DAY = 86_400_000;
const zh = serverT("zh-CN");

/** An approved course with one session three days after the demo's day, for these attendees. */
async function courseFor(employeeNos: string[], title = "请假校验课程") {
  const people = await db.person.findMany({
    where: { employeeNo: { in: [...employeeNos, "T0002", "T0001"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  const startsAt = new Date(DEMO_AT.getTime() + 3 * DAY);
  const course = await db.$transaction((tx) =>
    makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title,
      attendeeIds: employeeNos.map((no) => who(no).id),
      sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), location: "培训室 B202" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(DEMO_AT.getTime() - 2 * DAY),
      approvedAt: new Date(DEMO_AT.getTime() - DAY),
    }),
  );
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: course.id } });
  return { sessionId: session.id, startsAt };
}

async function post(employeeNo: string, path: string, fields: Record<string, string>, file?: File) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("attachment", file);
  return new Request(BASE + path, {
    method: "POST",
    headers: { Origin: BASE, Cookie: await cookieFor(employeeNo) },
    body: form,
  });
}

const file = (employeeNo: string, fields: Record<string, string>, attachment?: File) =>
  outcome(async () =>
    newAction({ request: await post(employeeNo, "/leave/new", fields, attachment), params: {}, ...ctx }),
  );
const act = (employeeNo: string, leaveId: string, fields: Record<string, string>) =>
  outcome(async () =>
    leaveAction({ request: await post(employeeNo, `/leave/${leaveId}`, fields), params: { leaveId }, ...ctx }),
  );
const view = (employeeNo: string, leaveId: string) =>
  outcome(async () =>
    leaveLoader({ request: requestAs(await cookieFor(employeeNo), `/leave/${leaveId}`), params: { leaveId }, ...ctx }),
  );
const download = (employeeNo: string, leaveId: string) =>
  outcome(async () =>
    attachmentLoader({
      request: requestAs(await cookieFor(employeeNo), `/leave/${leaveId}/attachment`),
      params: { leaveId },
      ...ctx,
    }),
  );

/** The message a refused form shows, in Chinese. */
function shown(result: { body: unknown }, field: string) {
  const message = (result.body as { errors: Record<string, string> }).errors[field];
  const { key, params } = parseMessage(message);
  return zh(key, params);
}

/** What a refusal must leave as it was: forms, approvals, leave audit entries and to-dos. */
const recorded = () =>
  Promise.all([
    db.leaveRequest.count(),
    db.approval.count({ where: { subjectType: "LeaveRequest" } }),
    db.auditEntry.count({ where: { action: { startsWith: "leave." } } }),
    db.todoItem.count({ where: { kind: { startsWith: "leave." } } }),
  ]);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const REASON = { reasonKind: "ILLNESS", reasonText: "感冒发烧" };

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

describe("filing refused, nothing recorded", () => {
  it("after the session has started", async () => {
    const { sessionId, startsAt } = await courseFor(["C0105"]);
    const before = await recorded();
    freezeClock(startsAt);
    const result = await file("C0105", { sessionId, ...REASON });
    expect(result.status).toBe(400);
    expect(shown(result, "_form")).toBe("该场次已经开始，不能再请假；如有特殊情况请联系培训部文员。");
    expect(await recorded()).toEqual(before);
  });

  it("for a session of a course the trainee does not attend (and its page does not exist for them)", async () => {
    const { sessionId } = await courseFor(["C0106"]);
    const before = await recorded();
    const result = await file("C0105", { sessionId, ...REASON });
    expect(result.status).toBe(400);
    expect(shown(result, "sessionId")).toContain("不在该场次的参训名单上");
    const page = await outcome(async () =>
      newLoader({
        request: requestAs(await cookieFor("C0105"), `/leave/new?sessionId=${sessionId}`),
        params: {},
        ...ctx,
      }),
    );
    expect(page.status).toBe(404);
    expect(await recorded()).toEqual(before);
  });

  it("for someone else: a personId or employeeNo in the form is ignored, the form is the filer's own", async () => {
    const { sessionId } = await courseFor(["C0105", "C0106"]);
    const c0106 = (await db.person.findUniqueOrThrow({ where: { employeeNo: "C0106" } })).id;
    const result = await file("C0105", { sessionId, ...REASON, personId: c0106, employeeNo: "C0106" });
    expect(result.status).toBe(302);
    const forms = await db.leaveRequest.findMany({
      where: { sessionId },
      select: { person: { select: { employeeNo: true } } },
    });
    expect(forms).toEqual([{ person: { employeeNo: "C0105" } }]);
  });

  it("an attachment that is not an image or PDF by its content, whatever its name and type", async () => {
    const { sessionId } = await courseFor(["C0105"]);
    const before = await recorded();
    const fake = new File([new TextEncoder().encode("MZ\x90\x00 this is a program")], "病假条.jpg", {
      type: "image/jpeg",
    });
    const result = await file("C0105", { sessionId, ...REASON }, fake);
    expect(result.status).toBe(400);
    expect(shown(result, "attachment")).toBe("证明材料只能是图片（JPG、PNG、WebP、HEIC）或 PDF 文件。");
    expect((result.body as { values: Record<string, string> }).values).toMatchObject({ reasonText: "感冒发烧" });
    expect(await recorded()).toEqual(before);
  });

  it("an attachment over 5 MB: 413", async () => {
    const { sessionId } = await courseFor(["C0105"]);
    const before = await recorded();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const result = await file("C0105", { sessionId, ...REASON }, new File([big], "scan.png", { type: "image/png" }));
    expect(result.status).toBe(413);
    expect(shown(result, "attachment")).toContain("不能超过 5 MB");
    expect(await recorded()).toEqual(before);
  });

  it("when nobody heads the trainee's department or any above it (the form would wait for no one)", async () => {
    const { sessionId } = await courseFor(["C0105"]);
    await db.roleAssignment.deleteMany({ where: { role: "DEPARTMENT_HEAD", person: { employeeNo: "D0101" } } });
    const before = await recorded();
    const result = await file("C0105", { sessionId, ...REASON });
    expect(result.status).toBe(400);
    expect(shown(result, "_form")).toContain("没有可以审批您请假的部门负责人");
    expect(await recorded()).toEqual(before);
  });

  it("a second form for the same session points to the first", async () => {
    const { sessionId } = await courseFor(["C0105"]);
    const first = await file("C0105", { sessionId, ...REASON });
    const again = await file("C0105", { sessionId, ...REASON });
    expect(again.status).toBe(409);
    const { key, params } = parseMessage((again.body as { errors: Record<string, string> }).errors._form);
    expect(key).toBe("leave.alreadyFiled");
    expect(params).toEqual({ href: first.location });
    expect(await db.leaveRequest.count({ where: { sessionId } })).toBe(1);
  });
});

describe("deciding and reading are scoped", () => {
  async function filedByC0105(attachment?: File) {
    const { sessionId } = await courseFor(["C0105", "C0106"]);
    const result = await file("C0105", { sessionId, ...REASON }, attachment);
    expect(result.status).toBe(302);
    return result.location!.split("/").pop()!;
  }

  it("a head of another department cannot approve or reject (403, nothing recorded) nor see the form", async () => {
    const leaveId = await filedByC0105();
    const before = await db.auditEntry.count();
    for (const intent of ["APPROVE", "REJECT"]) {
      const result = await act("D0201", leaveId, { intent, revision: "1", reason: "不同意" });
      expect(result.status).toBe(403);
      expect(shown(result, "_form")).toBe("您无权执行此操作。");
    }
    expect(await db.auditEntry.count()).toBe(before);
    expect(
      await db.approvalDecision.count({
        where: {
          action: { in: ["APPROVE", "REJECT"] },
          approvalId: (await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } })).approvalId,
        },
      }),
    ).toBe(0);
    expect(
      (await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId }, include: { approval: true } })).approval.state,
    ).toBe("SUBMITTED");
    expect((await view("D0201", leaveId)).status).toBe(404);
    expect((await view("D0101", leaveId)).status).toBe(200);
  });

  it("another agent neither reads nor withdraws the form; an agent cannot approve or acknowledge", async () => {
    const leaveId = await filedByC0105();
    expect((await view("C0106", leaveId)).status).toBe(404);
    expect((await act("C0106", leaveId, { intent: "WITHDRAW", revision: "1" })).status).toBe(403);
    expect((await act("C0105", leaveId, { intent: "APPROVE", revision: "1" })).status).toBe(403);
    const ack = await outcome(async () =>
      indexAction({
        request: requestAs(await cookieFor("C0106"), "/leave?index", { form: { intent: "acknowledge", leaveId } }),
        params: {},
        ...ctx,
      }),
    );
    expect(ack.status).toBe(403);
    expect(
      await db.approvalDecision.count({
        where: { approvalId: (await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } })).approvalId },
      }),
    ).toBe(1);
  });

  it("an approved leave is never reopened", async () => {
    const leaveId = await filedByC0105();
    expect((await act("D0101", leaveId, { intent: "APPROVE", revision: "1" })).status).toBe(302);
    expect((await act("C0105", leaveId, { intent: "REOPEN", revision: "1", reason: "改期" })).status).toBe(403);
    expect(
      (await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId }, include: { approval: true } })).approval.state,
    ).toBe("APPROVED");
  });

  it("the attachment: the requester, the deciding head and the clerks get it as checked; nobody else", async () => {
    const leaveId = await filedByC0105(
      new File([PNG], 'C:\\Users\\me\\病假条".png', { type: "application/octet-stream" }),
    );
    for (const who of ["C0105", "D0101", "T0002", "T0001"]) {
      const result = await download(who, leaveId);
      expect(result.status, who).toBe(200);
      expect(result.headers.get("Content-Type")).toBe("image/png");
      expect(result.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(result.headers.get("Content-Disposition")).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(result.headers.get("Content-Disposition")).not.toMatch(/[\\]|filename="[^"]*"[^;]/);
    }
    for (const who of ["C0106", "D0201"]) expect((await download(who, leaveId)).status, who).toBe(404);

    const pdfLeave = await (async () => {
      const { sessionId } = await courseFor(["C0107"], "PDF 附件课程");
      return (await file("C0107", { sessionId, ...REASON }, new File([PDF], "trip.pdf"))).location!.split("/").pop()!;
    })();
    const pdf = await download("T0002", pdfLeave);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^attachment; filename="trip.pdf"/);
  });
});
