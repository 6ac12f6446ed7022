import { expect, test } from "vitest";

import { login, loginThroughForm, newPage, screenshot } from "./harness";

test("an administrator adds a person and sets a password; the person must change it at first sign-in", async () => {
  const admin = await newPage();
  await login(admin, "A0001");
  await admin.goto("/people/new");
  await admin.locator("#employeeNo").fill("C0150");
  await admin.locator("#name").fill("杜晓峰");
  await admin.locator("#departmentId").selectOption({ label: "\u3000\u3000催收一部一组" });
  await admin.locator("#post").fill("催收员");
  await admin.locator("#phone").fill("13912345678");
  await admin.locator("#hireDate").fill("2026-11-23");
  // In post already: a new hire here would change the monthly-course story's count of new hires.
  await admin.locator("#status").selectOption({ label: "在职" });
  await Promise.all([admin.waitForURL(/\/people\/[^/?]+$/), admin.getByRole("button", { name: "新建" }).click()]);
  await admin.getByRole("status").filter({ hasText: "人员已创建" }).waitFor();
  await admin.locator("#password").fill("first-password-2026");
  await admin.getByRole("button", { name: "设置初始密码" }).click();
  await admin.getByRole("status").filter({ hasText: "初始密码已设置" }).waitFor();
  await screenshot(admin, "person-created");

  const person = await newPage({ viewport: { width: 390, height: 844 } });
  await loginThroughForm(person, "C0150", "first-password-2026");
  expect(new URL(person.url()).pathname).toBe("/password");
  await person.locator("#currentPassword").fill("first-password-2026");
  await person.locator("#newPassword").fill("short");
  await person.locator("#confirmPassword").fill("short");
  await person.getByRole("button", { name: "保存新密码" }).click();
  await expect(person.getByText("密码至少需要 12 个字符").count()).resolves.toBeGreaterThan(0);
  await person.locator("#newPassword").fill("my-own-secret-2026");
  await person.locator("#confirmPassword").fill("my-own-secret-2026");
  await Promise.all([person.waitForURL(/\/home/), person.getByRole("button", { name: "保存新密码" }).click()]);
  await screenshot(person, "password-changed-phone");
});

test("a department head sees only the people of their own department", async () => {
  const page = await newPage();
  await login(page, "D0201");
  await page.goto("/people");
  const numbers = await page.locator("tbody tr td:first-child").allInnerTexts();
  expect(numbers.length).toBeGreaterThan(0);
  expect(numbers.every((n) => n.startsWith("C02") || n === "D0201")).toBe(true);
});

test("without JavaScript an edit form shows the person's current values and saves", async () => {
  const page = await newPage();
  await login(page, "A0001");
  await page.context().route("**/*.js", (route) => route.abort());
  await page.goto("/people?q=C0112");
  await page.getByRole("link", { name: "C0112" }).click();
  await page.locator("#name").waitFor();
  expect(await page.locator("#employeeNo").inputValue()).toBe("C0112");
  expect(await page.locator("#name").inputValue()).not.toBe("");
  await page.locator("#post").fill("催收组长");
  await Promise.all([
    page.waitForURL(/\/people\/[^/?]+$/),
    page.getByRole("button", { name: "保存", exact: true }).click(),
  ]);
  await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
  expect(await page.locator("#post").inputValue()).toBe("催收组长");
});

test("Enter in a department's field saves it, never deletes it", async () => {
  const page = await newPage();
  await login(page, "A0001");
  await page.goto("/departments");
  const code = `TMP-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  await page.locator("#name").fill(`临时小组 ${code}`);
  await page.locator("#code").fill(code);
  // A team, not a department: a department would get a needs form in the 001–003 story's survey.
  await page.locator("#kind").selectOption({ label: "小组" });
  await page.locator("#parentId").selectOption({ label: "培训部" });
  await page.locator("#name").press("Enter");
  await page.getByRole("status").filter({ hasText: "部门已保存。" }).waitFor();

  // An empty department could be deleted: Enter while editing it must save, as the Save button does.
  await page.getByText(code, { exact: true }).locator("..").getByRole("link", { name: "编辑" }).click();
  await page.waitForURL(/\?edit=/);
  await page.locator("#name").fill(`临时小组 ${code}（改）`);
  await page.locator("#name").press("Enter");
  // The list (before the form's parent picker) shows the new name, and the flash says saved, not deleted.
  await page.getByText(`临时小组 ${code}（改）`, { exact: true }).first().waitFor();
  await page.getByRole("status").filter({ hasText: "部门已保存。" }).waitFor();
  expect(await page.getByText("部门已删除。").count()).toBe(0);
  await screenshot(page, "departments-enter-saves");
});
