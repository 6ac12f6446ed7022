// Steps 004–007 end to end with the demo accounts: next month's plan drafted from the approved annual
// plan, rejected and approved; a course set up for it, rejected with a reason, fixed and approved.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { nextMonth } from "../../prisma/seed/demo-calendar";
import { login, newPage, screenshot, serverNow } from "./harness";

// The demo seed fills the current month and the two before it; next month is free (in the server's today).
const { year: Y, month: M } = nextMonth(await serverNow());
const day = (d: number) => `${Y}-${String(M).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

async function click(page: Page, name: string, url: RegExp, role: "button" | "link" = "button") {
  // A button posts and the page then reloads its data: wait for both, since the next URL may equal the
  // current one (two sessions in a row) and a client-side navigation never changes the load state.
  const posted = role === "button" ? page.waitForResponse((r) => r.request().method() === "POST") : null;
  const reloaded = role === "button" ? page.waitForResponse((r) => r.request().method() === "GET" && r.url().includes(".data")) : null;
  await page.getByRole(role, { name, exact: true }).first().click();
  await Promise.all([posted, reloaded]);
  await page.waitForURL(url);
  await page.waitForLoadState("networkidle");
}

async function openTodo(page: Page, text: RegExp, url: RegExp) {
  await page.goto("/home");
  await Promise.all([page.waitForURL(url), page.getByRole("link", { name: text }).click()]);
  await page.waitForLoadState("networkidle");
}

test("a monthly plan and a course plan, each rejected once and then approved", async () => {
  // 004: the training manager drafts next month from the annual plan and adds the new hires' onboarding.
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto("/monthly-plans");
  await manager.waitForLoadState("networkidle");
  expect(await manager.locator("#month").inputValue()).toBe(`${Y}-${String(M).padStart(2, "0")}`);
  await click(manager, "起草月度计划", /notice=created/);
  const planUrl = new URL(manager.url()).pathname;
  await click(manager, "添加新员工入职培训", /preset=NEW_HIRE/, "link");
  expect(await manager.locator("#headcount").inputValue()).toBe("4");
  await manager.locator("#budget").fill("600");
  await click(manager, "保存", /notice=itemSaved/);
  await manager.getByText("计划外").first().waitFor();
  await click(manager, "提交审批", /notice=SUBMIT/);

  // 005: the approving leader sends it back with a reason, then approves the next revision.
  const leader = await newPage();
  await login(leader, "L0001");
  await openTodo(leader, new RegExp(`请审批 ${Y} 年 ${M} 月培训计划（第 1 版）`), new RegExp(planUrl));
  await leader.locator("#reason-REJECT").fill("新员工培训预算偏低，请按 4 人重新测算。");
  await click(leader, "退回", /notice=REJECT/);

  await openTodo(manager, /月培训计划被退回.*新员工培训预算偏低/, new RegExp(planUrl));
  await Promise.all([manager.waitForURL(/\/items\//), manager.getByRole("link", { name: "编辑" }).last().click()]);
  await manager.waitForLoadState("networkidle");
  await manager.locator("#budget").fill("800");
  await click(manager, "保存", /notice=itemSaved/);
  await click(manager, "提交审批", /notice=SUBMIT/);
  await leader.goto(planUrl);
  await leader.waitForLoadState("networkidle");
  await click(leader, "批准", /notice=APPROVE/);
  await leader.getByText("本月计划已批准并锁定").waitFor();
  await screenshot(leader, "monthly-plan-approved");

  // 006: the training clerk sets up a course for the month's first item.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto(planUrl);
  await clerk.waitForLoadState("networkidle");
  await click(clerk, "制定课程", /\/courses\/new\/edit/, "link");
  await clerk.locator("#title").fill("话术规范与投诉处理（催收一部 · 新员工）");
  await clerk.locator("#capacity").fill("30");
  await clerk.locator("#outline").fill("一、B1–B17 话术规范；\n二、投诉录音复盘；\n三、情景演练与测验。");
  await clerk.locator("#lecturerId").selectOption({ label: "何文博（T0003 · 内训讲师）" });
  await clerk.locator("#lecturerFee").fill("500");
  await clerk.locator("#venueFee").fill("300");
  await clerk.locator("#materialsFee").fill("200.35");
  await click(clerk, "保存", /\/courses\/[^/]+\?notice=created/);
  const courseUrl = new URL(clerk.url()).pathname;
  for (const d of [8, 9]) {
    await clerk.locator("#date").fill(day(d));
    await clerk.locator("#start").fill("09:00");
    await clerk.locator("#end").fill("12:00");
    await clerk.locator("#location").fill("培训室 A301");
    await click(clerk, "添加场次", /notice=sessionAdded/);
    await clerk.getByText(`${day(d)} 09:00–12:00`).waitFor();
  }
  await clerk.locator("#departmentId").selectOption({ label: "催收一部" });
  await click(clerk, "添加参训人员", /notice=attendeesAdded/);
  await clerk.getByText("21 / 30 人").waitFor();
  await clerk.locator("#status").selectOption({ label: "新员工" });
  await click(clerk, "添加参训人员", /notice=attendeesAdded/);
  await clerk.getByText("23 / 30 人").waitFor();
  await clerk.locator("#file").setInputFiles({ name: "话术规范讲义.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await click(clerk, "上传资料", /notice=materialUploaded/);
  await clerk.getByRole("link", { name: "话术规范讲义.pdf" }).waitFor();
  await clerk.getByText("没有发现时间、场地或人数冲突。").waitFor();
  await screenshot(clerk, "course-setup");
  await click(clerk, "提交审批", /notice=SUBMIT/);

  // 007: the training manager rejects with a reason; the clerk fixes and resubmits; the manager approves.
  await openTodo(manager, /请审批课程计划《话术规范与投诉处理（催收一部 · 新员工）》（第 1 版）/, new RegExp(courseUrl));
  await manager.locator("#reason-REJECT").fill("讲师费超出内训标准，请调整为 400 元。");
  await click(manager, "退回", /notice=REJECT/);

  await openTodo(clerk, /课程计划《.*》被退回.*讲师费超出内训标准/, new RegExp(courseUrl));
  await click(clerk, "修改课程信息", /\/edit$/, "link");
  await clerk.locator("#lecturerFee").fill("400");
  await click(clerk, "保存", /notice=saved/);
  await click(clerk, "提交审批", /notice=SUBMIT/);

  await manager.goto(courseUrl);
  await manager.waitForLoadState("networkidle");
  await manager.getByText("讲师费超出内训标准，请调整为 400 元。").first().waitFor();
  await click(manager, "批准", /notice=APPROVE/);
  await manager.getByText("本课程计划已批准并锁定。").waitFor();
  expect(await manager.getByText("¥900.35").count()).toBeGreaterThan(0);
  await screenshot(manager, "course-approved");

  // The month calendar shows both sessions.
  await manager.goto(`/calendar?month=${Y}-${String(M).padStart(2, "0")}`);
  expect(await manager.getByRole("link", { name: /话术规范与投诉处理/ }).count()).toBe(2);
  await screenshot(manager, "course-calendar");
});
