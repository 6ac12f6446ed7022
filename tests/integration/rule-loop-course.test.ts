// The rule loop's first link: a course lists the call-script rules it teaches and its closing quiz, saved with
// the course and audited; an unknown rule id is refused and nothing changes.
import { describe, expect, it } from "vitest";

import { loader as courseLoader } from "~/routes/_app.courses.$courseId._index";
import { action as editAction, loader as editLoader } from "~/routes/_app.courses.$courseId.edit";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem } from "./course-support";
import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };

const edit = async (courseId: string, form: Record<string, string | string[]>) => {
  const cookie = await cookieFor("T0002");
  return outcome(() =>
    editAction({ request: requestAs(cookie, `/courses/${courseId}/edit`, { form }), params: { courseId }, ...ctx }),
  );
};
const taught = async (courseId: string) =>
  (await db.courseRule.findMany({ where: { courseId }, orderBy: { ruleId: "asc" } })).map((r) => r.ruleId);
const audits = (courseId: string) =>
  db.auditEntry.findMany({ where: { action: "course.rulesChanged", entityId: courseId }, orderBy: { id: "asc" } });

describe("the rules a course teaches", () => {
  it("are saved with a new course and its quiz, audited, and shown on the course page with links", async () => {
    const item = await seededItem();
    const quiz = await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } });
    const created = await (
      await as("T0002")
    ).createCourse(item.id, { ...courseForm(), ruleIds: ["B6", "REC2"], quizId: quiz.id } as never);
    expect(created.status).toBe(302);
    const courseId = idFrom(created.location);
    expect(await taught(courseId)).toEqual(["B6", "REC2"]);
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).quizId).toBe(quiz.id);
    const [entry] = await audits(courseId);
    expect(entry.summary).toMatchObject({ added: ["B6", "REC2"], removed: [], quizAfter: quiz.id });

    const cookie = await cookieFor("T0001");
    const page = await outcome(() =>
      courseLoader({ request: requestAs(cookie, `/courses/${courseId}`), params: { courseId }, ...ctx }),
    );
    const body = page.body as { taught: { rules: Array<{ id: string }>; quiz: { title: string } | null } };
    expect(body.taught.rules.map((r) => r.id)).toEqual(["B6", "REC2"]);
    expect(body.taught.quiz?.title).toBe(quiz.title);

    const form = await outcome(async () =>
      editLoader({
        request: requestAs(await cookieFor("T0002"), `/courses/${courseId}/edit`),
        params: { courseId },
        ...ctx,
      }),
    );
    const loaded = form.body as { defaults: { ruleIds: string[] }; ruleChoices: { rules: unknown[] } };
    expect(loaded.defaults.ruleIds.sort()).toEqual(["B6", "REC2"]);
    expect(loaded.ruleChoices.rules).toHaveLength(await db.callRule.count());
  });

  it("a change is audited once, the same again writes nothing, unknown ids are refused with 400", async () => {
    const item = await seededItem();
    const courseId = idFrom((await (await as("T0002")).createCourse(item.id, courseForm())).location);
    expect(await taught(courseId)).toEqual([]);
    expect(await audits(courseId)).toHaveLength(0);

    expect((await edit(courseId, { ...courseForm(), ruleIds: ["B1", "B3"] })).status).toBe(302);
    expect((await edit(courseId, { ...courseForm(), ruleIds: ["B3", "B1"] })).status).toBe(302);
    expect(await audits(courseId)).toHaveLength(1);
    expect((await edit(courseId, { ...courseForm(), ruleIds: ["B3"] })).status).toBe(302);
    expect((await audits(courseId)).map((a) => a.summary)).toMatchObject([
      { added: ["B1", "B3"] },
      { added: [], removed: ["B1"] },
    ]);

    const refused = await edit(courseId, { ...courseForm(), title: "改了名字", ruleIds: ["B3", "B99"] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: { ruleIds: "course.validation.unknownRule" },
      values: { title: "改了名字", ruleIds: ["B3", "B99"] },
    });
    const badQuiz = await edit(courseId, { ...courseForm(), ruleIds: ["B3"], quizId: "no-such-quiz" });
    expect(badQuiz.status).toBe(400);
    expect(badQuiz.body).toMatchObject({ errors: { quizId: "course.validation.unknownQuiz" } });
    // Nothing changed: not the rules, not the course, no audit entry.
    expect(await taught(courseId)).toEqual(["B3"]);
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).title).toBe(courseForm().title);
    expect(await audits(courseId)).toHaveLength(2);
  });
});
