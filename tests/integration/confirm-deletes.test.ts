// Deleting a plan item or a course session asks first, without JavaScript: the page's
// delete button only unfolds a panel that names what is deleted; the act is the submit inside that panel.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, FREE_YM } from "./course-support";
import { cookieFor, outcome, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

/**
 * Each <details> of the page whose hidden inputs post `intent`, with its summary's text, the panel's text
 * and whether its only submit button is inside it. A delete outside such a panel would be found by the
 * second check.
 */
function deletePanels(html: string, intent: string) {
  const panels = [...html.matchAll(/<details[\s\S]*?<\/details>/g)].map((m) => m[0]);
  const text = (markup: string) =>
    markup
      .replace(/<[^>]+>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, " ")
      .trim();
  return {
    panels: panels
      .filter((p) => p.includes(`name="intent" value="${intent}"`))
      .map((p) => ({
        summary: text(/<summary[^>]*>([\s\S]*?)<\/summary>/.exec(p)![1]),
        text: text(p),
        submitInside: /<button type="submit"/.test(p),
      })),
    // Every form that posts the delete, counted over the whole page.
    forms: html.split(`name="intent" value="${intent}"`).length - 1,
  };
}

describe("deleting asks first", () => {
  it("an annual plan item: the panel names the item and says it cannot be undone", async () => {
    const plan = await db.annualPlan.findUniqueOrThrow({ where: { year: YEAR }, include: { approval: true } });
    const cookie = await cookieFor("T0001");
    const { action } = await import("~/routes/_app.plans.$planId._index");
    const reopened = await outcome(async () =>
      action({
        request: requestAs(cookie, `/plans/${plan.id}`, {
          form: { intent: "REOPEN", revision: String(plan.approval.revision), reason: "调整项目" },
        }),
        params: { planId: plan.id },
        context: { cspNonce: "" },
      }),
    );
    expect(reopened.status).toBe(302);
    const { html } = await renderInLayout(cookie, `/plans/${plan.id}`, "_app.plans.$planId._index");
    const items = await db.planItem.findMany({ where: { planId: plan.id }, select: { title: true } });
    const { panels, forms } = deletePanels(html, "deleteItem");
    expect(panels).toHaveLength(items.length);
    expect(forms).toBe(items.length);
    for (const item of items) {
      const panel = panels.find((p) => p.text.includes(`确认删除“${item.title}”？`));
      expect(panel, item.title).toMatchObject({ summary: expect.stringContaining("删除"), submitInside: true });
      expect(panel!.text).toContain("此操作无法撤销。");
    }
  });

  it("a monthly plan item, in a draft month", async () => {
    const manager = await as("T0001");
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    const items = await db.monthlyPlanItem.findMany({ where: { planId }, select: { title: true } });
    expect(items.length).toBeGreaterThan(0);
    const { html } = await renderInLayout(
      manager.cookie,
      `/monthly-plans/${planId}`,
      "_app.monthly-plans.$monthlyPlanId._index",
    );
    const { panels, forms } = deletePanels(html, "deleteItem");
    expect(panels).toHaveLength(items.length);
    expect(forms).toBe(items.length);
    for (const item of items)
      expect(panels.find((p) => p.text.includes(`确认删除“${item.title}”？`))?.submitInside, item.title).toBe(true);
  });

  it("a session of a draft course, named by its time and place", async () => {
    const clerk = await as("T0002");
    const courseId = idFrom((await clerk.createCourse((await seededItem()).id, courseForm())).location);
    const day = `${YEAR}-${String(today.month).padStart(2, "0")}-11`;
    const added = await clerk.course(courseId, {
      intent: "addSession",
      date: day,
      start: "09:00",
      end: "12:00",
      location: "A302",
    });
    expect(added.status).toBe(302);
    const { html } = await renderInLayout(clerk.cookie, `/courses/${courseId}`, "_app.courses.$courseId._index");
    const { panels, forms } = deletePanels(html, "deleteSession");
    expect(forms).toBe(1);
    expect(panels).toHaveLength(1);
    expect(panels[0]).toMatchObject({ submitInside: true });
    expect(panels[0].text).toMatch(/确认删除“.*09:00.*12:00.*A302”？/);
  });
});
