import { expect, test } from "vitest";

import { baseURL, newPage } from "./harness";

test("the login page is served and has the employee number field", async () => {
  const page = await newPage();
  const response = await page.goto(`${baseURL}/login`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('input[name="employeeNo"]').count()).resolves.toBe(1);
});

test("static files are served: the favicon and the built assets", async () => {
  const favicon = await fetch(`${baseURL}/favicon.svg`);
  expect(favicon.status).toBe(200);
  expect(favicon.headers.get("content-type")).toContain("svg");
  const page = await newPage();
  const css: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/assets/")) css.push(r.status());
  });
  await page.goto(`${baseURL}/login`);
  expect(css.length).toBeGreaterThan(0);
  expect(css.every((s) => s === 200)).toBe(true);
});
