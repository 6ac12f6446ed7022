import { describe, expect, test } from "vitest";

import { baseURL, DEMO_PASSWORD, loginThroughForm, newPage, screenshot, settled } from "./harness";

// What each demo role should find in its navigation after signing in.
const HOMES: Array<[string, string[], string[]]> = [
  ["A0001", ["工作台", "人员", "部门", "审计日志", "系统设置"], []],
  ["G0001", ["工作台", "人员", "审计日志"], ["部门", "系统设置"]],
  ["L0001", ["工作台", "人员"], ["审计日志", "系统设置"]],
  ["T0001", ["工作台", "人员"], ["审计日志", "系统设置"]],
  ["T0002", ["工作台", "人员"], ["审计日志", "系统设置"]],
  ["D0101", ["工作台", "人员"], ["部门", "审计日志"]],
  ["D0201", ["工作台", "人员"], ["部门", "审计日志"]],
  ["C0101", ["工作台"], ["人员", "部门", "审计日志", "系统设置"]],
  ["C0220", ["工作台"], ["人员"]],
];

describe("each demo role signs in and lands on its home", () => {
  test.each(HOMES)("%s", async (employeeNo, shown, hidden) => {
    const page = await newPage();
    await loginThroughForm(page, employeeNo);
    expect(new URL(page.url()).pathname).toBe("/home");
    await page.getByRole("heading", { name: "待我处理" }).waitFor();
    const nav = page.getByRole("navigation", { name: "主导航" }).first();
    // A link may carry a count of open to-do items after its label.
    const items = (await nav.getByRole("link").allInnerTexts()).map((s) => s.replace(/\s*\d+$/, "").trim());
    for (const label of shown) expect(items).toContain(label);
    for (const label of hidden) expect(items).not.toContain(label);
    await screenshot(page, `home-${employeeNo}`);
  });
});

test("a phone-sized screen shows the menu behind a button and the to-do list", async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await loginThroughForm(page, "C0102");
  await page.getByLabel("菜单").click();
  await expect(page.getByRole("link", { name: "工作台" }).first().isVisible()).resolves.toBe(true);
  await screenshot(page, "home-phone-C0102");
});

test("five wrong passwords lock the account; then even the right one is refused", async () => {
  const page = await newPage();
  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await page.locator('input[name="employeeNo"]').fill("C0119");
    await page.locator('input[name="password"]').fill(`wrong-password-${i}`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login")),
      page.locator('input[name="password"]').press("Enter"),
    ]);
    // The answer is in: wait for the page to show it (the alert of attempt i, not the one before).
    await page
      .getByRole("alert")
      .filter({ hasText: i < 5 ? "工号或密码不正确" : "已被暂时锁定" })
      .first()
      .waitFor();
  }
  await page.locator('input[name="employeeNo"]').fill("C0119");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login")),
    page.locator('input[name="password"]').press("Enter"),
  ]);
  await page.getByRole("alert").filter({ hasText: "已被暂时锁定" }).first().waitFor();
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(await page.getByRole("alert").first().innerText()).toContain("已被暂时锁定");
  await screenshot(page, "login-locked");
});

test("switching to English and back; the choice sticks for the person", async () => {
  const page = await newPage();
  // Each language's texts are a script of their own (ADR 0040): a Chinese page does not download the English ones.
  const scripts: Array<Promise<string>> = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith(".js")) scripts.push(response.text().catch(() => ""));
  });
  const englishScriptLoaded = async () => (await Promise.all(scripts)).some((s) => s.includes("My to-do list"));
  await loginThroughForm(page, "C0103");
  await settled(page);
  expect(await englishScriptLoaded()).toBe(false);
  // Its own language's texts are preloaded with the page's other scripts, not asked for after them.
  const preloads = await page
    .locator('link[rel="modulepreload"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(preloads.filter((href) => /\/assets\/(zh-CN|en)-/.test(href))).toEqual([
    expect.stringMatching(/^\/assets\/zh-CN-/),
  ]);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "My to-do list" }).waitFor();
  expect(await englishScriptLoaded()).toBe(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "My to-do list" }).count()).resolves.toBe(1);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");

  // A new browser (no language cookie) still shows English once this person signs in.
  const other = await newPage();
  await loginThroughForm(other, "C0103");
  await other.getByRole("heading", { name: "My to-do list" }).waitFor();

  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("heading", { name: "待我处理" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
});

test("when the English texts cannot be downloaded, the switch still shows English: the page loads again", async () => {
  const page = await newPage();
  await page.route(/\/assets\/en-[^/]+\.js$/, (route) => route.abort());
  await loginThroughForm(page, "C0103");
  await settled(page);
  await page.getByRole("button", { name: "English" }).click();
  // The server's page, in English; it stays without scripts, whose forms work all the same.
  await page.getByRole("heading", { name: "My to-do list" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("heading", { name: "待我处理" }).waitFor();
});

test("the language switch and sign-in work without JavaScript", async () => {
  const page = await newPage();
  await page.context().route("**/*.js", (route) => route.abort());
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.locator('input[name="employeeNo"]').fill("C0104");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL("**/home"), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.getByRole("heading", { name: "My to-do list" }).waitFor();
});

test("responses carry the security headers, and a cross-site form post is refused", async () => {
  const response = await fetch(`${baseURL}/login`);
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'strict-dynamic' 'nonce-[^']+'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBeTruthy();
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(html).toContain(`nonce="${nonce}"`);

  const forged = await fetch(`${baseURL}/login`, {
    method: "POST",
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ employeeNo: "A0001", password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  expect(forged.status).toBe(403);
});
