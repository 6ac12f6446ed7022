// Steps 006–007 through the routes: setting up a course, its clash checks, bad input, and its approval.
import { describe, expect, it } from "vitest";

import { MAX_MATERIAL_BYTES } from "~/domain/course/material-rules";
import { loader as calendarLoader } from "~/routes/_app.calendar";
import { loader as downloadLoader } from "~/routes/courses.$courseId.materials.$materialId";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage, FREE_YM } from "./course-support";
import { cookieFor, flashOf, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const day = (d: number, month = today.month, year = YEAR) =>
  `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const pdf = () => new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n", "latin1"));

async function draftCourse(over: Record<string, string> = {}) {
  const clerk = await as("T0002");
  const created = await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "25", ...over }));
  expect(created.status).toBe(302);
  expect(await flashOf(created)).toMatchObject({ tone: "success", message: "course.notices.created" });
  return { clerk, courseId: idFrom(created.location) };
}
const col1 = async () => (await db.department.findUniqueOrThrow({ where: { code: "COL1" } })).id;
const counts = async (courseId: string) => ({
  sessions: await db.courseSession.count({ where: { courseId } }),
  attendees: await db.courseAttendee.count({ where: { courseId } }),
  materials: await db.courseMaterial.count({ where: { courseId } }),
  audit: await db.auditEntry.count({ where: { entityId: courseId } }),
});
const approvalOf = async (courseId: string) =>
  (await db.course.findUniqueOrThrow({ where: { id: courseId }, include: { approval: true } })).approval;

describe("setting up a course (006)", () => {
  it("attendees by department, status and name; the clerk sees the clashing room, people and seats", async () => {
    const { clerk, courseId } = await draftCourse();
    // The demo's 催收一部 compliance course is in A301 on the 10th, 14:00–17:00.
    expect(
      (
        await clerk.course(courseId, {
          intent: "addSession",
          date: day(10),
          start: "15:00",
          end: "16:30",
          location: "培训室A301",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await clerk.course(courseId, {
          intent: "addSession",
          date: day(11),
          start: "09:00",
          end: "12:00",
          location: "培训室 A302",
        })
      ).status,
    ).toBe(302);
    expect((await clerk.course(courseId, { intent: "addAttendees", departmentId: await col1() })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "addAttendees", status: "NEW_HIRE" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "addAttendees", names: "C0218、K0001" })).status).toBe(302);
    let page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.attendeeCount).toBe(21 + 2 + 2);
    // "培训室A301" as typed is the listed room, printed by its name.
    expect(page.clashes.rooms).toMatchObject([
      { location: "培训室 A301", other: { title: "话术规范与投诉案例复训（催收一部）" } },
    ]);
    expect(page.clashes.people.map((p) => p.person.employeeNo)).toEqual(expect.arrayContaining(["C0101", "C0120"]));
    expect(page.clashes.people.map((p) => p.person.employeeNo)).not.toContain("C0219");
    expect(page.clashes.capacity).toBeNull();

    expect((await clerk.course(courseId, { intent: "addAttendees", names: "K0102" })).status).toBe(302);
    page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.clashes.capacity).toEqual({ kind: "capacity", attendees: 26, capacity: 25 });
    expect(await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).toMatchObject({
      status: 400,
      body: { errors: { _form: "course.overCapacity" } },
    });
    expect(await approvalOf(courseId)).toMatchObject({ state: "DRAFT", revision: 1 });
  });

  it("bad input gets a clear message and saves nothing", async () => {
    const { clerk, courseId } = await draftCourse();
    const before = await counts(courseId);
    const next = today.month === 12 ? { month: 1, year: YEAR + 1 } : { month: today.month + 1, year: YEAR };
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        { intent: "addSession", date: day(11), start: "14:00", end: "13:00", location: "A302" },
        "end",
        "course.validation.endBeforeStart",
      ],
      [
        { intent: "addSession", date: day(3, next.month, next.year), start: "09:00", end: "10:00", location: "A302" },
        "date",
        `course.validation.outsideMonth::{"year":${YEAR},"month":${today.month}}`,
      ],
      [
        { intent: "addSession", date: day(11), start: "25:00", end: "26:00", location: "" },
        "start",
        "course.validation.time",
      ],
      [
        { intent: "addAttendees", names: "C0101 C9999 查无此人" },
        "names",
        'course.validation.unknownAttendees::{"names":"C9999、查无此人"}',
      ],
      [{ intent: "addAttendees" }, "_form", "course.validation.attendeesCriteria"],
    ];
    for (const [form, field, message] of cases) {
      const result = await clerk.course(courseId, form);
      expect(result.status, JSON.stringify(form)).toBe(400);
      expect((result.body as { errors: Record<string, string> }).errors[field]).toBe(message);
    }
    const big = new Uint8Array(MAX_MATERIAL_BYTES + 1);
    big.set(pdf());
    for (const [name, bytes, error] of [
      ["讲义.pdf", big, "course.material.tooLarge"],
      ["setup.exe", pdf(), "course.material.refusedType"],
      ["讲义.pdf", new Uint8Array(Buffer.from("MZ\x90\x00")), "course.material.contentMismatch"],
    ] as const) {
      expect(await clerk.upload(courseId, name, bytes)).toMatchObject({
        status: 400,
        body: { intent: "uploadMaterial", errors: { file: error } },
      });
    }
    expect(await counts(courseId)).toEqual(before);

    const negative = await clerk.createCourse(
      (await seededItem()).id,
      courseForm({ capacity: "-1", lecturerKind: "INTERNAL" }),
    );
    expect(negative).toMatchObject({ status: 400, body: { errors: { capacity: "training.validation.negative" } } });
    expect(
      await db.course.count({
        where: {
          createdById: (await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" } })).id,
          title: courseForm().title,
        },
      }),
    ).toBe(1);
  });

  it("materials are kept with the course and downloaded as attachments by those who may read it", async () => {
    const { clerk, courseId } = await draftCourse();
    const uploaded = await clerk.upload(courseId, "投诉处理讲义.pdf", pdf());
    expect(uploaded).toMatchObject({ status: 302, location: `/courses/${courseId}` });
    expect(await flashOf(uploaded)).toMatchObject({ message: "course.notices.materialUploaded" });
    const material = await db.courseMaterial.findFirstOrThrow({ where: { courseId } });
    expect(material).toMatchObject({
      fileName: "投诉处理讲义.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf().byteLength,
    });
    const download = await downloadLoader({
      request: requestAs(await cookieFor("T0001"), `/courses/${courseId}/materials/${material.id}`),
      params: { courseId, materialId: material.id },
      ...{ context: { cspNonce: "" } },
    });
    expect(download.headers.get("Content-Disposition")).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent("投诉处理讲义.pdf")}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf());
    const agentCookie = await cookieFor("C0101");
    const agent = await outcome(() =>
      downloadLoader({
        request: requestAs(agentCookie, `/courses/${courseId}/materials/${material.id}`),
        params: { courseId, materialId: material.id },
        context: { cspNonce: "" },
      }),
    );
    expect(agent.status).toBe(403);
  });

  it("is refused for an item of a monthly plan not yet approved", async () => {
    const planId = idFrom((await (await as("T0001")).createMonth(FREE_YM)).location);
    const item = await db.monthlyPlanItem.findFirstOrThrow({ where: { planId } });
    expect(await (await as("T0002")).createCourse(item.id, courseForm())).toMatchObject({
      status: 409,
      body: { errors: { _form: "course.monthlyPlanNotApproved" } },
    });
    expect(await db.course.count({ where: { monthlyItemId: item.id } })).toBe(0);
  });
});

describe("approving a course plan (007)", () => {
  async function ready() {
    const { clerk, courseId } = await draftCourse();
    await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "12:00",
      location: "培训室 A302",
    });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106" });
    return { clerk, courseId };
  }

  it("manager rejects with a reason, clerk fixes and resubmits, manager approves, the course locks", async () => {
    const { clerk, courseId } = await ready();
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    expect(
      await db.todoItem.count({ where: { person: { employeeNo: "T0001" }, kind: "course.review", doneAt: null } }),
    ).toBe(1);
    const manager = await as("T0001");
    expect(
      (await manager.course(courseId, { intent: "REJECT", revision: "1", reason: "讲师费偏高，请与机构再议" })).status,
    ).toBe(302);
    const todo = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: "T0002" }, kind: "course.revise", doneAt: null },
    });
    expect(todo.params).toMatchObject({ title: "投诉处理实战演练", reason: "讲师费偏高，请与机构再议" });
    expect(((await clerk.viewCourse(courseId)).body as CoursePage).rejection).toMatchObject({ revision: 1 });
    expect(await approvalOf(courseId)).toMatchObject({ state: "DRAFT", revision: 2 });

    // unrelated draft
    expect((await (await as("T0002")).createCourse((await seededItem()).id, courseForm())).status).toBe(302);
    const { action: edit } = await import("~/routes/_app.courses.$courseId.edit");
    const fixed = await outcome(() =>
      edit({
        request: requestAs(clerk.cookie, `/courses/${courseId}/edit`, { form: courseForm({ lecturerFee: "800" }) }),
        params: { courseId },
        context: { cspNonce: "" },
      }),
    );
    expect(fixed.status).toBe(302);
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "2" })).status).toBe(302);
    expect((await manager.course(courseId, { intent: "APPROVE", revision: "2" })).status).toBe(302);
    expect(await approvalOf(courseId)).toMatchObject({ state: "APPROVED", revision: 2 });
    expect(
      await clerk.course(courseId, {
        intent: "addSession",
        date: day(12),
        start: "09:00",
        end: "10:00",
        location: "A302",
      }),
    ).toMatchObject({ status: 409, body: { errors: { _form: "course.locked" } } });
    const snapshot = await db.approvalDecision.findFirstOrThrow({
      where: { approvalId: (await approvalOf(courseId)).id, revision: 2, action: "SUBMIT" },
    });
    expect(snapshot.snapshot).toMatchObject({ costs: { lecturerFeeFen: 800_00 }, attendeeIds: expect.any(Array) });
  });

  it("of two decisions at once exactly one wins; submitting twice records one submission", async () => {
    const { clerk, courseId } = await ready();
    const twice = await Promise.all([
      clerk.course(courseId, { intent: "SUBMIT", revision: "1" }),
      clerk.course(courseId, { intent: "SUBMIT", revision: "1" }),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([302, 409]);
    const [a, b] = [await as("T0001"), await as("T0001")];
    const race = await Promise.all([
      a.course(courseId, { intent: "APPROVE", revision: "1" }),
      b.course(courseId, { intent: "REJECT", revision: "1", reason: "同时退回" }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.approvalDecision.count({ where: { approvalId: (await approvalOf(courseId)).id } })).toBe(2);
    expect(
      await db.auditEntry.count({
        where: { entityId: courseId, action: { in: ["course.approved", "course.rejected"] } },
      }),
    ).toBe(1);
  });

  it("refused: the manager does not set up, clerk and leader do not approve, an agent sees nothing", async () => {
    const { clerk, courseId } = await ready();
    await clerk.course(courseId, { intent: "SUBMIT", revision: "1" });
    const before = await counts(courseId);
    expect((await (await as("T0001")).course(courseId, { intent: "addAttendees", names: "C0107" })).status).toBe(403);
    for (const no of ["T0002", "L0001", "D0101"])
      expect((await (await as(no)).course(courseId, { intent: "APPROVE", revision: "1" })).status).toBe(403);
    expect((await (await as("C0101")).viewCourse(courseId)).status).toBe(403);
    expect(await counts(courseId)).toEqual(before);
    expect(await approvalOf(courseId)).toMatchObject({ state: "SUBMITTED", revision: 1 });
  });

  it("a department head reads only their department's attendees, not courses their people skip", async () => {
    const { courseId } = await ready();
    const col1Head = (await (await as("D0101")).viewCourse(courseId)).body as CoursePage;
    expect(col1Head.attendees.map((a) => a.employeeNo)).toEqual(["C0105", "C0106"]);
    expect((await (await as("D0201")).viewCourse(courseId)).status).toBe(404);
  });

  it("the month's calendar shows a department head only the sessions their own people attend", async () => {
    const titles = async (employeeNo: string) => {
      const page = await outcome(async () =>
        calendarLoader({
          request: requestAs(await cookieFor(employeeNo), "/calendar"),
          params: {},
          context: { cspNonce: "" },
        }),
      );
      return new Set((page.body as { sessions: Array<{ title: string }> }).sessions.map((s) => s.title));
    };
    // The demo month's transfer course is attended by one agent of 催收二部 only.
    const [all, col1Head, col2Head] = [await titles("T0001"), await titles("D0101"), await titles("D0201")];
    expect([
      all.has("转岗培训：客服转催收"),
      col2Head.has("转岗培训：客服转催收"),
      col1Head.has("转岗培训：客服转催收"),
    ]).toEqual([true, true, false]);
    expect(col1Head.size).toBeGreaterThan(0);
    expect([...col1Head].every((title) => all.has(title))).toBe(true);
  });
});
