// An attendee rates a course from their to-do list: once, whatever they do; only those who attended are
// asked; a form missing a rating comes back as it was sent, with nothing stored.
import { beforeEach, describe, expect, it } from "vitest";

import { action, loader } from "~/routes/_app.course-surveys.$courseId";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import { answerForm, surveyedCourse } from "./evaluation-fixture";
import {
  cookieFor,
  flashOf,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const zh = serverT("zh-CN");

const view = async (employeeNo: string, courseId: string) =>
  outcome(async () =>
    loader({
      request: requestAs(await cookieFor(employeeNo), `/course-surveys/${courseId}`),
      params: { courseId },
      ...ctx,
    }),
  );
const post = async (employeeNo: string, courseId: string, form: Record<string, string>) => {
  const request = requestAs(await cookieFor(employeeNo), `/course-surveys/${courseId}`, { form });
  return outcome(async () => action({ request, params: { courseId }, ...ctx }));
};
/** What the page shows for a refused form: the message above it, in Chinese. */
const formMessage = (body: unknown) => {
  const { key, params } = parseMessage((body as { errors: Record<string, string> }).errors._form);
  return zh(key, params);
};

let courseId: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  ({ courseId } = await surveyedCourse({
    title: "催收沟通技巧提升",
    lecturer: "T0003",
    attendees: { C0101: "PRESENT", C0102: "LATE", C0103: "ABSENT", C0104: "PRESENT" },
  }));
});

