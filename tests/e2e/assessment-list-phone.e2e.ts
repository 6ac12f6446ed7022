// The pre-job assessment lists (/assessments, AssessmentList) read well on a phone: at 390 px each form's name
// has a line of its own as wide as the row (it was squeezed into a narrow column beside the assessor and the
// badges), nothing overflows the screen sideways; at 1280 px the row keeps the assessor and result on the right.
import { expect, test } from "vitest";

import { login, newPage, screenshot } from "./harness";

async function rows(width: number) {
  const page = await newPage({ viewport: { width, height: width > 500 ? 800 : 844 } });
  await login(page, "T0001");
  await page.goto("/assessments?tab=all");
  await page.locator("[data-assessment]").first().waitFor();
  await screenshot(page, `assessment-list-${width}`);
  const measured = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    rows: [...document.querySelectorAll("[data-assessment]")].map((li) => {
      const who = li.querySelector("[data-part=who]")!.getBoundingClientRect();
      const row = li.getBoundingClientRect();
      return { row: row.width, who: who.width, whoTop: who.top, whoBottom: who.bottom, rowBottom: row.bottom };
    }),
  }));
  return measured;
}

test("on a phone the names get the row's width; on a desktop the row keeps its columns", async () => {
  const phone = await rows(390);
  expect(phone.overflow).toBeLessThanOrEqual(0);
  expect(phone.rows.length).toBeGreaterThan(0);
  for (const r of phone.rows) {
    // The name block spans the row (less its padding), with the assessor and badges below it.
    expect(r.who).toBeGreaterThan(r.row - 40);
    expect(r.whoBottom).toBeLessThan(r.rowBottom - 10);
  }
  const desktop = await rows(1280);
  expect(desktop.overflow).toBeLessThanOrEqual(0);
  for (const r of desktop.rows) expect(r.who).toBeLessThan(r.row - 150);
});
