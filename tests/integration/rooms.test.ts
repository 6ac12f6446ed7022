// Rooms and external trainers (docs/decisions/0025): the administrator's lists, sessions in listed rooms
// with their capacity, double-booked rooms in the clash list, the lecturer picker's rules, and the
// migration that turns the places typed so far into rooms.
import { readFileSync, readdirSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { loader as editLoader } from "~/routes/_app.courses.$courseId.edit";
import { action as roomsAction, loader as roomsLoader } from "~/routes/_app.rooms";
import { action as trainersAction } from "~/routes/_app.trainers";
import { db } from "~/utils/db.server";
import { sqlTransaction } from "~/utils/sql.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage } from "./course-support";
import { cookieFor, demoCompanyBeforeEachTest, flashOf, outcome, personId, requestAs } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const errorsOf = (body: unknown) => (body as { errors: Record<string, string> }).errors;
const room = (name: string) => db.room.findFirstOrThrow({ where: { name } });

async function postAs(
  employeeNo: string,
  action: typeof roomsAction | typeof trainersAction,
  path: string,
  form: Record<string, string>,
) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() => action({ request: requestAs(cookie, path, { form }), params: {}, ...ctx } as never));
}

async function draftCourse(over: Record<string, string> = {}) {
  const clerk = await as("T0002");
  const created = await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "40", ...over }));
  expect(created.status).toBe(302);
  return { clerk, courseId: idFrom(created.location) };
}

describe("the administrator's room list", () => {
  it("adds a room, audited; the same room typed otherwise is refused, naming the room", async () => {
    const added = await postAs("A0001", roomsAction, "/rooms", {
      intent: "save",
      name: "培训室 C101",
      capacity: "16",
      equipment: "投影仪",
    });
    expect(added.status).toBe(302);
    expect(await flashOf(added)).toMatchObject({ message: "scheduling.rooms.notices.saved" });
    const created = await room("培训室 C101");
    expect(created).toMatchObject({ nameKey: "c101", capacity: 16, equipment: "投影仪", retiredAt: null });
    expect(await db.auditEntry.count({ where: { entityId: created.id, action: "room.created" } })).toBe(1);

    const before = await db.room.count();
    const twin = await postAs("A0001", roomsAction, "/rooms", { intent: "save", name: " a301 ", capacity: "10" });
    expect(twin.status).toBe(400);
    expect(errorsOf(twin.body).name).toBe('scheduling.rooms.nameTaken::{"name":"培训室 A301"}');
    expect((twin.body as { values: Record<string, string> }).values.capacity).toBe("10");
    expect(await db.room.count()).toBe(before);
  });

  it("only the administrator keeps the lists", async () => {
    const clerk = await postAs("T0002", roomsAction, "/rooms", { intent: "save", name: "C102", capacity: "10" });
    expect(clerk.status).toBe(403);
    const manager = await postAs("T0001", trainersAction, "/trainers", { intent: "save", name: "某", contact: "1" });
    expect(manager.status).toBe(403);
    const page = await outcome(() => roomsLoader({ request: requestAs(null, "/rooms"), params: {}, ...ctx } as never));
    expect(page.status).toBe(302);
    expect(await db.room.count({ where: { name: "C102" } })).toBe(0);
  });

  it("a retired room is no longer offered and cannot be booked; the sessions held there keep it", async () => {
    const a302 = await room("培训室 A302");
    const held = await db.courseSession.count({ where: { roomId: a302.id } });
    expect(held).toBeGreaterThan(0);
    const retired = await postAs("A0001", roomsAction, "/rooms", { intent: "retire", id: a302.id });
    expect(retired.status).toBe(302);
    expect(await db.courseSession.count({ where: { roomId: a302.id } })).toBe(held);
    const { clerk, courseId } = await draftCourse();
    const page = (await clerk.viewCourse(courseId)).body as CoursePage & { rooms: Array<{ id: string }> };
    expect(page.rooms.map((r) => r.id)).not.toContain(a302.id);
    const refused = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "10:00",
      roomId: a302.id,
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).roomId).toBe("validation.invalidChoice");
  });
});

