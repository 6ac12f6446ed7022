// The company budget end to end: the training manager sets the year's budget, the general manager its cap;
// a course over budget is refused until the clerk acknowledges it with a reason, and the training manager
// deciding it sees the acknowledgement. Looked at on a desktop in Chinese and on a phone in English.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { login, newPage, screenshot, serverNow, settled } from "./harness";

const now = await serverNow();
// The company's today (Shanghai): this month's plan is the demo's approved one.
const local = new Date(now.getTime() + 8 * 3_600_000);
const [Y, M] = [local.getUTCFullYear(), local.getUTCMonth() + 1];
const MM = String(M).padStart(2, "0");
const TITLE = `预算确认演练 ${now.getTime().toString(36)}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The page's language is the reader's choice (the header's toggle), not the browser's. */
async function inEnglish(page: Page) {
  await page.getByText("English", { exact: true }).first().click();
  await page.getByText("中文", { exact: true }).first().waitFor();
  await settled(page);
}
/** The language sticks to the person: put it back, or later stories meet these people in English. */
async function backToChinese(page: Page) {
  await page.getByText("中文", { exact: true }).first().click();
  await page.getByText("English", { exact: true }).first().waitFor();
}
const flash = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

/** Clicks a posting button and waits for the reloaded page and its flash. */
async function submit(page: Page, name: string, message: string) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).first().click();
  await posted;
  await flash(page, message).waitFor();
  await settled(page);
}

test("the year's budget is set, and a course over it is submitted only with an acknowledgement", async () => {
  // The training manager sets this year's budget (desktop, Chinese).
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto(`/budget?year=${Y}`);
  await settled(manager);
  await manager.locator("#amount-amount").fill("26000");
  await submit(manager, "保存", "已保存年度预算。");
  expect(await manager.getByTestId("budget-amount").textContent()).toBe("¥26,000.00");
  await manager.getByText("计划外项目").first().waitFor();
  await screenshot(manager, "budget-page-zh-1280");

  // The general manager sets the cap (phone, English); the training manager's budget may not go above it.
  const gm = await newPage({ viewport: { width: 390, height: 844 }, locale: "en" });
  await login(gm, "G0001");
  await gm.goto(`/budget?year=${Y}`);
  await settled(gm);
  await inEnglish(gm);
  expect(await gm.locator("#amount-amount").count()).toBe(0);
  await gm.locator("#cap-amount").fill("30000");
  await submit(gm, "Save", "General manager's cap saved.");
  expect(await gm.getByTestId("budget-cap").textContent()).toBe("¥30,000.00");
  await screenshot(gm, "budget-page-en-390");
  await backToChinese(gm);

  // The clerk sets up a course far over budget for this month's approved plan.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto("/monthly-plans");
  await clerk
    .getByRole("link", { name: `${Y} 年 ${M} 月培训计划` })
    .first()
    .click();
  await clerk.waitForURL(/\/monthly-plans\/[^/?#]+$/);
  await clerk.getByRole("link", { name: "制定课程" }).first().click();
  await clerk.waitForURL(/\/courses\/new\/edit/);
  await settled(clerk);
  await clerk.locator("#title").fill(TITLE);
  await clerk.locator("#capacity").fill("5");
  await clerk.locator("#outline").fill("预算确认演练。");
  await clerk.locator("#lecturerId").selectOption({ label: "何文博（T0003 · 内训讲师）" });
  await clerk.locator("#lecturerFee").fill("50000");
  await submit(clerk, "保存", "课程已创建，请安排场次、添加参训人员和资料。");
  await clerk.locator("#date").fill(`${Y}-${MM}-28`);
  await clerk.locator("#start").fill("19:00");
  await clerk.locator("#end").fill("20:00");
  // A listed room nobody uses at that hour (internal training is held in the rooms the administrator keeps).
  const room = clerk.locator("#roomId option").filter({ hasText: "培训部小会议室" });
  await clerk.locator("#roomId").selectOption((await room.getAttribute("value"))!);
  await submit(clerk, "添加场次", "场次已添加。");
  await clerk.locator("#names").fill("K0001");
  await submit(clerk, "添加参训人员", "参训人员已添加。");
  const courseUrl = new URL(clerk.url()).pathname;

  // Over budget, the plain submit button is gone: the acknowledgement form says why.
  await clerk.getByText("提交前请确认").waitFor();
  await clerk
    .getByText(/超出总经理上限/)
    .first()
    .waitFor();
  expect(await clerk.getByRole("button", { name: "提交审批", exact: true }).count()).toBe(0);
  const reason = "总经理口头同意：外聘讲师为集团指定，费用由集团补贴一半。";
  await clerk.locator("#acknowledgement").fill(reason);
  const refused = clerk.waitForResponse((r) => r.request().method() === "POST");
  await clerk.getByRole("button", { name: "确认并提交" }).click();
  expect((await refused).status()).toBe(400);
  await clerk.getByText("本课程超出预算或存在冲突：请勾选确认并说明理由后再提交。").waitFor();
  expect(await clerk.locator("#acknowledgement").inputValue()).toBe(reason);
  await screenshot(clerk, "budget-ack-refused-zh-1280");
  await clerk.getByRole("checkbox", { name: /我已知悉/ }).check();
  await submit(clerk, "确认并提交", "课程计划已提交审批。");

  // The training manager decides on a phone in English and sees what was acknowledged and why.
  const approver = await newPage({ viewport: { width: 390, height: 844 }, locale: "en" });
  await login(approver, "T0001");
  await approver.goto(courseUrl);
  await settled(approver);
  await inEnglish(approver);
  await approver.getByText("The drafter acknowledged budget or clashes").waitFor();
  await approver.getByText(`Reason: ${reason}`).waitFor();
  await approver
    .getByText(/over the general manager's cap/)
    .first()
    .waitFor();
  await screenshot(approver, "budget-ack-approver-en-390");
  await backToChinese(approver);
});
