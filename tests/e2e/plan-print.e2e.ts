// The plan forms on paper: the monthly plan and the course plan print from Chromium as A4
// forms with their signature lines, and the annual plan shows its headcount, responsible department and
// lecturer on screen, on paper and in its workbook.
import fs from "node:fs";
import path from "node:path";

import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { db } from "~/utils/db.server";

import { ARTIFACTS_DIR, login, newPage, screenshot, serverNow, settled } from "./harness";

/** Prints the page to PDF as Chromium would, keeps it with the artifacts, and checks each page is A4. */
async function expectA4(page: Page, name: string) {
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.pdf`), pdf);
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, width, height] of boxes) {
    // A4 is 595.28 × 841.89 points, either way round (the annual plan prints landscape).
    const [short, long] = [Number(width), Number(height)].sort((a, b) => a - b);
    expect(Math.abs(short - 595.28)).toBeLessThan(1);
    expect(Math.abs(long - 841.89)).toBeLessThan(1);
  }
}

test("the monthly plan and the course plan print as A4 forms with their signature lines", async () => {
  const monthly = await db.monthlyPlan.findFirstOrThrow({
    where: { approval: { state: "APPROVED" } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { id: true },
  });
  const course = await db.course.findFirstOrThrow({
    where: { approval: { state: "APPROVED" } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const page = await newPage();
  await login(page, "T0001");
  await page.goto(`/monthly-plans/${monthly.id}/print`);
  await page.getByRole("heading", { name: "《月度培训计划》" }).waitFor();
  await page.getByText("编制（培训部负责人）").waitFor();
  await page.getByText("审批（分管培训领导）").waitFor();
  await screenshot(page, "plan-print-monthly");
  await expectA4(page, "plan-print-monthly");

  await page.goto(`/courses/${course.id}/print`);
  await page.getByRole("heading", { name: "《培训课程计划》" }).waitFor();
  await page.getByText("编制（培训部文员）").waitFor();
  await page.getByText("审批（培训部负责人）").waitFor();
  await screenshot(page, "plan-print-course");
  await expectA4(page, "plan-print-course");
});

test("the annual plan's headcount, department and lecturer: on screen, on paper, in the workbook", async () => {
  const year = Number(
    new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(await serverNow()),
  );
  const plan = await db.annualPlan.findUniqueOrThrow({ where: { year }, select: { id: true } });
  const page = await newPage();
  await login(page, "T0001");
  await page.goto(`/plans/${plan.id}`);
  for (const name of ["人数", "负责部门", "讲师"])
    await page.getByRole("columnheader", { name, exact: true }).waitFor();
  const row = page.getByRole("row").filter({ hasText: "投诉处理技巧" });
  await row.getByRole("cell", { name: "客服部", exact: true }).waitFor();
  await row.getByRole("cell", { name: "26", exact: true }).waitFor();
  await screenshot(page, "plan-table-desktop");

  await page.goto(`/plans/${plan.id}/print`);
  for (const name of ["人数", "负责部门", "讲师"])
    await page.getByRole("columnheader", { name, exact: true }).waitFor();
  await page.getByText("华律律师事务所").waitFor();
  await screenshot(page, "plan-print-annual");
  await expectA4(page, "plan-print-annual");

  const download = await page.request.get(`/plans/${plan.id}/export`);
  expect(download.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const header = (workbook.worksheets[0].getRow(2).values as unknown[]).map(String);
  expect(header).toEqual(expect.arrayContaining(["人数", "负责部门", "讲师"]));

  // A phone in English: one card per item, its department and lecturer named.
  const phone = await newPage({ viewport: { width: 390, height: 844 }, locale: "en" });
  await login(phone, "T0001");
  await phone.goto(`/plans/${plan.id}`);
  await settled(phone);
  // The language is the reader's choice (the header's toggle, kept for the person), not the browser's.
  await phone.getByText("English", { exact: true }).first().click();
  await phone.getByText("Responsible department").first().waitFor();
  await screenshot(phone, "plan-table-phone-en");
  // Put it back: later stories meet T0001 in Chinese.
  await phone.getByText("中文", { exact: true }).first().click();
  await phone.getByText("English", { exact: true }).first().waitFor();
});
