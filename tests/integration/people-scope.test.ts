import { describe, expect, it } from "vitest";

import { loader as personLoader, action as personAction } from "~/routes/_app.people.$personId";
import { loader as listLoader } from "~/routes/_app.people._index";
import { action as newPersonAction } from "~/routes/_app.people.new";
import { db } from "~/utils/db.server";

import { cookieFor, flashOf, outcome, personId, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

type ListBody = { total: number; people: Array<{ employeeNo: string; phone: string }> };

describe("who sees whom", () => {
  it("a department head lists only their own department's people (teams included)", async () => {
    const cookie = await cookieFor("D0101");
    const body = (
      await outcome(() => listLoader({ request: requestAs(cookie, "/people"), params: {}, context: { cspNonce: "" } }))
    ).body as ListBody;
    const numbers = body.people.map((p) => p.employeeNo);
    expect(numbers).toContain("C0101");
    expect(numbers).toContain("C0120");
    expect(numbers.some((n) => n.startsWith("C02") || n.startsWith("K") || n === "A0001")).toBe(false);
    expect(body.total).toBe(21);
  });

  it("a department head cannot open a person of another department, even by id or by filter", async () => {
    const cookie = await cookieFor("D0101");
    const other = await personId("C0201");
    const result = await outcome(() =>
      personLoader({
        request: requestAs(cookie, `/people/${other}`),
        params: { personId: other },
        context: { cspNonce: "" },
      }),
    );
    expect(result.status).toBe(404);
    const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" } });
    const filtered = (
      await outcome(() =>
        listLoader({
          request: requestAs(cookie, `/people?departmentId=${col2.id}`),
          params: {},
          context: { cspNonce: "" },
        }),
      )
    ).body as ListBody;
    expect(filtered.total).toBe(0);
  });

  it("phone numbers leave the server masked in lists", async () => {
    const body = (
      await outcome(async () =>
        listLoader({ request: requestAs(await cookieFor("T0001"), "/people"), params: {}, context: { cspNonce: "" } }),
      )
    ).body as ListBody;
    expect(body.people.length).toBeGreaterThan(0);
    for (const p of body.people) expect(p.phone).toMatch(/^(\d{3}\*{4}\d{4})?$/);
  });
});

describe("editing people", () => {
  const form = (over: Record<string, string> = {}) => ({
    intent: "save",
    employeeNo: "C0101",
    name: "赵艳",
    post: "催收组长",
    phone: "13900001111",
    email: "",
    hireDate: "2024-05-06",
    status: "ACTIVE",
    ...over,
  });

  it("of two administrators saving the same person at once, exactly one wins; the other is told", async () => {
    const id = await personId("C0101");
    const person = await db.person.findUniqueOrThrow({ where: { id } });
    const cookie = await cookieFor("A0001");
    const submit = (name: string) =>
      outcome(() =>
        personAction({
          request: requestAs(cookie, `/people/${id}`, {
            form: form({ name, departmentId: person.departmentId, updatedAt: person.updatedAt.toISOString() }),
          }),
          params: { personId: id },
          context: { cspNonce: "" },
        }),
      );
    const results = await Promise.all([submit("赵艳一"), submit("赵艳二")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const [won, lost] = results.sort((a, b) => a.status - b.status);
    expect(won.location).toBe(`/people/${id}`);
    expect(await flashOf(won)).toMatchObject({ tone: "success", message: "people.notices.saved" });
    expect(lost.body).toMatchObject({ intent: "save", errors: { _form: "errors.conflict" } });
    expect(await db.auditEntry.count({ where: { action: "person.updated", entityId: id } })).toBe(1);
  });

  it("bad input is refused with messages per field, keeps what was typed and writes nothing", async () => {
    const cookie = await cookieFor("A0001");
    const department = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const [people, audits] = [await db.person.count(), await db.auditEntry.count()];
    const result = await outcome(() =>
      newPersonAction({
        request: requestAs(cookie, "/people/new", {
          form: form({
            employeeNo: "C0301",
            name: "",
            phone: "123",
            hireDate: "2026-13-01",
            departmentId: department.id,
          }),
        }),
        params: {},
        context: { cspNonce: "" },
      }),
    );
    expect(result.status).toBe(400);
    const body = result.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["hireDate", "name", "phone"]);
    expect(body.values.employeeNo).toBe("C0301");
    expect([await db.person.count(), await db.auditEntry.count()]).toEqual([people, audits]);
  });

  it("a new person opens on their own page with a one-time message", async () => {
    const cookie = await cookieFor("A0001");
    const department = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const result = await outcome(() =>
      newPersonAction({
        request: requestAs(cookie, "/people/new", { form: form({ employeeNo: "C0301", departmentId: department.id }) }),
        params: {},
        context: { cspNonce: "" },
      }),
    );
    const created = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0301" } });
    expect(result).toMatchObject({ status: 302, location: `/people/${created.id}` });
    expect(await flashOf(result)).toMatchObject({ tone: "success", message: "people.notices.created" });
  });

  it("an administrator's new password for someone: a message, and no password sent back when refused", async () => {
    const cookie = await cookieFor("A0001");
    const id = await personId("C0111");
    const post = (password: string) =>
      outcome(() =>
        personAction({
          request: requestAs(cookie, `/people/${id}`, { form: { intent: "password", password } }),
          params: { personId: id },
          context: { cspNonce: "" },
        }),
      );
    const refused = await post("short");
    expect(refused).toMatchObject({
      status: 400,
      body: { intent: "password", errors: { password: expect.any(String) } },
    });
    expect(JSON.stringify(refused.body)).not.toContain("short");
    expect(await flashOf(await post("temporary-password-1"))).toMatchObject({ message: "people.notices.passwordSet" });
  });

  it("an employee number already in use is refused", async () => {
    const cookie = await cookieFor("A0001");
    const department = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const result = await outcome(() =>
      newPersonAction({
        request: requestAs(cookie, "/people/new", { form: form({ employeeNo: "c0102", departmentId: department.id }) }),
        params: {},
        context: { cspNonce: "" },
      }),
    );
    expect(result.status).toBe(400);
    expect((result.body as { errors: Record<string, string> }).errors.employeeNo).toBe("people.employeeNoTaken");
  });

  it("role changes are audited with before and after", async () => {
    const cookie = await cookieFor("A0001");
    const id = await personId("C0111");
    const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const result = await outcome(() =>
      personAction({
        request: requestAs(cookie, `/people/${id}`, {
          form: {
            intent: "roles",
            roles: ["EMPLOYEE", "DEPARTMENT_HEAD"],
            headOfDepartmentId: col1.id,
            reason: "代理部门负责人",
          },
        }),
        params: { personId: id },
        context: { cspNonce: "" },
      }),
    );
    expect(result).toMatchObject({ status: 302, location: `/people/${id}` });
    expect(await flashOf(result)).toMatchObject({ message: "people.notices.rolesSaved" });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "person.roles_changed", entityId: id } });
    expect(entry.reason).toBe("代理部门负责人");
    expect(JSON.stringify(entry.summary)).toContain("DEPARTMENT_HEAD");
  });
});

describe("a made-up person id", () => {
  const made = "no-such-person";
  const post = async (form: Record<string, string>) =>
    outcome(async () =>
      personAction({
        request: requestAs(await cookieFor("A0001"), `/people/${made}`, { form }),
        params: { personId: made },
        context: { cspNonce: "" },
      }),
    );

  it("setting its password answers 404 and writes nothing", async () => {
    const audits = await db.auditEntry.count();
    expect((await post({ intent: "password", password: "temporary-password-1" })).status).toBe(404);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("disabling or enabling it answers 404 and writes nothing", async () => {
    const audits = await db.auditEntry.count();
    expect((await post({ intent: "access", disabled: "true" })).status).toBe(404);
    expect((await post({ intent: "access", disabled: "false" })).status).toBe(404);
    expect(await db.auditEntry.count()).toBe(audits);
  });
});
