import type { Page } from "playwright-core";
import { afterAll, expect, test } from "vitest";

import { BANK_1, type QuestionSeed } from "../../prisma/seed/quiz-bank-1";
import { BANK_2 } from "../../prisma/seed/quiz-bank-2";
import { RULES } from "../../prisma/seed/quiz-rules-data";

import { baseURL, login, newPage, screenshot } from "./harness";

// The test knows the answers the way an agent who studied would: from the seeded bank, by question text.
const COMPANY = "嘉亿信合资产管理有限公司";
const BANK = [...BANK_1, ...BANK_2];
const RED_LINE = new Set(RULES.filter((r) => r.redLine).map((r) => r.id));
const render = (s: string) => s.replaceAll("{company}", COMPANY);

async function moveClock(body: Record<string, string>) {
  // The server's test-only clock (TRAINGATE_TEST_CLOCK=1, set by tests/setup/global-e2e.ts).
  const response = await fetch(`${baseURL}/__test/clock`, {
    method: "POST",
    headers: { Origin: baseURL },
    body: new URLSearchParams(body),
  });
  expect(response.status).toBe(200);
}
afterAll(() => moveClock({ reset: "1" }));

/** Answers every question; on the first red-line question (when asked) picks a wrong option. Returns that question. */
async function takeQuiz(page: Page, failOnRedLine: boolean): Promise<QuestionSeed | null> {
  let failed: QuestionSeed | null = null;
  for (let n = 1; ; n++) {
    await page.getByText(new RegExp(`^第 ${n} / \\d+ 题`)).waitFor();
    const stem = (await page.locator("h1").innerText()).trim();
    const question = BANK.find((q) => q.stem === stem);
    expect(question, `question "${stem}" is in the seeded bank`).toBeDefined();
    const wrongOnPurpose = failOnRedLine && !failed && question!.rules.some((r) => RED_LINE.has(r));
    if (wrongOnPurpose) failed = question!;
    const picks = wrongOnPurpose
      ? [question!.options.findIndex((_, i) => !question!.correct.includes(i))]
      : question!.correct;
    const labels = (await page.locator("fieldset label").allInnerTexts()).map((t) =>
      t.replace(/^[A-F]\.\s*/, "").trim(),
    );
    for (const i of picks)
      await page
        .locator("fieldset label")
        .nth(labels.indexOf(render(question!.options[i])))
        .click();
    const [progress] = (await page.getByText(/^第 \d+ \/ \d+ 题/).innerText()).match(/\d+ \/ \d+/) ?? [""];
    const [current, total] = progress.split(" / ").map(Number);
    if (current === total) {
      await page.getByRole("button", { name: "交卷" }).click();
      await page.waitForURL(/\/result$/);
      return failed;
    }
    await page.getByRole("button", { name: "下一题" }).click();
  }
}

