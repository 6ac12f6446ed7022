import { afterEach, describe, expect, it } from "vitest";

import { setDisabled, setPasswordByAdmin } from "~/domain/people/set-access.server";
import { getCurrentUser } from "~/utils/auth.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { readSessionToken } from "~/utils/session.server";

import { DEMO_PASSWORD } from "../../../prisma/seed/demo";
import { cookieFor, personId, requestAs, seedDemoCompany } from "../../../tests/integration/support";

import { changeOwnPassword } from "./change-password.server";
import { logout } from "./logout.server";

afterEach(() => setClock(null));
const user = (cookie: string) => getCurrentUser(requestAs(cookie, "/home"));

describe("sessions on the server", () => {
  it("end after 30 idle minutes and are deleted", async () => {
    await seedDemoCompany();
    freezeClock("2026-03-02T01:00:00Z");
    const cookie = await cookieFor("C0101");
    freezeClock("2026-03-02T01:29:00Z");
    expect((await user(cookie))?.employeeNo).toBe("C0101");
    freezeClock("2026-03-02T01:58:59Z");
    expect((await user(cookie))?.employeeNo).toBe("C0101");
    freezeClock("2026-03-02T02:29:00Z");
    expect(await user(cookie)).toBeNull();
    expect(await db.session.count()).toBe(0);
  });

  it("end 12 hours after sign-in however active", async () => {
    await seedDemoCompany();
    freezeClock("2026-03-02T00:00:00Z");
    const cookie = await cookieFor("C0102");
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      freezeClock(new Date(Date.parse("2026-03-02T00:00:00Z") + minutes * 60_000));
      expect(await user(cookie)).not.toBeNull();
    }
    freezeClock("2026-03-02T12:00:00Z");
    expect(await user(cookie)).toBeNull();
  });

  it("logout ends the session on the server", async () => {
    await seedDemoCompany();
    const cookie = await cookieFor("C0103");
    await logout(await readSessionToken(requestAs(cookie, "/logout")), null);
    expect(await user(cookie)).toBeNull();
  });

  it("disabling a person ends every session they have", async () => {
    await seedDemoCompany();
    const [a, b] = [await cookieFor("C0104"), await cookieFor("C0104")];
    await setDisabled({ id: await personId("A0001"), employeeNo: "A0001" }, await personId("C0104"), true);
    expect(await user(a)).toBeNull();
    expect(await user(b)).toBeNull();
  });

  it("a password change ends the other sessions and keeps the person signed in with a new one", async () => {
    await seedDemoCompany();
    const other = await cookieFor("C0105");
    const id = await personId("C0105");
    const result = await changeOwnPassword(
      { id, employeeNo: "C0105" },
      { currentPassword: DEMO_PASSWORD, newPassword: "a-brand-new-secret" },
    );
    expect(result.ok).toBe(true);
    expect(await user(other)).toBeNull();
    expect(await db.session.count({ where: { personId: id } })).toBe(1);
  });

  it(
    "a password set by an administrator must be changed, and " + "shows in the person's to-do list until it is",
    async () => {
      await seedDemoCompany();
      const id = await personId("C0106");
      await setPasswordByAdmin({ id: await personId("A0001"), employeeNo: "A0001" }, id, "temporary-password-1");
      const person = await db.person.findUniqueOrThrow({ where: { id } });
      expect(person.mustChangePassword).toBe(true);
      expect(await db.todoItem.count({ where: { personId: id, kind: "changePassword", doneAt: null } })).toBe(1);
      await changeOwnPassword(
        { id, employeeNo: "C0106" },
        { currentPassword: "temporary-password-1", newPassword: "my-own-secret-123" },
      );
      expect(await db.todoItem.count({ where: { personId: id, kind: "changePassword", doneAt: null } })).toBe(0);
      expect((await db.person.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(false);
    },
  );

  it("a new password may not contain the employee number", async () => {
    await seedDemoCompany();
    const id = await personId("C0107");
    expect(
      await changeOwnPassword(
        { id, employeeNo: "C0107" },
        { currentPassword: DEMO_PASSWORD, newPassword: "xx-c0107-password" },
      ),
    ).toMatchObject({ ok: false, error: "auth.passwordContainsEmployeeNo" });
  });
});