describe("sessions in listed rooms", () => {
  it("a session picks a room and prints the room's name; a place typed is the listed room it names", async () => {
    const { clerk, courseId } = await draftCourse();
    const a302 = await room("培训室 A302");
    const picked = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "10:00",
      roomId: a302.id,
    });
    expect(picked.status).toBe(302);
    const typed = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "10:30",
      end: "11:30",
      location: "a302",
    });
    expect(typed.status).toBe(302);
    const sessions = await db.courseSession.findMany({ where: { courseId }, select: { roomId: true, location: true } });
    expect(sessions).toEqual([
      { roomId: a302.id, location: "培训室 A302" },
      { roomId: a302.id, location: "培训室 A302" },
    ]);
  });

  it("in-house training cannot be held at a place that is not on the list", async () => {
    const { clerk, courseId } = await draftCourse();
    const refused = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "10:00",
      location: "楼下咖啡厅",
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).roomId).toBe('scheduling.rooms.notListed::{"name":"楼下咖啡厅"}');
    const none = await clerk.course(courseId, { intent: "addSession", date: day(11), start: "09:00", end: "10:00" });
    expect(errorsOf(none.body).roomId).toBe("validation.required");
    expect(await db.courseSession.count({ where: { courseId } })).toBe(0);
  });

  it("a room too small for the attendees is refused, whether the session or the attendees come first", async () => {
    const { clerk, courseId } = await draftCourse();
    expect(
      (
        await clerk.course(courseId, {
          intent: "addAttendees",
          names: "C0101 C0102 C0103 C0104 C0105 C0106 C0107 C0108 C0109 C0110 C0111 C0112 C0113",
        })
      ).status,
    ).toBe(302);
    const small = await room("培训部小会议室");
    const refused = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "10:00",
      roomId: small.id,
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).roomId).toBe(
      'scheduling.rooms.tooSmall::{"name":"培训部小会议室","capacity":12,"attendees":13}',
    );
    expect(await db.courseSession.count({ where: { courseId } })).toBe(0);

    await clerk.course(courseId, { intent: "removeAttendee", personId: await personId("C0113") });
    expect(
      (
        await clerk.course(courseId, {
          intent: "addSession",
          date: day(11),
          start: "09:00",
          end: "10:00",
          roomId: small.id,
        })
      ).status,
    ).toBe(302);
    const more = await clerk.course(courseId, { intent: "addAttendees", names: "C0113 C0114" });
    expect(more.status).toBe(400);
    expect(errorsOf(more.body)._form).toBe(
      'scheduling.rooms.tooSmall::{"name":"培训部小会议室","capacity":12,"attendees":14}',
    );
    expect(await db.courseAttendee.count({ where: { courseId } })).toBe(12);
    // Someone already on the list does not count twice.
    expect((await clerk.course(courseId, { intent: "addAttendees", names: "C0101" })).status).toBe(302);
  });

  it("a room booked by two courses at once is in the clash list, named once per other course", async () => {
    const { clerk, courseId } = await draftCourse();
    // The demo's 催收一部 compliance course is in 培训室 A301 on the 10th, 14:00–17:00.
    const a301 = await room("培训室 A301");
    for (const [start, end] of [
      ["14:00", "15:00"],
      ["15:30", "16:30"],
    ])
      expect(
        (await clerk.course(courseId, { intent: "addSession", date: day(10), start, end, roomId: a301.id })).status,
      ).toBe(302);
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.clashes.groups.rooms).toMatchObject([
      { location: "培训室 A301", title: "话术规范与投诉案例复训（催收一部）", sessions: 2, self: false },
    ]);
  });
});

