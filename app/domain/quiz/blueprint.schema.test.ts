import { expect, it } from "vitest";

import "~/utils/validation";
import { BlueprintFormSchema, NewQuizFormSchema } from "./blueprint.schema";

const form = {
  code: " b5_review ",
  title: "B5 复习",
  titleEn: "B5 refresher",
  timeLimitMinutes: "10",
  passPercent: "80",
  attemptsPerDay: "3",
  cooldownMinutes: "0",
  active: "on",
  draw_B5: "2",
  draw_B6: "",
};

it("reads the form's draw_<rule> fields as the blueprint's draws and a new quiz's code in capitals", () => {
  expect(NewQuizFormSchema.parse(form)).toMatchObject({
    code: "B5_REVIEW",
    timeLimitMinutes: 10,
    active: true,
    draws: { B5: 2, B6: 0 },
  });
  const { code: _, active: __, ...edit } = form;
  expect(BlueprintFormSchema.parse(edit)).toMatchObject({ active: false, draws: { B5: 2, B6: 0 } });
});

it("a new quiz needs a code of capitals, digits and underscores, starting with a letter", () => {
  const codeError = (code: string) =>
    (NewQuizFormSchema.safeParse({ ...form, code }).error?.issues ?? []).find((i) => i.path[0] === "code")?.message;
  expect(codeError("")).toBe("validation.required");
  for (const bad of ["5X", "B", "B-5", "案件", "A".repeat(31)])
    expect(codeError(bad), bad).toBe("quiz.blueprint.errors.codeFormat");
  for (const good of ["CASE_WORK", "b5", "OPS3_2026"]) expect(codeError(good), good).toBeUndefined();
});

it("a blueprint draws at least one question", () => {
  const result = NewQuizFormSchema.safeParse({ ...form, draw_B5: "0" });
  expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
    ["draws", "quiz.blueprint.errors.noQuestions"],
  ]);
});
