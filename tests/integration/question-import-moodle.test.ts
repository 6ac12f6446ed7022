// The GIFT and Moodle XML fixtures imported into the bank: how each question is stored.
import { readFileSync } from "node:fs";

import { beforeEach, describe, expect, it } from "vitest";

import { importQuestions } from "~/domain/quiz/import-questions.server";
import { db } from "~/utils/db.server";

import { personId, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

let actor: { id: string; employeeNo: string };
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  actor = { id: await personId("T0001"), employeeNo: "T0001" };
});

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/moodle/${name}`, import.meta.url))),
});

async function stored(source: string, stem: string) {
  return db.quizQuestion.findFirstOrThrow({
    where: { source, stem: { startsWith: stem } },
    select: {
      kind: true,
      stem: true,
      explanation: true,
      options: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true, isCorrect: true, feedback: true } },
    },
  });
}

describe.each([
  ["questions.gift", "gift"],
  ["questions.xml", "moodle"],
])("importing %s", (name, source) => {
  it("asks before leaving anything out, then stores what it can as Moodle grades it", async () => {
    const before = await db.quizQuestion.count();
    const first = await importQuestions(actor, fixture(name), { defaultRuleId: "B1", skipUnsupported: false });
    expect(first).toMatchObject({ ok: false, needsConfirmation: true });
    expect(await db.quizQuestion.count()).toBe(before);

    const done = await importQuestions(actor, fixture(name), { defaultRuleId: "B1", skipUnsupported: true });
    expect(done.ok).toBe(true);
    expect(done.unsupported.map((u) => u.where)).toEqual(
      expect.arrayContaining(["Partial only", "Image stem", "Short answer", "Capitals", "Grant born", "Biography"]),
    );
    expect(done.unsupported.find((u) => u.where === "Short answer")?.message).toBe(
      "quiz.import.unsupported.types.shortanswer",
    );
    expect(done.unsupported.find((u) => u.where === "Image stem")?.message).toBe("quiz.import.unsupported.media");

    const jesus = await stored(source, "Jesus Christ was from");
    expect(jesus.kind).toBe("SINGLE");
    expect(jesus.options.filter((o) => o.isCorrect).map((o) => o.text)).toEqual(["Nazareth"]);

    const two = await stored(source, "What two people");
    expect(two.kind).toBe("MULTIPLE");
    expect(two.options.filter((o) => o.isCorrect).map((o) => o.text)).toEqual(["Grant", "Grant's wife"]);

    // Feedback lives on the option row, so whatever order an attempt shows the options in, it follows them;
    // no "A./B." letters are written into the explanation.
    const byText = Object.fromEntries(jesus.options.map((o) => [o.text, o.feedback]));
    expect(byText).toMatchObject({
      Galilee: "You need to be more specific.",
      Nazareth: "Yes! That's right!",
      Bethlehem: "He was born here, but not raised here.",
    });
    expect(jesus.explanation).not.toMatch(/(^|\n)[A-F]\. /);
    expect(two.options.find((o) => o.text === "Grant's father")?.feedback).toBe("No, he is buried in Ohio.");

    const entities = await stored(source, "“Quoted”");
    expect(entities.stem).toBe("“Quoted” — one space, 中测 and <tag>");
    expect(entities.options.map((o) => o.text)).toEqual(["“Right” answer", "Wrong…"]);

    expect(await db.quizQuestion.count({ where: { source, stem: { contains: "map" } } })).toBe(0);
    expect(await db.quizQuestion.count({ where: { source, stem: { contains: "Which answer is best" } } })).toBe(0);
  });
});