test(
  "an agent fails a red-line question, is told why, waits out the cooldown, passes; the board shows the certification",
  { timeout: 240_000 },
  async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    // With JavaScript the attempt runs on the JSON calls (ADR 0010): keep what they answered.
    const calls: Array<{ method: string; path: string; body: Promise<string> }> = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/api/quiz/attempts"))
        calls.push({ method: response.request().method(), path: url.pathname, body: response.text() });
    });
    await login(page, "C0101");
    await page.goto("/quiz");
    await page.getByText("您尚未通过话术考核").waitFor();
    // The layout's count of open to-dos (the quiz is one of them until it is passed).
    const openTodos = () =>
      page.evaluate(() => Number(document.querySelector('aside a[href="/home"] .badge')?.textContent ?? 0));
    const todosBefore = await openTodos();
    expect(todosBefore).toBeGreaterThan(0);
    // Opening the attempt runs no Remix loader: its data comes from the JSON call (ADR 0010).
    const remixLoads: string[] = [];
    const countRemixLoads = (request: { url(): string }) => {
      if (new URL(request.url()).pathname.endsWith(".data")) remixLoads.push(request.url());
    };
    page.on("request", countRemixLoads);
    await page.getByRole("button", { name: "开始考试" }).click();
    await page.waitForURL(/\/quiz\/attempts\//);
    await page.getByText(/^第 1 \/ \d+ 题/).waitFor();
    page.off("request", countRemixLoads);
    expect(remixLoads).toEqual([]);

    // Nothing on the attempt page or in its data gives the answers away: no explanation, no correctness flag.
    const html = await page.content();
    const loaded = await Promise.all(calls.filter((c) => c.method === "GET").map((c) => c.body));
    expect(loaded.length).toBeGreaterThan(0);
    for (const text of [html, ...loaded]) {
      for (const q of BANK) expect(text).not.toContain(render(q.explanation));
      expect(text).not.toMatch(/isCorrect|"correct"/);
    }
    await screenshot(page, "quiz-attempt-phone");

    const missed = await takeQuiz(page, true);
    expect(missed).not.toBeNull();
    // Each answer was saved the moment it was given, and the attempt was handed in the same way.
    expect(calls.filter((c) => c.path.endsWith("/answers")).length).toBeGreaterThanOrEqual(24);
    expect(calls.filter((c) => c.path.endsWith("/submit"))).toHaveLength(1);
    await page.getByRole("heading", { name: "考试未通过" }).waitFor();
    expect(await page.getByRole("alert").first().innerText()).toContain("红线规范一题答错即判为不通过");
    const missedRule = RULES.find((r) => r.id === missed!.rules.find((id) => RED_LINE.has(id)))!;
    await page.getByText(missedRule.titleZh).first().waitFor();
    // A failed attempt names the rules to study, never the answers.
    await page.getByRole("link", { name: `查看规范 ${missedRule.id} 全文` }).waitFor();
    expect(await page.getByText(render(missed!.explanation)).count()).toBe(0);
    await screenshot(page, "quiz-failed-red-line");

    // The cooldown holds the next attempt back …
    await page.goto("/quiz");
    await page.getByText("需等待冷却时间结束").waitFor();
    expect(await page.getByRole("button", { name: "开始考试" }).count()).toBe(0);

    // … until it has passed: the server's clock moves 31 minutes on, in two steps with a page view between
    // them, as an agent's session ends after 30 idle minutes.
    await moveClock({ advanceMinutes: "16" });
    await page.reload();
    await page.getByText("需等待冷却时间结束").waitFor();
    await moveClock({ advanceMinutes: "15" });
    await page.reload();
    await page.getByRole("button", { name: "开始考试" }).click();
    expect(await takeQuiz(page, false)).toBeNull();
    await page.getByRole("heading", { name: "考试通过" }).waitFor();
    await page.getByText("您已获得案件作业资格认证").waitFor();
    // Handed in by a JSON call, yet the layout reads its data again: the quiz's to-do is gone.
    await page.waitForFunction(
      (n) => Number(document.querySelector('aside a[href="/home"] .badge')?.textContent ?? 0) === n,
      todosBefore - 1,
    );
    await screenshot(page, "quiz-passed");

    await page.goto("/quiz");
    await page.getByText("您已通过话术考核，可以从事案件作业").waitFor();

    const manager = await newPage();
    await login(manager, "T0001");
    await manager.goto("/certification");
    const row = manager.locator('[data-employee="C0101"]');
    await expect(row.innerText()).resolves.toContain("已认证");
    await screenshot(manager, "certification-board");
  },
);

test("without JavaScript each question is a plain form post, and the answer is kept", async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await page.context().route("**/*.js", (route) => route.abort());
  await login(page, "C0103");
  await page.goto("/quiz");
  await Promise.all([
    page.waitForURL(/\/quiz\/attempts\/[^/?]+$/),
    page.getByRole("button", { name: "开始考试" }).click(),
  ]);
  const first = page.locator("fieldset input[name=option]").first();
  await first.check();
  const chosen = await first.getAttribute("value");
  await Promise.all([page.waitForURL(/q=2$/), page.getByRole("button", { name: "下一题" }).click()]);
  await Promise.all([page.waitForURL(/q=1$/), page.getByRole("button", { name: "上一题" }).click()]);
  expect(await page.locator(`fieldset input[value="${chosen}"]`).isChecked()).toBe(true);
});
