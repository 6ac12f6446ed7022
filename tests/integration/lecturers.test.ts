// Internal lecturers (docs/decisions/0025): the training manager (T0001) marks and unmarks them — the LECTURER
// role — on 内部讲师 or on the person page, as the administrator can; audited; refused to everyone else; an
// unmarking is refused while the person still lectures a course not yet held.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { lecturerChoices } from "~/domain/course/course-queries.server";
import { setRoles } from "~/domain/people/set-roles.server";
import { markLecturer, unmarkLecturer } from "~/domain/scheduling/mark-lecturer.server";
import { action as lecturersAction, loader as lecturersLoader } from "~/routes/_app.lecturers";
import { action as personAction } from "~/routes/_app.people.$personId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import { approvedCourse } from "./course-fixtures";
import {
  cookieFor,
  DEMO_AT,
  demoCompanyBeforeEachTest,
  demoDayAt,
  flashOf,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
} from "./support";

const ctx = { context: { cspNonce: "" } };
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

const actorOf = async (employeeNo: string) => {
  const p = await db.person.findUniqueOrThrow({ where: { employeeNo }, include: { roles: true } });
  return {
    id: p.id,
    employeeNo: p.employeeNo,
    name: p.name,
    departmentId: p.departmentId,
    roles: p.roles.map((r) => r.role),
    headOfDepartmentIds: [],
  };
};
const isLecturer = async (employeeNo: string) =>
  (await db.roleAssignment.count({ where: { person: { employeeNo }, role: "LECTURER" } })) === 1;
const post = async (employeeNo: string, form: Record<string, string>, search = "") =>
  outcome(async () =>
    lecturersAction({
      request: requestAs(await cookieFor(employeeNo), `/lecturers${search}`, { form }),
      params: {},
      ...ctx,
    }),
  );
const onPersonPage = async (employeeNo: string, of: string, lecturer: "mark" | "unmark") => {
  const id = await personId(of);
  return outcome(async () =>
    personAction({
      request: requestAs(await cookieFor(employeeNo), `/people/${id}`, { form: { intent: "lecturer", lecturer } }),
      params: { personId: id },
      ...ctx,
    }),
  );
};
const zh = (error: string) => {
  const { key, params } = parseMessage(error);
  return serverT("zh-CN")(key, params);
};

/** A new in-house course lectured by this person, approved, with one session in 5 days. */
async function upcomingCourseOf(employeeNo: string) {
  return approvedCourse({
    title: "讲师标记测试课程",
    lecturerKind: "INTERNAL",
    lecturerId: await personId(employeeNo),
    sessions: {
      create: [{ startsAt: demoDayAt("09:00", 5), endsAt: demoDayAt("12:00", 5), location: "培训室 A301" }],
    },
  });
}

describe("marking internal lecturers", () => {
  it("the training manager marks an employee: the LECTURER role, audited, offered by the course's picker", async () => {
    const agent = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" } });
    expect((await lecturerChoices("C0101")).map((p) => p.id)).not.toContain(agent.id);
    const done = await post("T0001", { intent: "mark", personId: agent.id }, "?find=C0101");
    expect(done.status).toBe(302);
    expect(done.location).toBe("/lecturers?find=C0101");
    expect((await flashOf(done))?.message).toBe("scheduling.lecturers.notices.marked");
    expect(await isLecturer("C0101")).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "lecturer.marked", entityId: agent.id } });
    expect(audit).toMatchObject({ actorEmployeeNo: "T0001", entityType: "Person" });
    expect((await lecturerChoices("C0101")).map((p) => p.id)).toContain(agent.id);

    // Marked already: told so (409), nothing written twice.
    const again = await post("T0001", { intent: "mark", personId: agent.id });
    expect(again.status).toBe(409);
    expect(zh((again.body as { errors: { _form: string } }).errors._form)).toContain("已经是内部讲师");
    expect(await db.auditEntry.count({ where: { action: "lecturer.marked", entityId: agent.id } })).toBe(1);
  });

  it("of two markings at once exactly one wins; the other gets 409", async () => {
    const manager = await actorOf("T0001");
    const agent = await personId("C0102");
    const results = await Promise.all([
      markLecturer(manager, null, agent),
      markLecturer(manager, null, agent),
      markLecturer(manager, null, agent),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ status: 409 });
    expect(await db.auditEntry.count({ where: { action: "lecturer.marked", entityId: agent } })).toBe(1);
  });

  it("marks nobody who has left or is disabled, and nobody outside the actor's departments", async () => {
    const manager = await actorOf("T0001");
    const agent = await db.person.update({ where: { employeeNo: "C0103" }, data: { status: "LEFT" } });
    const left = await markLecturer(manager, null, agent.id);
    expect(left).toMatchObject({ ok: false });
    expect(zh(!left.ok ? left.error : "")).toContain("已离职或账号已停用");
    // The scope is checked on the server: a person outside the departments given is not found.
    const other = await db.department.findFirstOrThrow({ where: { code: "COL2" } });
    const agent2 = await personId("C0104");
    expect(await markLecturer(manager, [other.id], agent2)).toMatchObject({ ok: false, status: 404 });
    expect(await isLecturer("C0103")).toBe(false);
    expect(await isLecturer("C0104")).toBe(false);
  });

  it("the list shows marked lecturers with search, and finds employees to mark", async () => {
    const cookie = await cookieFor("T0001");
    const load = async (search: string) =>
      (await outcome(() => lecturersLoader({ request: requestAs(cookie, `/lecturers${search}`), params: {}, ...ctx })))
        .body as { lecturers: Array<{ employeeNo: string }>; candidates: Array<{ employeeNo: string }> };
    const all = await load("");
    expect(all.lecturers.map((p) => p.employeeNo)).toEqual(expect.arrayContaining(["T0001", "T0003"]));
    expect((await load("?q=T0003")).lecturers.map((p) => p.employeeNo)).toEqual(["T0003"]);
    expect((await load("?q=nobody-here")).lecturers).toEqual([]);
    expect(all.candidates).toEqual([]);
    const found = await load("?find=C010");
    expect(found.candidates.map((p) => p.employeeNo)).toContain("C0101");
    // Those already marked are not offered again.
    expect((await load("?find=T000")).candidates.map((p) => p.employeeNo)).not.toContain("T0003");
    const page = await renderInLayout(cookie, "/lecturers?find=C0101", "_app.lecturers");
    expect(page.status).toBe(200);
    expect(page.html).toContain("设为内部讲师");
    expect(page.html).toContain("取消讲师标记");
  });
});