describe("the lecturer picker", () => {
  it("offers employees marked as lecturers, searchable; an employee who is not one is refused", async () => {
    const clerk = await as("T0002");
    const item = await seededItem();
    const all = (
      await outcome(() =>
        editLoader({
          request: requestAs(clerk.cookie, `/courses/new/edit?item=${item.id}`),
          params: { courseId: "new" },
          ...ctx,
        } as never),
      )
    ).body as { people: Array<{ employeeNo: string }>; trainers: Array<{ name: string }> };
    expect(all.people.map((p) => p.employeeNo)).toEqual(["T0001", "T0003"]);
    expect(all.trainers.length).toBeGreaterThanOrEqual(2);
    const searched = (
      await outcome(async () =>
        editLoader({
          request: requestAs(clerk.cookie, `/courses/new/edit?item=${item.id}&title=typed&lecturerSearch=何文`),
          params: { courseId: "new" },
          ...ctx,
        } as never),
      )
    ).body as { people: Array<{ employeeNo: string }>; defaults: Record<string, string> };
    expect(searched.people.map((p) => p.employeeNo)).toEqual(["T0003"]);
    expect(searched.defaults.title).toBe("typed");

    const refused = await clerk.createCourse(
      item.id,
      courseForm({ lecturerKind: "INTERNAL", lecturerId: await personId("T0002") }),
    );
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).lecturerId).toBe("course.validation.notALecturer");
  });

  it("an external course picks a listed trainer, whose name, institution and contact it carries", async () => {
    const trainer = await db.externalTrainer.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { name: "asc" } });
    const { courseId } = await draftCourse({
      externalLecturer: "",
      externalOrg: "",
      externalContact: "",
      trainerId: trainer.id,
    });
    expect(await db.course.findUniqueOrThrow({ where: { id: courseId } })).toMatchObject({
      trainerId: trainer.id,
      externalLecturer: trainer.name,
      externalContact: trainer.contact,
    });
  });
});

describe("the rooms migration", () => {
  it("makes one room of places typed differently, links company sessions, leaves outside venues", async () => {
    const { clerk, courseId } = await draftCourse();
    const a = await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "10:00",
      roomId: (await room("培训室 A302")).id,
    });
    expect(a.status).toBe(302);
    // As an installation before rooms had them: places typed by hand, no rooms, no trainers.
    const sessions = await db.courseSession.findMany({ where: { courseId }, select: { id: true } });
    await db.courseSession.update({ where: { id: sessions[0].id }, data: { location: " a302 " } });
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { monthlyItemId: true } });
    const other = await db.courseSession.findFirstOrThrow({
      where: {
        course: {
          monthlyItemId: { not: course.monthlyItemId },
          monthlyItem: { category: { notIn: ["EXTERNAL", "GROUP"] } },
        },
        roomId: (await room("培训室 A302")).id,
      },
      select: { id: true, location: true },
    });
    expect(other.location).toBe("培训室 A302");
    await db.courseSession.updateMany({ data: { roomId: null } });
    await db.course.updateMany({ data: { trainerId: null } });
    await db.room.deleteMany();
    await db.externalTrainer.deleteMany();

    const dir = "prisma/migrations";
    const file = readdirSync(dir).find((d) => d.endsWith("_rooms_and_external_trainers"))!;
    const migration = readFileSync(`${dir}/${file}/migration.sql`, "utf8");
    const data = migration.slice(migration.indexOf("-- Data:"));
    await sqlTransaction(async (client) => {
      for (const statement of data.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim()))
        await client.query(statement);
    });

    const rooms = await db.room.findMany({ where: { nameKey: "a302" } });
    expect(rooms).toMatchObject([{ name: "培训室 A302" }]);
    const linked = await db.courseSession.findMany({
      where: { id: { in: [sessions[0].id, other.id] } },
      select: { roomId: true, location: true },
    });
    expect(linked.map((s) => s.roomId)).toEqual([rooms[0].id, rooms[0].id]);
    // What was printed and invited is left as typed.
    expect(linked.map((s) => s.location).sort()).toEqual([" a302 ", "培训室 A302"].sort());
    const outside = await db.courseSession.count({
      where: { course: { monthlyItem: { category: { in: ["EXTERNAL", "GROUP"] } } }, roomId: { not: null } },
    });
    expect(outside).toBe(0);
    expect(await db.externalTrainer.count()).toBeGreaterThan(0);
    expect(
      await db.course.count({ where: { lecturerKind: "EXTERNAL", externalLecturer: { not: null }, trainerId: null } }),
    ).toBe(0);
  });
});