describe("answering the satisfaction survey", () => {
  it("shows the invited attendee the course, its dates and lecturer, and their to-do points here", async () => {
    const page = await view("C0101", courseId);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ course: { title: "催收沟通技巧提升", lecturerName: "何文博" }, answer: null });
    const todo = await db.todoItem.findFirstOrThrow({
      where: { personId: await personId("C0101"), kind: "evaluation.survey", sourceId: courseId },
    });
    expect(todo).toMatchObject({ href: `/course-surveys/${courseId}`, doneAt: null });
    const { html } = await renderInLayout(
      await cookieFor("C0101"),
      `/course-surveys/${courseId}`,
      "_app.course-surveys.$courseId",
    );
    for (const name of ["course", "lecturer", "venue", "usefulness"])
      expect(html.match(new RegExp(`type="radio" name="${name}"`, "g"))).toHaveLength(5);
    expect(html).toContain("场地与组织");
  });

  it("stores one evaluation naming the lecturer, marks the invitation answered, closes the to-do, audits", async () => {
    const answered = await post("C0102", courseId, answerForm([5, 4, 3, 5], "  案例很实用。 "));
    expect(answered.status).toBe(302);
    expect(answered.location).toBe(`/course-surveys/${courseId}`);
    expect(await flashOf(answered)).toMatchObject({ message: "evaluation.survey.thanks" });

    const me = await personId("C0102");
    const stored = await db.courseEvaluation.findMany({ where: { courseId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      personId: me,
      lecturerName: "何文博",
      courseScore: 5,
      lecturerScore: 4,
      venueScore: 3,
      usefulnessScore: 5,
      comment: "案例很实用。",
    });
    const invite = await db.courseSurveyInvite.findUniqueOrThrow({
      where: { courseId_personId: { courseId, personId: me } },
    });
    expect(invite.answeredAt).toEqual(stored[0].submittedAt);
    const todo = await db.todoItem.findFirstOrThrow({
      where: { personId: me, sourceType: "CourseSurvey", sourceId: courseId },
    });
    expect(todo.doneAt).not.toBeNull();
    // Others' to-dos stay open.
    const others = await db.todoItem.count({ where: { sourceType: "CourseSurvey", sourceId: courseId, doneAt: null } });
    expect(others).toBe(2);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "evaluation.submitted", entityId: stored[0].id },
    });
    expect(audit.actorId).toBe(me);
    // The scores stay out of the log.
    expect(JSON.stringify(audit.summary)).not.toMatch(/Score/);

    // The page now thanks them and reads their answer back.
    const page = await view("C0102", courseId);
    expect(page.body).toMatchObject({
      answer: { scores: { course: 5, lecturer: 4, venue: 3, usefulness: 5 }, comment: "案例很实用。" },
    });
    const { html } = await renderInLayout(
      await cookieFor("C0102"),
      `/course-surveys/${courseId}`,
      "_app.course-surveys.$courseId",
    );
    expect(html).toContain("您已于");
    expect(html).not.toContain('type="radio"');
  });

  it("refuses a second answer with a clear message (409) and keeps the first", async () => {
    expect((await post("C0101", courseId, answerForm([4, 4, 4, 4]))).status).toBe(302);
    const again = await post("C0101", courseId, answerForm([1, 1, 1, 1], "改主意了"));
    expect(again.status).toBe(409);
    expect(formMessage(again.body)).toBe("您已提交过对本课程的评价");
    const stored = await db.courseEvaluation.findMany({ where: { courseId } });
    expect(stored.map((e) => e.courseScore)).toEqual([4]);
    expect(await db.auditEntry.count({ where: { action: "evaluation.submitted" } })).toBe(1);
  });

  it("stores exactly one of two answers sent at the same time; the other gets 409", async () => {
    const [a, b] = await Promise.all([
      post("C0104", courseId, answerForm([5, 5, 5, 5])),
      post("C0104", courseId, answerForm([2, 2, 2, 2])),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const loser = a.status === 409 ? a : b;
    expect(formMessage(loser.body)).toBe("您已提交过对本课程的评价");
    expect(await db.courseEvaluation.count({ where: { courseId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "evaluation.submitted" } })).toBe(1);
  });

  it("refuses (403) whoever was not asked: someone not on the course, and an attendee who was absent", async () => {
    for (const employeeNo of ["C0103", "C0105", "D0101"]) {
      expect((await view(employeeNo, courseId)).status, employeeNo).toBe(403);
      const sent = await post(employeeNo, courseId, answerForm([5, 5, 5, 5]));
      expect(sent.status, employeeNo).toBe(403);
      // An incomplete form too: the refusal does not depend on what was sent.
      expect((await post(employeeNo, courseId, { course: "5" })).status, employeeNo).toBe(403);
    }
    expect(await db.courseEvaluation.count({ where: { courseId } })).toBe(0);
    const { html } = await renderInLayout(
      await cookieFor("C0105"),
      `/course-surveys/${courseId}`,
      "_app.course-surveys.$courseId",
    );
    expect(html).toContain("只有参加了本课程的学员才能评价");
  });

  it("answers 404 for a course that does not exist", async () => {
    expect((await view("C0101", "cl0000000000000000000000")).status).toBe(404);
  });

  it("sends back a form missing ratings (400) with what was chosen, and stores nothing", async () => {
    const sent = await post("C0101", courseId, { course: "5", lecturer: "4", comment: "还不错" });
    expect(sent.status).toBe(400);
    const body = sent.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["_form", "usefulness", "venue"]);
    expect(zh(body.errors.venue)).toBe("请选择 1–5 分");
    expect(body.values).toMatchObject({ course: "5", lecturer: "4", comment: "还不错" });

    // A rating out of range and a comment too long are refused the same way.
    const odd = await post("C0101", courseId, answerForm([6, 0, 3, 3], "长".repeat(501)));
    expect(odd.status).toBe(400);
    expect(Object.keys((odd.body as { errors: object }).errors)).toEqual(
      expect.arrayContaining(["course", "lecturer", "comment"]),
    );

    expect(await db.courseEvaluation.count({ where: { courseId } })).toBe(0);
    const me = await personId("C0101");
    expect((await db.courseSurveyInvite.findFirstOrThrow({ where: { courseId, personId: me } })).answeredAt).toBeNull();
    expect(await db.todoItem.count({ where: { personId: me, sourceId: courseId, doneAt: null } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "evaluation.submitted" } })).toBe(0);
  });
});