describe("unmarking internal lecturers", () => {
  it("is refused (409) while they lecture a course not yet held, naming it; allowed once it is held", async () => {
    // An agent marked as lecturer and given a course (T0003 lectures demo courses of their own).
    const lecturer = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0106" } });
    const lecturerId = lecturer.id;
    expect(await markLecturer(await actorOf("T0001"), null, lecturerId)).toMatchObject({ ok: true });
    const course = await upcomingCourseOf("C0106");
    const refused = await post("T0001", { intent: "unmark", personId: lecturerId });
    expect(refused.status).toBe(409);
    expect(zh((refused.body as { errors: { _form: string } }).errors._form)).toBe(
      `${lecturer.name}仍是 1 门未开课程的讲师：${course.title}。请先为这些课程另选讲师（或取消课程），再取消讲师标记。`,
    );
    expect(await isLecturer("C0106")).toBe(true);
    expect(await db.auditEntry.count({ where: { action: "lecturer.unmarked" } })).toBe(0);
    // The administrator's roles form is held to the same rule.
    const admin = await actorOf("A0001");
    const viaRoles = await setRoles(admin, lecturerId, { roles: ["EMPLOYEE"] });
    expect(viaRoles).toMatchObject({ ok: false, field: "roles" });
    expect(await isLecturer("C0106")).toBe(true);

    // Once every session of the course has ended, the mark can go: audited.
    freezeClock(demoDayAt("12:30", 5));
    const done = await post("T0001", { intent: "unmark", personId: lecturerId });
    expect(done.status).toBe(302);
    expect((await flashOf(done))?.message).toBe("scheduling.lecturers.notices.unmarked");
    expect(await isLecturer("C0106")).toBe(false);
    expect(
      await db.auditEntry.findFirstOrThrow({ where: { action: "lecturer.unmarked", entityId: lecturerId } }),
    ).toMatchObject({ actorEmployeeNo: "T0001" });
    // Unmarked already: 409, not a second entry.
    expect((await post("T0001", { intent: "unmark", personId: lecturerId })).status).toBe(409);
  });

  it("a cancelled course does not hold the mark", async () => {
    expect(await markLecturer(await actorOf("T0001"), null, await personId("C0106"))).toMatchObject({ ok: true });
    const course = await upcomingCourseOf("C0106");
    await db.courseDelivery.upsert({
      where: { courseId: course.id },
      create: { courseId: course.id, state: "CANCELLED" },
      update: { state: "CANCELLED" },
    });
    expect(await unmarkLecturer(await actorOf("T0001"), null, await personId("C0106"))).toMatchObject({ ok: true });
  });
});

describe("on the person page", () => {
  it("the training manager marks and unmarks; the clerk, heads, leaders and agents get 403", async () => {
    const page = await renderInLayout(
      await cookieFor("T0001"),
      `/people/${await personId("C0105")}`,
      "_app.people.$personId",
    );
    expect(page.html).toContain("未标记为内部讲师");
    for (const no of ["T0002", "D0101", "L0001", "G0001", "C0101"]) {
      const refused = await onPersonPage(no, "C0105", "mark");
      expect(refused.status, no).toBe(403);
    }
    expect(await isLecturer("C0105")).toBe(false);
    expect((await onPersonPage("T0001", "C0105", "mark")).status).toBe(302);
    expect(await isLecturer("C0105")).toBe(true);
    expect((await onPersonPage("A0001", "C0105", "unmark")).status).toBe(302);
    expect(await isLecturer("C0105")).toBe(false);
    expect(await db.auditEntry.count({ where: { action: { in: ["lecturer.marked", "lecturer.unmarked"] } } })).toBe(2);
  });
});
