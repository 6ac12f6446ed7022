// Steps 001–003 end to end with the demo accounts: the year-end survey for next year, the plan
// drafted from it, rejected with a reason, revised, approved and locked.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { freeYear } from "../../prisma/seed/demo-calendar";

import {
  login,
  makeNextYear,
  moveServerClock,
  newPage,
  screenshot,
  serverDayAfter,
  serverNow,
  settled,
} from "./harness";

// The first year the demo company has not planned yet (next year, or the one after in December).
const YEAR = freeYear(await serverNow());
// Surveys are opened for this year and next only: the server's clock moves ahead until YEAR is next year.
beforeAll(() => makeNextYear(YEAR));
afterAll(() => moveServerClock("reset"));

// The layout's one-time message (a flash, role "status"), by its exact text: "计划已批准并锁定。" is not
// the page's own "本计划已批准并锁定。".
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);
const flash = (page: Page, text: string) => page.getByRole("status").filter({ hasText: exactly(text) });

/**
 * Clicks the button, then waits for the page the action leads to (its path; notices are no longer in
 * the URL) AND for the flash it shows. A flash with the same text still shown from the previous action
 * must go first: the redirect often leads back to the same URL.
 */
async function submitAndWait(page: Page, button: string, path: RegExp, message: string) {
  const stale = await flash(page, message).elementHandles();
  await page.getByRole("button", { name: button, exact: true }).click();
  await Promise.all(stale.map((element) => element.waitForElementState("hidden")));
  await page.waitForURL(path);
  await flash(page, message).waitFor();
}

