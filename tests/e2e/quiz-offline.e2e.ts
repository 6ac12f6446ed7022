// An answer whose save fails (the network drops) is not counted as answered, is marked unsaved, and is saved
// by itself once the network is back. The state machine is unit-tested (app/domain/quiz/answer-sync.test.ts);
// this is the page wired to it, in Chromium.
import { expect, test } from "vitest";

import { login, newPage, screenshot } from "./harness";

test(
  "a failed save stays unsaved, is not counted, and is retried until it is saved",
  { timeout: 120_000 },
  async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await login(page, "C0117");
    await page.goto("/quiz");
    await page.getByRole("button", { name: "开始考试" }).click();
    await page.waitForURL(/\/quiz\/attempts\//);
    await page.getByText(/^第 1 \/ \d+ 题/).waitFor();

    // The network drops: every answer call fails.
    let failedCalls = 0;
    await page.route("**/api/quiz/attempts/*/answers", (route) => {
      failedCalls++;
      return route.abort("internetdisconnected");
    });
    await page.locator("fieldset label").first().click();
    await page.getByText("1 题未保存").waitFor();
    await page.getByText("已答 0 题").waitFor();
    await page.getByText(/答案还没有保存到服务器/).waitFor();
    await screenshot(page, "quiz-answer-unsaved-phone");
    // It keeps trying on its own (1 s, then longer), never counting the answer meanwhile.
    await expect.poll(() => failedCalls, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.getByText("已答 0 题").count()).toBe(1);

    // The network is back: the next retry saves it, and only then it counts.
    await page.unroute("**/api/quiz/attempts/*/answers");
    await page.getByText("已答 1 题").waitFor({ timeout: 45_000 });
    expect(await page.getByText(/题未保存/).count()).toBe(0);
  },
);
