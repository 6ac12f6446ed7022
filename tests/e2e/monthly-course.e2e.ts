// Steps 004–007 end to end with the demo accounts: next month's plan drafted from the approved annual
// plan, rejected and approved; a course set up for it, rejected with a reason, fixed and approved.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { nextMonth } from "../../prisma/seed/demo-calendar";

import { login, newPage, screenshot, serverNow, settled } from "./harness";

// The demo seed fills the current month and the two before it; next month is free (in the server's today).
const { year: Y, month: M } = nextMonth(await serverNow());
const day = (d: number) => `${Y}-${String(M).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

// The layout's one-time message (a flash, role "status"), by its exact text: "月度计划已批准并锁定。" is
// not the page's own notice that the plan is locked.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const flash = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

/**
 * Clicks a button that posts, and waits for the page it leads to: its path (notices are no longer in
 * the URL) AND the flash the layout shows. The post and the reload of the page's data are awaited too,
 * since the next URL may equal the current one (two sessions in a row); a flash with the same text left
 * from the previous post must go first.
 */
async function submit(page: Page, name: string, path: RegExp, message: string) {
  const stale = await flash(page, message).elementHandles();
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  const reloaded = page.waitForResponse((r) => r.request().method() === "GET" && r.url().includes(".data"));
  await page.getByRole("button", { name, exact: true }).first().click();
  await Promise.all([posted, reloaded, ...stale.map((element) => element.waitForElementState("hidden"))]);
  await page.waitForURL(path);
  await flash(page, message).waitFor();
  await settled(page);
}

/**
 * Submits a course plan: one over budget (whether it is depends on the month's items) is submitted with the
 * clerk's acknowledgement and reason instead (tests/e2e/budget.e2e.ts tells that story).
 */
async function submitCourse(page: Page) {
  if ((await page.getByRole("button", { name: "确认并提交", exact: true }).count()) === 0)
    return submit(page, "提交审批", /\/courses\/[^/?#]+$/, "课程计划已提交审批。");
  await page.getByRole("checkbox", { name: /我已知悉/ }).check();
  await page.locator("#acknowledgement").fill("讲师费按内训标准，超出部分已报批。");
  await submit(page, "确认并提交", /\/courses\/[^/?#]+$/, "课程计划已提交审批。");
}

async function follow(page: Page, name: string, url: RegExp) {
  await page.getByRole("link", { name, exact: true }).first().click();
  await page.waitForURL(url);
  await settled(page);
}

async function openTodo(page: Page, text: RegExp, url: RegExp) {
  await page.goto("/home");
  await Promise.all([page.waitForURL(url), page.getByRole("link", { name: text }).click()]);
  await settled(page);
}

test("a monthly plan and a course plan, each rejected once and then approved", async () => {
  // 004: the training manager drafts next month from the annual plan and adds the new hires' onboarding.
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto("/monthly-plans");
  await settled(manager);
  expect(await manager.locator("#month").inputValue()).toBe(`${Y}-${String(M).padStart(2, "0")}`);
  await submit(manager, "起草月度计划", /\/monthly-plans\/[^/?#]+$/, "月度计划已创建，已带入年度计划中本月的项目。");
  const planUrl = new URL(manager.url()).pathname;
  // The demo's new hires are in this month's approved onboarding course: not listed again, only counted.
  await manager.getByText("另有 4 人已在已批准的新员工入职培训课程中，不再列出。").waitFor();
  expect(await manager.getByRole("link", { name: "添加新员工入职培训" }).count()).toBe(0);
  // Next month's intake is known by number only: the onboarding item is added by hand.
  await follow(manager, "添加本月项目", /\/items\/new$/);
  await manager.locator("#title").fill(`新员工入职培训（${M}月）`);
  await manager.locator("#category").selectOption({ label: "新员工入职培训" });
  await manager.locator("#targetPeople").fill("下月新入职催收员");
  await manager.locator("#headcount").fill("4");
  await manager.locator("#sessions").fill("2");
  await manager.locator("#unplannedReason").fill("下月预计新入职 4 人，须完成岗前培训。");
  await manager.locator("#budget").fill("600");
  await submit(manager, "保存", /\/monthly-plans\/[^/?#]+$/, "项目已保存。");
  await manager.getByText("计划外").first().waitFor();
  await submit(manager, "提交审批", /\/monthly-plans\/[^/?#]+$/, "月度计划已提交审批。");

  // 005: the approving leader sends it back with a reason, then approves the next revision.
  const leader = await newPage();
  await login(leader, "L0001");
  await openTodo(leader, new RegExp(`请审批 ${Y} 年 ${M} 月培训计划（第 1 版）`), new RegExp(planUrl));
  await leader.locator("#reason-REJECT").fill("新员工培训预算偏低，请按 4 人重新测算。");
  await submit(leader, "退回", /\/monthly-plans\/[^/?#]+$/, "月度计划已退回培训部修改。");

  await openTodo(manager, /月培训计划被退回.*新员工培训预算偏低/, new RegExp(planUrl));
  await Promise.all([manager.waitForURL(/\/items\//), manager.getByRole("link", { name: "编辑" }).last().click()]);
  await settled(manager);
  await manager.locator("#budget").fill("800");
  await submit(manager, "保存", /\/monthly-plans\/[^/?#]+$/, "项目已保存。");
  await submit(manager, "提交审批", /\/monthly-plans\/[^/?#]+$/, "月度计划已提交审批。");
  await leader.goto(planUrl);
  await settled(leader);
  await submit(leader, "批准", /\/monthly-plans\/[^/?#]+$/, "月度计划已批准并锁定。");
  await leader.getByText("本月计划已批准并锁定").waitFor();
  await screenshot(leader, "monthly-plan-approved");

  // 006: the training clerk sets up a course for the month's first item.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto(planUrl);
  await settled(clerk);
  await follow(clerk, "制定课程", /\/courses\/new\/edit/);
  await clerk.locator("#title").fill("话术规范与投诉处理（催收一部 · 新员工）");
  await clerk.locator("#capacity").fill("30");
  await clerk.locator("#outline").fill("一、B1–B17 话术规范；\n二、投诉录音复盘；\n三、情景演练与测验。");
  await clerk.locator("#lecturerId").selectOption({ label: "何文博（T0003 · 内训讲师）" });
  await clerk.locator("#lecturerFee").fill("500");
  await clerk.locator("#venueFee").fill("300");
  await clerk.locator("#materialsFee").fill("200.35");
  await submit(clerk, "保存", /\/courses\/[^/?#]+$/, "课程已创建，请安排场次、添加参训人员和资料。");
  const courseUrl = new URL(clerk.url()).pathname;
  for (const d of [8, 9]) {
    await clerk.locator("#date").fill(day(d));
    await clerk.locator("#start").fill("09:00");
    await clerk.locator("#end").fill("12:00");
    // Internal training is held in a listed room.
    const room = clerk.locator("#roomId option").filter({ hasText: "培训室 A301" });
    await clerk.locator("#roomId").selectOption((await room.getAttribute("value"))!);
    await submit(clerk, "添加场次", /\/courses\/[^/?#]+$/, "场次已添加。");
    await clerk.getByText(`${day(d)} 09:00–12:00`, { exact: true }).waitFor();
  }
  await clerk.locator("#departmentId").selectOption({ label: "催收一部" });
  await submit(clerk, "添加参训人员", /\/courses\/[^/?#]+$/, "参训人员已添加。");
  await clerk.getByText("21 / 30 人").waitFor();
  await clerk.locator("#status").selectOption({ label: "新员工" });
  await submit(clerk, "添加参训人员", /\/courses\/[^/?#]+$/, "参训人员已添加。");
  await clerk.getByText("23 / 30 人").waitFor();
  await clerk
    .locator("#file")
    .setInputFiles({ name: "话术规范讲义.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await submit(clerk, "上传资料", /\/courses\/[^/?#]+$/, "资料已上传。");
  await clerk.getByRole("link", { name: "话术规范讲义.pdf" }).waitFor();
  await clerk.getByText("没有发现时间、场地或人数冲突。").waitFor();
  await screenshot(clerk, "course-setup");
  await submitCourse(clerk);

  // 007: the training manager rejects with a reason; the clerk fixes and resubmits; the manager approves.
  await openTodo(
    manager,
    /请审批课程计划《话术规范与投诉处理（催收一部 · 新员工）》（第 1 版）/,
    new RegExp(courseUrl),
  );
  await manager.locator("#reason-REJECT").fill("讲师费超出内训标准，请调整为 400 元。");
  await submit(manager, "退回", /\/courses\/[^/?#]+$/, "课程计划已退回培训部文员修改。");

  await openTodo(clerk, /课程计划《.*》被退回.*讲师费超出内训标准/, new RegExp(courseUrl));
  await follow(clerk, "修改课程信息", /\/edit$/);
  await clerk.locator("#lecturerFee").fill("400");
  await submit(clerk, "保存", /\/courses\/[^/?#]+$/, "课程信息已保存。");
  await submitCourse(clerk);

  await manager.goto(courseUrl);
  await settled(manager);
  await manager.getByText("讲师费超出内训标准，请调整为 400 元。").first().waitFor();
  await submit(manager, "批准", /\/courses\/[^/?#]+$/, "课程计划已批准并锁定。");
  await manager.getByText("本课程计划已批准并锁定。").waitFor();
  expect(await manager.getByText("¥900.35").count()).toBeGreaterThan(0);
  await screenshot(manager, "course-approved");

  // The month calendar shows both sessions.
  await manager.goto(`/calendar?month=${Y}-${String(M).padStart(2, "0")}`);
  expect(await manager.getByRole("link", { name: /话术规范与投诉处理/ }).count()).toBe(2);
  await screenshot(manager, "course-calendar");
});
