// A revision in the browser: the training manager reopens this year's approved annual plan
// with a reason, is stopped from deleting an item approved monthly plans use (the refusal names them),
// changes another item and answers the approver on submitting; the approving leader, on a phone, sees the
// amount and sender on the to-do, the change against the approved revision with the reason, rejecting kept
// apart from approving, and approves it again (the plan ends approved, as the other stories expect).
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { db } from "~/utils/db.server";

import { login, newPage, screenshot, serverNow } from "./harness";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const flash = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

/** Clicks the button and waits for the flash the action leads to (the redirect comes back to the same page). */
async function submitAndWait(page: Page, button: string, message: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await flash(page, message).waitFor();
}

test("a revision of the approved annual plan: a blocked deletion, the change and its reason", async () => {
  const year = Number(
    new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(await serverNow()),
  );
  const plan = await db.annualPlan.findUniqueOrThrow({
    where: { year },
    select: { id: true, approval: { select: { state: true, revision: true } } },
  });
  expect(plan.approval.state).toBe("APPROVED");
  const approved = plan.approval.revision;
  // An item an approved monthly plan uses, with that month; and one no monthly plan uses, to change.
  const used = await db.monthlyPlanItem.findFirstOrThrow({
    where: { planItem: { planId: plan.id }, plan: { approval: { state: "APPROVED" } } },
    select: { title: true, planItemId: true, plan: { select: { year: true, month: true } } },
  });
  const usedItem = await db.planItem.findUniqueOrThrow({ where: { id: used.planItemId! } });
  const other = await db.planItem.findFirstOrThrow({
    where: { planId: plan.id, id: { not: usedItem.id }, title: { not: "投诉处理技巧" } },
    orderBy: { createdAt: "asc" },
  });
  const planUrl = `/plans/${plan.id}`;

  // The training manager reopens the approved revision, saying why.
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto(planUrl);
  // Reopening undoes a lock: it is folded until asked for.
  await manager.locator("summary", { hasText: "修订为新版本" }).click();
  await manager.locator("#reason-REOPEN").fill("集团要求调整培训对象");
  await submitAndWait(manager, "修订为新版本", "已生成新版本，可以修改后重新提交。");

  // Deleting the item an approved month uses asks first, then is refused, naming the month and its item.
  const panel = manager.locator("details").filter({ hasText: `确认删除“${usedItem.title}”？` });
  await panel.locator("summary").click();
  await panel.getByText(`确认删除“${usedItem.title}”？`).waitFor();
  await screenshot(manager, "plan-revision-delete-asks");
  await panel.getByRole("button", { name: "删除", exact: true }).click();
  const refusal = manager.getByRole("alert").filter({ hasText: "不能删除" });
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain(`${used.plan.year}-${String(used.plan.month).padStart(2, "0")}`);
  await screenshot(manager, "plan-revision-blocked-deletion");
  expect(await db.planItem.count({ where: { id: usedItem.id } })).toBe(1);

  // Another item's target group changes; the manager answers the approver on submitting.
  await manager.goto(`${planUrl}/items/${other.id}`);
  const targetPeople = `${other.targetPeople}（含外访员）`;
  await manager.locator("#targetPeople").fill(targetPeople);
  await manager.getByRole("button", { name: "保存", exact: true }).click();
  await manager.waitForURL(new RegExp(`${planUrl}$`));
  await flash(manager, "培训项目已保存。").waitFor();
  await manager.locator("#note-SUBMIT").fill("仅调整了培训对象，预算不变。");
  await submitAndWait(manager, "提交审批", "计划已提交审批。");

  // The approving leader, on a phone: the to-do names the plan, its amount, who sent it.
  const leader = await newPage({ viewport: { width: 390, height: 844 } });
  await login(leader, "L0001");
  await leader.goto("/home");
  const todo = leader.getByRole("link", { name: new RegExp(`请审批 ${year} 年度培训计划（第 ${approved + 1} 版）`) });
  await todo.waitFor();
  expect(await todo.textContent()).toMatch(/周雅琴 · .*金额 ¥[\d,]+\.\d\d/);
  await screenshot(leader, "plan-revision-leader-home");
  await todo.click();
  await leader.waitForURL(new RegExp(`${planUrl}$`));

  // The change is against the approved revision, with the reason it was reopened and the drafter's note.
  await leader.getByRole("heading", { name: `自第 ${approved} 版（已批准）以来的变更` }).waitFor();
  await leader.getByText("集团要求调整培训对象").first().waitFor();
  await leader.getByText(targetPeople).first().waitFor();
  await leader.getByText("仅调整了培训对象，预算不变。").first().waitFor();
  expect(await leader.getByText("自第 1 版退回以来的变更").count()).toBe(0);
  await screenshot(leader, "plan-revision-leader-diff");

  // On a phone, rejecting sits well apart from approving: below a divider and its reason's visible label,
  // not right under 批准 (there the reject form began 12 px below it).
  const approve = await leader.getByRole("button", { name: "批准", exact: true }).boundingBox();
  const rejectReason = await leader.locator("#reason-REJECT").boundingBox();
  expect(approve && rejectReason).toBeTruthy();
  expect(rejectReason!.y - (approve!.y + approve!.height)).toBeGreaterThanOrEqual(48);
  await leader.getByText("退回原因（必填）", { exact: true }).waitFor();

  await submitAndWait(leader, "批准", "计划已批准并锁定。");
  await leader.getByText("本计划已批准并锁定。").waitFor();
  expect(await db.planItem.findUniqueOrThrow({ where: { id: other.id }, select: { targetPeople: true } })).toEqual({
    targetPeople,
  });
});
