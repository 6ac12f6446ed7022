// Calls the monthly-plan and course routes as one of the demo company's people (tests/integration).
import { yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { loader as budgetLoader } from "~/routes/_app.budget";
import { action as courseAction, loader as courseLoader } from "~/routes/_app.courses.$courseId._index";
import { action as editAction } from "~/routes/_app.courses.$courseId.edit";
import { action as planAction, loader as planLoader } from "~/routes/_app.monthly-plans.$monthlyPlanId._index";
import { action as itemAction } from "~/routes/_app.monthly-plans.$monthlyPlanId.items.$itemId";
import { action as listAction } from "~/routes/_app.monthly-plans._index";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { nextMonth } from "../../prisma/seed/demo-calendar";

import { BASE, cookieFor, DEMO_AT, outcome, requestAs } from "./support";

const ctx = { context: { cspNonce: "" } };
export const today = companyDate(DEMO_AT, "Asia/Shanghai");
export const YEAR = today.year;
// The month after today's: the demo seed plans this month and the two before and approves next month's
// annual plan (ADR 0013), so next month is free to draft and never in the past. In December it is
// January of next year: tests use its own year, FREE_YEAR_OF_MONTH, never YEAR.
const free = nextMonth(DEMO_AT);
export const FREE_MONTH = free.month;
export const FREE_YEAR_OF_MONTH = free.year;
/** The free month as the month picker sends it ("2027-01"). */
export const FREE_YM = yearMonth(free.year, free.month);
// A created plan or course is answered with a redirect to its page (the notice is a flash, not in the URL).
export const idFrom = (location: string | null) => {
  const [, area, id, ...rest] = location!.split("/");
  if (!["plans", "monthly-plans", "courses"].includes(area) || !id || rest.length > 0 || /[?#]/.test(id))
    throw new Error(`not a page's location: ${location}`);
  return id;
};

const ACKNOWLEDGED = { acknowledged: "on", acknowledgement: "已知悉超预算，按计划提交。" };

export async function as(employeeNo: string) {
  const cookie = await cookieFor(employeeNo);
  const call = <T>(
    fn: (args: never) => Promise<T>,
    path: string,
    params: Record<string, string>,
    form?: Record<string, string | string[]>,
  ) => outcome(() => fn({ request: requestAs(cookie, path, form ? { form } : {}), params, ...ctx } as never));
  return {
    cookie,
    createMonth: (month: string) => call(listAction, "/monthly-plans", {}, { month }),
    saveItem: (planId: string, form: Record<string, string>, itemId = "new") =>
      call(itemAction, `/monthly-plans/${planId}/items/${itemId}`, { monthlyPlanId: planId, itemId }, form),
    decidePlan: (planId: string, intent: string, revision: number, reason?: string) =>
      call(
        planAction,
        `/monthly-plans/${planId}`,
        { monthlyPlanId: planId },
        { intent, revision: String(revision), ...(reason ? { reason } : {}) },
      ),
    viewPlan: async (planId: string) =>
      (await call(planLoader, `/monthly-plans/${planId}`, { monthlyPlanId: planId })).body as Awaited<
        ReturnType<typeof planLoader>
      >,
    createCourse: (itemId: string, form: Record<string, string>) =>
      call(editAction, `/courses/new/edit?item=${itemId}`, { courseId: "new" }, form),
    // Most courses of these tests are over their monthly item's budget (the demo's items have little): a
    // submission acknowledges that as the clerk would, unless the test says otherwise (budget.test.ts).
    course: (courseId: string, form: Record<string, string | string[]>) =>
      call(
        courseAction,
        `/courses/${courseId}`,
        { courseId },
        form.intent === "SUBMIT" && !("acknowledged" in form) ? { ...form, ...ACKNOWLEDGED } : form,
      ),
    /** A course page's form exactly as given. */
    courseAsSent: (courseId: string, form: Record<string, string | string[]>) =>
      call(courseAction, `/courses/${courseId}`, { courseId }, form),
    viewCourse: async (courseId: string) => call(courseLoader, `/courses/${courseId}`, { courseId }),
    upload: (courseId: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append("file", new File([bytes], name));
      const request = new Request(`${BASE}/courses/${courseId}`, {
        method: "POST",
        headers: { Origin: BASE, Cookie: cookie },
        body: form,
      });
      return outcome(() => courseAction({ request, params: { courseId }, ...ctx }));
    },
    budget: async () =>
      (await call(budgetLoader, `/budget?year=${YEAR}`, {})).body as Awaited<ReturnType<typeof budgetLoader>>,
  };
}

export const courseForm = (over: Record<string, string> = {}) => ({
  title: "投诉处理实战演练",
  capacity: "30",
  outline: "投诉录音复盘与情景演练。",
  lecturerKind: "EXTERNAL",
  externalLecturer: "张敏",
  externalOrg: "上海某培训机构",
  externalContact: "021-5555 0000",
  lecturerFee: "1200",
  venueFee: "0",
  materialsFee: "150.50",
  externalFee: "0",
  otherFee: "0",
  ...over,
});

/** The approved current-month plan's compliance item (from the annual plan), from the demo seed. */
export async function seededItem() {
  return db.monthlyPlanItem.findFirstOrThrow({
    // The month's planned item that carries the demo's call-script refreshers.
    where: { plan: { year: YEAR, month: today.month }, planItemId: { not: null }, courses: { some: {} } },
    select: { id: true, budgetFen: true, title: true },
  });
}

export type CoursePage = Awaited<ReturnType<typeof courseLoader>>;
