import { expect, test } from "vitest";
import { baseURL, newPage } from "./harness";

test("the login page is served and has the employee number field", async () => {
  const page = await newPage();
  const response = await page.goto(`${baseURL}/login`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('input[name="employeeNo"]').count()).resolves.toBe(1);
});
