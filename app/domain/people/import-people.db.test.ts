import { expect, test } from "vitest";

import { db } from "~/utils/db.server";

import { makeDepartment, makePerson } from "../../../prisma/seed/factories";

import { importPeople } from "./import-people.server";

const csv = (lines: string[]) => ({ name: "人员.csv", bytes: new TextEncoder().encode(lines.join("\r\n")) });
const HEADER = "工号,姓名,部门,岗位,手机,邮箱,入职日期,状态";

async function seed() {
  return db.$transaction(async (tx) => {
    const col1 = await makeDepartment(tx, { code: "COL1", name: "催收一部" });
    const col2 = await makeDepartment(tx, { code: "COL2", name: "催收二部" });
    const admin = await makePerson(tx, {
      employeeNo: "A0001",
      name: "王建国",
      departmentId: col1.id,
      post: "系统管理员",
      roles: ["ADMIN", "EMPLOYEE"],
    });
    const agent = await makePerson(tx, {
      employeeNo: "C0100",
      name: "赵敏",
      departmentId: col1.id,
      phone: "13700137000",
      passwordHash: "kept",
      roles: ["EMPLOYEE", "LECTURER"],
    });
    return { col1, col2, actor: { id: admin.id, employeeNo: admin.employeeNo }, agent };
  });
}

test("a valid file creates new people, updates existing ones and writes one audit entry", async () => {
  const { col2, actor, agent } = await seed();
  const outcome = await importPeople(
    actor,
    csv([
      HEADER,
      "C0301,王小明,COL1,催收员,13800138000,wxm@example.com,2025-03-03,新入职",
      "c0100,赵敏,催收二部,催收组长,,,2020/5/6,",
      "A0001,王建国,COL1,系统管理员,,,,",
    ]),
  );
  expect(outcome).toEqual({ ok: true, created: 1, updated: 1, unchanged: 1 });

  const created = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0301" }, include: { roles: true } });
  expect(created).toMatchObject({
    name: "王小明",
    post: "催收员",
    status: "NEW_HIRE",
    passwordHash: null,
    mustChangePassword: true,
    hireDate: new Date("2025-03-03T00:00:00Z"),
  });
  expect(created.roles.map((r) => r.role)).toEqual(["EMPLOYEE"]);

  const updated = await db.person.findUniqueOrThrow({ where: { id: agent.id }, include: { roles: true } });
  // The empty phone cell clears the phone; password, roles and the empty status stay as they were.
  expect(updated).toMatchObject({
    departmentId: col2.id,
    post: "催收组长",
    phone: null,
    status: "ACTIVE",
    passwordHash: "kept",
  });
  expect(updated.roles.map((r) => r.role).sort()).toEqual(["EMPLOYEE", "LECTURER"]);

  const audit = await db.auditEntry.findMany();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    action: "people.imported",
    entityType: "PersonImport",
    actorId: actor.id,
    actorEmployeeNo: "A0001",
  });
  expect(audit[0].summary).toEqual({ created: 1, updated: 1, unchanged: 1, fileName: "人员.csv" });
});

test("importing the same file again changes nothing", async () => {
  const { actor } = await seed();
  const file = csv([HEADER, "C0301,王小明,COL1,催收员,13800138000,,2025-03-03,在职"]);
  expect(await importPeople(actor, file)).toMatchObject({ created: 1, updated: 0 });
  expect(await importPeople(actor, file)).toEqual({ ok: true, created: 0, updated: 0, unchanged: 1 });
});

test("a file with one bad row writes nothing at all", async () => {
  const { actor } = await seed();
  const before = {
    people: await db.person.count(),
    audit: await db.auditEntry.count(),
    roles: await db.roleAssignment.count(),
  };
  const outcome = await importPeople(
    actor,
    csv([
      HEADER,
      "C0301,王小明,COL1,催收员,13800138000,,2025-03-03,在职",
      "C0100,赵敏,COL9,催收员,,,,",
      "C0302,李娜,COL2,催收员,,,,",
    ]),
  );
  expect(outcome).toEqual({
    ok: false,
    errors: [{ row: 3, column: "部门", message: 'peopleImport.unknownDepartment::{"value":"COL9"}' }],
  });
  expect({
    people: await db.person.count(),
    audit: await db.auditEntry.count(),
    roles: await db.roleAssignment.count(),
  }).toEqual(before);
  expect(await db.person.findUniqueOrThrow({ where: { employeeNo: "C0100" } })).toMatchObject({
    post: "催收员",
    phone: "13700137000",
  });
});

