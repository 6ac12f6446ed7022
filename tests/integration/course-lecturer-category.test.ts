// A course of 外部培训 or 集团培训 is taught from outside: an internal lecturer is refused.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { as, courseForm, seededItem } from "./course-support";
import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

describe("the lecturer of a course fits its item's category", () => {
  it("an external training item with an internal lecturer is refused, with an external one accepted", async () => {
    // An item of this month's approved plan, made an external training whatever month the demo is in.
    const item = await db.monthlyPlanItem.update({
      where: { id: (await seededItem()).id },
      data: { category: "EXTERNAL" },
    });
    const clerk = await as("T0002");
    const t3 = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0003" } });
    const internal = courseForm({
      lecturerKind: "INTERNAL",
      lecturerId: t3.id,
      externalLecturer: "",
      externalOrg: "",
      externalContact: "",
    });
    const before = await db.course.count();
    const refused = await clerk.createCourse(item.id, internal);
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Record<string, string> }).errors.lecturerId).toBe(
      "course.validation.outsideLecturer",
    );
    expect(await db.course.count()).toBe(before);
    expect((await clerk.createCourse(item.id, courseForm())).status).toBe(302);
  });
});
