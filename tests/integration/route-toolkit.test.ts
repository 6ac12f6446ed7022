// The route toolkit seen from outside: flash messages in a cookie, shown once by the layout, and
// errors of a page shown inside the layout (docs/decisions/0011-route-toolkit.md).
import { beforeEach, describe, expect, it } from "vitest";

import { DEFAULT_SETTINGS } from "~/domain/settings/settings.schema";
import { loader as layoutLoader } from "~/routes/_app";
import * as departmentsPage from "~/routes/_app.departments";
import * as settingsPage from "~/routes/_app.settings";
import * as passwordPage from "~/routes/password";
import { db } from "~/utils/db.server";

import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";

import {
  cookieFor,
  flashCookieOf,
  flashOf,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };
let admin: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  admin = await cookieFor("A0001");
});

const saveSettings = () => {
  const form = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, String(v)]));
  return outcome(() => settingsPage.action({ request: requestAs(admin, "/settings", { form }), params: {}, context }));
};

describe("a flash message", () => {
  it("rides on the redirect in a cookie, not in the URL", async () => {
    const saved = await saveSettings();
    expect(saved).toMatchObject({ status: 302, location: "/settings" });
    expect(await flashOf(saved)).toMatchObject({ tone: "success", message: "common.saved" });
  });

  it("is shown by the layout on the next page and cleared in the same answer; a reload shows nothing", async () => {
    const withFlash = `${admin}; ${flashCookieOf(await saveSettings())}`;
    const next = await outcome(() => layoutLoader({ request: requestAs(withFlash, "/settings"), params: {}, context }));
    expect(next.body).toMatchObject({ flash: { tone: "success", message: "common.saved" } });
    expect(next.headers.get("Set-Cookie")).toMatch(/^tg_flash=;.*Max-Age=0/);

    const reload = await outcome(() => layoutLoader({ request: requestAs(admin, "/settings"), params: {}, context }));
    expect(reload.body).toMatchObject({ flash: null });
    expect(reload.headers.has("Set-Cookie")).toBe(false);
  });

  it("appears on the rendered page, in the page's language", async () => {
    const withFlash = `${admin}; ${flashCookieOf(await saveSettings())}`;
    expect((await renderInLayout(withFlash, "/settings", "_app.settings")).html).toMatch(/role="status"[^>]*>已保存</);
    expect((await renderInLayout(withFlash, "/settings", "_app.settings", "en")).html).toMatch(
      /role="status"[^>]*>Saved</,
    );
    expect((await renderInLayout(admin, "/settings", "_app.settings")).html).not.toContain('role="status"');
  });

  it("a forged flash cookie shows nothing", async () => {
    const flash = Buffer.from(JSON.stringify({ id: "1", tone: "error", message: "auth.locked" })).toString("base64");
    const forged = `tg_flash=${flash}`;
    const next = await outcome(() =>
      layoutLoader({ request: requestAs(`${admin}; ${forged}`, "/home"), params: {}, context }),
    );
    expect(next.body).toMatchObject({ flash: null });
  });

  it("changing one's own password leads home with a message and a new session", async () => {
    const cookie = await cookieFor("C0101");
    const form = {
      currentPassword: DEMO_PASSWORD,
      newPassword: "my-own-secret-2026",
      confirmPassword: "my-own-secret-2026",
    };
    const changed = await outcome(() =>
      passwordPage.action({ request: requestAs(cookie, "/password", { form }), params: {}, context }),
    );
    expect(changed).toMatchObject({ status: 302, location: "/home" });
    expect(await flashOf(changed)).toMatchObject({ message: "auth.passwordChanged" });
    expect(changed.headers.getSetCookie().some((c) => c.startsWith("tg_session="))).toBe(true);
  });
});

describe("an error inside the signed-in layout", () => {
  it("a made-up person id: 404 in the page, with the navigation still around it", async () => {
    const page = await renderInLayout(admin, "/people/no-such-person", "_app.people.$personId");
    expect(page.status).toBe(404);
    expect(page.html).toContain('aria-label="主导航"');
    expect(page.html).toContain("页面不存在。");
  });

  it("a page the person may not open: 403 in the page, with the navigation still around it", async () => {
    const page = await renderInLayout(await cookieFor("C0101"), "/departments", "_app.departments", "en");
    expect(page.status).toBe(403);
    expect(page.html).toContain('aria-label="Main navigation"');
    expect(page.html).toContain("You may not open this page.");
  });
});

describe("one mapping of outcomes to answers", () => {
  const post = (form: Record<string, string>) =>
    outcome(() => departmentsPage.action({ request: requestAs(admin, "/departments", { form }), params: {}, context }));

  it("a refusal comes back under the form with what was typed; nothing is written", async () => {
    const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const audits = await db.auditEntry.count();
    const refused = await post({
      intent: "delete",
      id: col1.id,
      name: col1.name,
      code: col1.code,
      kind: col1.kind,
      sortOrder: "0",
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { intent: "delete", errors: { _form: "departments.notEmpty" }, values: { code: "COL1" } },
    });
    expect(await flashOf(refused)).toBeNull();
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("a made-up id answers 404, and an unknown intent is refused", async () => {
    expect((await post({ intent: "delete", id: "no-such-department" })).status).toBe(404);
    expect(await post({ intent: "explode" })).toMatchObject({
      status: 400,
      body: { intent: "explode", errors: { _form: expect.any(String) } },
    });
  });
});