test("a file that cannot be read is answered with a message, not an error", async () => {
  const { actor } = await seed();
  expect(await importPeople(actor, { name: "people.xls", bytes: new Uint8Array([1, 2, 3]) })).toEqual({
    ok: false,
    errors: [{ row: 0, column: "", message: "peopleImport.wrongFileType" }],
  });
  expect(await db.auditEntry.count()).toBe(0);
});

// Slow (~5 s) on purpose: it proves the largest file allowed fits in one transaction.
test("a full file of 5,000 people is created, then updated, in one go each", async () => {
  const { actor } = await seed();
  const rows = (post: string) =>
    Array.from({ length: 5_000 }, (_, i) => `E${String(i).padStart(5, "0")},员工${i},COL1,${post},,,,`);
  expect(await importPeople(actor, csv([HEADER, ...rows("催收员")]))).toMatchObject({ ok: true, created: 5_000 });
  expect(await importPeople(actor, csv([HEADER, ...rows("外访员")]))).toMatchObject({ ok: true, updated: 5_000 });
  expect(await db.roleAssignment.count({ where: { role: "EMPLOYEE" } })).toBe(5_002);
}, 120_000);

test(
  "an import that moves someone into a collection post, or marks them transferring, " +
    "assigns them the case-work quiz",
  async () => {
    const { col1, actor, agent } = await seed();
    const quiz = await db.quiz.create({
      data: {
        code: "CASE_WORK",
        title: "案件作业资格考核",
        titleEn: "Case-work qualification quiz",
        grantsCertification: true,
        timeLimitMinutes: 30,
        passPercent: 90,
        attemptsPerDay: 3,
        cooldownMinutes: 30,
      },
    });
    const clerk = await db.$transaction((tx) =>
      makePerson(tx, { employeeNo: "K0001", name: "钱丽", departmentId: col1.id, post: "客服专员" }),
    );
    const staysPut = await db.$transaction((tx) =>
      makePerson(tx, { employeeNo: "K0002", name: "孙强", departmentId: col1.id, post: "客服专员" }),
    );

    const outcome = await importPeople(
      actor,
      csv([HEADER, "K0001,钱丽,COL1,外访员,,,,", "C0100,赵敏,COL1,催收员,,,,转岗中", "K0002,孙强,COL1,客服组长,,,,"]),
    );
    expect(outcome).toMatchObject({ ok: true, updated: 3 });

    const assignments = await db.quizAssignment.findMany({
      where: { quizId: quiz.id },
      select: { personId: true, reason: true, doneAt: true },
    });
    expect(assignments.sort((a, b) => a.personId.localeCompare(b.personId))).toEqual(
      [
        { personId: clerk.id, reason: "TRANSFER", doneAt: null },
        { personId: agent.id, reason: "TRANSFER", doneAt: null },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
    expect(
      await db.todoItem.count({
        where: { personId: { in: [clerk.id, agent.id] }, kind: "quizAssigned", doneAt: null },
      }),
    ).toBe(2);
    expect(await db.quizAssignment.count({ where: { personId: staysPut.id } })).toBe(0);

    // Importing the same file again moves nobody, so it assigns nothing anew.
    await db.quizAssignment.updateMany({ data: { doneAt: new Date() } });
    expect(
      await importPeople(actor, csv([HEADER, "K0001,钱丽,COL1,外访员,,,,", "C0100,赵敏,COL1,催收员,,,,转岗中"])),
    ).toMatchObject({ ok: true, updated: 0 });
    expect(await db.quizAssignment.count({ where: { doneAt: null } })).toBe(0);
  },
);
