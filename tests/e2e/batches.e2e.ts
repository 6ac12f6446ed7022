// Batches (ADR 0025): the clerk sets up a course for this month's approved plan, splits its four
// attendees into two batches, each batch's session in another listed room; once approved, each session's
// sign-in sheet lists only its batch.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { companyDate } from "../../app/utils/company-calendar";

import { login, newPage, screenshot, serverNow, settled } from "./harness";

const { year: Y, month: M } = companyDate(await serverNow(), "Asia/Shanghai");
const MM = String(M).padStart(2, "0");
const TITLE = "转岗催收实务（分两批）";
const BATCH_1 = ["C0111", "C0112"];
const BATCH_2 = ["C0113", "C0114"];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const flash = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

/** Clicks a button that posts and waits for the page it leads to and the flash it shows. */
async function submit(page: Page, name: string, message: string) {
  const stale = await flash(page, message).elementHandles();
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).first().click();
  await Promise.all([posted, ...stale.map((element) => element.waitForElementState("hidden"))]);
  await flash(page, message).waitFor();
  await settled(page);
}

async function pickRoom(page: Page, name: string) {
  const option = page.locator("#roomId option").filter({ hasText: name });
  await page.locator("#roomId").selectOption((await option.getAttribute("value"))!);
}

async function sheetLists(page: Page, index: number) {
  await Promise.all([
    page.waitForURL(/sign-in-sheet$/),
    page.getByRole("link", { name: "签到表", exact: true }).nth(index).click(),
  ]);
  await page.getByRole("heading", { name: "培训签到表", exact: true }).waitFor();
  const cells = await page.getByRole("cell").allTextContents();
  return [...BATCH_1, ...BATCH_2].filter((no) => cells.includes(no));
}

test("a course split into two batches in two rooms: each session's sign-in sheet lists its batch", async () => {
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto("/monthly-plans");
  await clerk
    .getByRole("link", { name: `${Y} 年 ${M} 月培训计划` })
    .first()
    .click();
  await clerk.waitForURL(/\/monthly-plans\/[^/?#]+$/);
  await settled(clerk);
  // The month's transfer training (in-house: held in listed rooms).
  const item = clerk
    .locator("div, li, section, article")
    .filter({ hasText: `转岗培训（${M}月）` })
    .filter({ has: clerk.getByRole("link", { name: "制定课程" }) })
    .last();
  await Promise.all([clerk.waitForURL(/\/courses\/new\/edit/), item.getByRole("link", { name: "制定课程" }).click()]);
  await settled(clerk);
  await clerk.locator("#title").fill(TITLE);
  await clerk.locator("#capacity").fill("10");
  await clerk.locator("#outline").fill("催收实务与话术规范，分两批各半天。");
  await clerk.locator("#lecturerId").selectOption({ label: "何文博（T0003 · 内训讲师）" });
  await submit(clerk, "保存", "课程已创建，请安排场次、添加参训人员和资料。");
  const courseUrl = new URL(clerk.url()).pathname;

  for (const [d, room] of [
    ["26", "培训室 A301"],
    ["27", "培训室 A302"],
  ]) {
    await clerk.locator("#date").fill(`${Y}-${MM}-${d}`);
    await clerk.locator("#start").fill("18:30");
    await clerk.locator("#end").fill("20:30");
    await pickRoom(clerk, room);
    await submit(clerk, "添加场次", "场次已添加。");
  }
  await clerk.locator("#names").fill([...BATCH_1, ...BATCH_2].join(" "));
  await submit(clerk, "添加参训人员", "参训人员已添加。");
  await clerk.getByText("4 / 10 人").waitFor();

  // Two batches, split evenly: the earlier session and the first two agents are batch 1.
  await clerk.locator("#batchCount").fill("2");
  await submit(clerk, "平均分配", "分批已保存。");
  const sizes = clerk.getByTestId("batch-sizes");
  await sizes.getByText("第 1 批：2 人，1 场").waitFor();
  await sizes.getByText("第 2 批：2 人，1 场").waitFor();
  const rowBatch = (no: string) => clerk.locator("tr").filter({ hasText: no }).getByRole("combobox").inputValue();
  expect(await Promise.all([...BATCH_1, ...BATCH_2].map(rowBatch))).toEqual(["1", "1", "2", "2"]);
  await screenshot(clerk, "batches-course-1280");
  await clerk.setViewportSize({ width: 390, height: 844 });
  await screenshot(clerk, "batches-course-390");
  await clerk.setViewportSize({ width: 1280, height: 800 });

  // Submitted (with the acknowledgement a course over its item's budget or with clashes needs) and approved.
  if ((await clerk.getByRole("button", { name: "确认并提交", exact: true }).count()) > 0) {
    await clerk.getByRole("checkbox", { name: /我已知悉/ }).check();
    await clerk.locator("#acknowledgement").fill("转岗人员分两批上岗，费用为内训。");
    await submit(clerk, "确认并提交", "课程计划已提交审批。");
  } else await submit(clerk, "提交审批", "课程计划已提交审批。");
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto(courseUrl);
  await settled(manager);
  await submit(manager, "批准", "课程计划已批准并锁定。");

  // The notices page lists both sessions in time order, each with its sign-in sheet.
  await clerk.goto(`${courseUrl}/notices`);
  await settled(clerk);
  expect(await sheetLists(clerk, 0)).toEqual(BATCH_1);
  await screenshot(clerk, "batches-sign-in-sheet-1");
  await clerk.goto(`${courseUrl}/notices`);
  await settled(clerk);
  expect(await sheetLists(clerk, 1)).toEqual(BATCH_2);
  await clerk.getByText("培训室 A302").first().waitFor();
});
