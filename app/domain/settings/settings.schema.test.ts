import { expect, it } from "vitest";

import { DEFAULT_SETTINGS, SettingsSchema } from "./settings.schema";

const form = (requizQuestionsPerRule: string) => ({
  ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, String(v)])),
  requizQuestionsPerRule,
});

it("the re-quiz asks 2 questions per changed rule unless the company sets 1 to 5", () => {
  expect(DEFAULT_SETTINGS.requizQuestionsPerRule).toBe(2);
  for (const n of ["1", "3", "5"]) expect(SettingsSchema.parse(form(n)).requizQuestionsPerRule).toBe(Number(n));
  for (const bad of ["0", "6", "2.5", "", "two"]) expect(SettingsSchema.safeParse(form(bad)).success, bad).toBe(false);
});