async function fillNeed(
  page: Page,
  need: {
    topic: string;
    category: string;
    people: string;
    headcount: string;
    month: string;
    hours: string;
    cost: string;
    reason: string;
  },
) {
  await page.locator("#topic").fill(need.topic);
  await page.locator("#category").selectOption({ label: need.category });
  await page.locator("#targetPeople").fill(need.people);
  await page.locator("#headcount").fill(need.headcount);
  await page.locator("#hours").fill(need.hours);
  await page.locator("#cost").fill(need.cost);
  await page.locator(`label:has-text("${need.month}") input[type=checkbox]`).check();
  await page.locator("#reason").fill(need.reason);
  await submitAndWait(page, "添加需求", /\/needs\/[^/?#]+\/forms\/[^/?#]+$/, "需求已保存。");
}

async function answerQuestionnaire(employeeNo: string) {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await login(page, employeeNo);
  await page.goto("/home");
  await page.getByRole("link", { name: new RegExp(`${YEAR} 年度《培训需求调查问卷》`) }).click();
  await page.waitForURL(/\/questionnaire\//);
  // Choices made before React has hydrated the page can be reset by hydration: wait for it.
  await settled(page);
  for (const fieldset of await page.locator("form fieldset").all()) {
    const choice = fieldset.locator("input[type=radio], input[type=checkbox]");
    if ((await choice.count()) > 0) await choice.nth(Math.min(3, (await choice.count()) - 1)).check({ force: true });
  }
  await submitAndWait(page, "提交问卷", /\/questionnaire\/[^/?#]+$/, "问卷已提交，谢谢您的参与！");
  await screenshot(page, `plan-loop-questionnaire-${employeeNo}`);
}

test("the year-end survey, the annual plan and its approval, from opening to lock", async () => {
  // 001: the training manager opens next year's survey.
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto("/needs");
  await manager.locator("#year").fill(String(YEAR));
  // Explicit: the default deadline depends on the day the test runs; two weeks ahead is valid on any day.
  await manager.locator("#deadline").fill(await serverDayAfter(14));
  await manager.locator("#requirements").fill("投诉率高的环节必须安排针对性培训。");
  // The button unfolds a confirmation saying whom the survey will ask; the real submit is inside it.
  await manager.locator("summary", { hasText: "发起调查" }).click();
  await submitAndWait(manager, "发起调查", /\/needs\/[^/?#]+$/, "需求调查已发起，相关人员已收到待办。");
  const surveyUrl = new URL(manager.url()).pathname;

  // Department heads find the form in their to-do list and submit their needs.
  for (const [head, need] of [
    [
      "D0101",
      {
        topic: "投诉处理技巧",
        category: "公司内部培训",
        people: "催收员",
        headcount: "20",
        month: "3月",
        hours: "3",
        cost: "0",
        reason: "通话语气类投诉占比最高",
      },
    ],
    [
      "D0201",
      {
        topic: "情绪管理与压力调节",
        category: "公司内部培训",
        people: "催收员",
        headcount: "18",
        month: "4月",
        hours: "2.5",
        cost: "4000",
        reason: "高强度外呼影响情绪与通话质量",
      },
    ],
  ] as const) {
    const page = await newPage();
    await login(page, head);
    await page.goto("/home");
    await page.getByRole("link", { name: new RegExp(`${YEAR} 年度培训需求调查表`) }).click();
    await page.waitForURL(/\/forms\//);
    await fillNeed(page, need);
    await page.locator("summary", { hasText: "提交调查表" }).click();
    await submitAndWait(page, "提交调查表", /\/needs\/[^/?#]+\/forms\/[^/?#]+$/, "调查表已提交。");
    await page.getByText("已提交").first().waitFor();
    await screenshot(page, `plan-loop-needs-${head}`);
  }

  // Agents answer the questionnaire (on a phone).
  await answerQuestionnaire("C0105");
  await answerQuestionnaire("C0205");

  await manager.goto(surveyUrl);
  await manager.getByText("2 / 5", { exact: true }).waitFor();
  await screenshot(manager, "plan-loop-survey");

  // 002: the manager drafts the plan from the needs.
  await manager.goto("/plans");
  await manager.locator("#year").fill(String(YEAR));
  await submitAndWait(manager, "新建年度计划", /\/plans\/[^/?#]+$/, "计划已创建。");
  const planUrl = new URL(manager.url()).pathname;
  for (let i = 0; i < 2; i++) {
    await Promise.all([
      manager.waitForURL(/fromNeed=/),
      manager.getByRole("link", { name: "据此添加项目" }).first().click(),
    ]);
    await manager.locator("#sessions").fill("2");
    await submitAndWait(manager, "保存", /\/plans\/[^/?#]+$/, "培训项目已保存。");
  }
  await manager.getByText("所有已提交的需求都已纳入计划。").waitFor();
  await submitAndWait(manager, "提交审批", /\/plans\/[^/?#]+$/, "计划已提交审批。");

  // 003: the leader rejects it with a reason.
  const leader = await newPage();
  await login(leader, "L0001");
  await leader.goto("/home");
  await leader.getByRole("link", { name: new RegExp(`请审批 ${YEAR} 年度培训计划（第 1 版）`) }).click();
  await leader.waitForURL(new RegExp(planUrl));
  await leader.locator("#reason-REJECT").fill("情绪管理课时太少，请增加场次。");
  await submitAndWait(leader, "退回", /\/plans\/[^/?#]+$/, "计划已退回培训部修改。");
  await leader.getByText("第 2 版").first().waitFor();

  // Back to 002: the manager revises and resubmits revision 2.
  await manager.goto("/home");
  await manager.getByRole("link", { name: /年度培训计划被退回.*情绪管理课时太少/ }).click();
  await manager.waitForURL(new RegExp(planUrl));
  await Promise.all([manager.waitForURL(/\/items\//), manager.getByRole("link", { name: "编辑" }).nth(1).click()]);
  expect(await manager.locator("#title").inputValue()).toBe("情绪管理与压力调节");
  await manager.locator("#sessions").fill("4");
  await submitAndWait(manager, "保存", /\/plans\/[^/?#]+$/, "培训项目已保存。");
  await screenshot(manager, "plan-loop-revised");
  await submitAndWait(manager, "提交审批", /\/plans\/[^/?#]+$/, "计划已提交审批。");

  // The leader sees what changed since the rejected revision, and approves.
  await leader.goto(planUrl);
  await leader.getByRole("heading", { name: "自第 1 版退回以来的变更" }).waitFor();
  await leader.getByText("情绪管理课时太少，请增加场次。").first().waitFor();
  await screenshot(leader, "plan-loop-leader-diff");
  await submitAndWait(leader, "批准", /\/plans\/[^/?#]+$/, "计划已批准并锁定。");
  await leader.getByText("本计划已批准并锁定。").waitFor();

  // Locked: no more editing, and the item form says why.
  await manager.goto(planUrl);
  expect(await manager.getByRole("link", { name: "添加培训项目" }).count()).toBe(0);
  expect(await manager.getByRole("link", { name: "编辑" }).count()).toBe(0);
  await manager.goto(`${planUrl}/items/new`);
  await manager.getByText("计划已提交或已批准，不能修改").waitFor();
  await manager.goto(`${planUrl}/print`);
  await manager.getByRole("heading", { name: "《年度培训计划表》" }).waitFor();
  await manager.getByText("刘海燕").waitFor();
  await screenshot(manager, "plan-loop-print");
});
