import { afterEach, beforeEach, expect, it, vi } from "vitest";

import * as settingsPage from "~/routes/_app.settings";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  flashOf,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "../../../tests/integration/support";

import { DEFAULT_SETTINGS } from "./settings.schema";
import { getSettings, updateSettings } from "./settings.server";

const context = { cspNonce: "" };
let admin: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  admin = await cookieFor("A0001");
});

const post = (fields: Record<string, string>) => {
  const form = { ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, String(v)])), ...fields };
  return outcome(() => settingsPage.action({ request: requestAs(admin, "/settings", { form }), params: {}, context }));
};

it("an administrator sets the re-quiz's questions per changed rule; the change is audited", async () => {
  expect((await getSettings()).requizQuestionsPerRule).toBe(2);
  const saved = await post({ requizQuestionsPerRule: "4" });
  expect(saved).toMatchObject({ status: 302, location: "/settings" });
  expect(await flashOf(saved)).toMatchObject({ tone: "success", message: "common.saved" });
  expect((await getSettings()).requizQuestionsPerRule).toBe(4);
  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "settings.updated" } });
  expect(audit.summary).toMatchObject({ before: { requizQuestionsPerRule: 2 }, after: { requizQuestionsPerRule: 4 } });
  const page = await outcome(() =>
    settingsPage.loader({ request: requestAs(admin, "/settings"), params: {}, context }),
  );
  expect(page.body).toMatchObject({ settings: { requizQuestionsPerRule: 4 } });
});

it("a number outside 1–5 is refused, keeps what was typed and changes nothing", async () => {
  const before = await db.setting.findMany();
  expect(await post({ requizQuestionsPerRule: "6" })).toMatchObject({
    status: 400,
    body: {
      errors: { requizQuestionsPerRule: 'validation.tooBig::{"max":5}' },
      values: { requizQuestionsPerRule: "6" },
    },
  });
  expect(await db.setting.findMany()).toEqual(before);
  expect((await getSettings()).requizQuestionsPerRule).toBe(2);
});

afterEach(() => vi.unstubAllEnvs());

it("the audit's 'before' is what was stored, also when this server's cached copy is older", async () => {
  vi.stubEnv("NODE_ENV", "production");
  expect((await getSettings()).requizQuestionsPerRule).toBe(2); // now cached here for a few seconds
  // Another server process changes the setting meanwhile.
  await db.setting.upsert({
    where: { key: "requizQuestionsPerRule" },
    create: { key: "requizQuestionsPerRule", value: 3 },
    update: { value: 3 },
  });
  await updateSettings(
    { id: await personId("A0001"), employeeNo: "A0001" },
    { ...DEFAULT_SETTINGS, requizQuestionsPerRule: 4 },
  );
  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "settings.updated" } });
  expect(audit.summary).toMatchObject({ before: { requizQuestionsPerRule: 3 }, after: { requizQuestionsPerRule: 4 } });
});
