// Proves the per-worker test database: rows written in one test are gone in the next.
import { expect, test } from "vitest";

import { db } from "~/utils/db.server";

test("writes a Setting row into the worker's database", async () => {
  expect(process.env.DATABASE_URL).toMatch(/\/traingate_w\d+$/);
  await db.setting.create({ data: { key: "harness.smoke", value: { ok: true, text: "培训" } } });
  const row = await db.setting.findUnique({ where: { key: "harness.smoke" } });
  expect(row?.value).toEqual({ ok: true, text: "培训" });
});

test("each test starts with empty tables", async () => {
  expect(await db.setting.count()).toBe(0);
});
