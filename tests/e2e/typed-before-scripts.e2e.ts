// What a person types or chooses while the page's scripts are still loading is still there once React
// has taken the page over (hydration). The scripts are held back with page.route, then let through.
// Its own survey year (one after the 001–003 walk-through's), so that one keeps its year to itself.
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { freeYear } from "../../prisma/seed/demo-calendar";

import { login, makeNextYear, moveServerClock, newPage, screenshot, serverDayAfter, serverNow } from "./harness";

const YEAR = freeYear(await serverNow()) + 1;
// Surveys are opened for this year and next only: the server's clock moves ahead until YEAR is next year.
beforeAll(() => makeNextYear(YEAR));
afterAll(() => moveServerClock("reset"));
let surveyPath: string | undefined;

/** Holds every script of the page back until release() lets them load, then waits until React has the form. */
async function holdScripts(page: Page, form: string) {
  const held: Route[] = [];
  let holding = true;
  await page.route(/\.js(\?|$)/, (route) => (holding ? void held.push(route) : route.continue()));
  const reactHas = (selector: string) =>
    Object.keys(document.querySelector(selector) ?? {}).some((k) => k.startsWith("__reactFiber"));
  return {
    hydrated: () => page.evaluate(reactHas, form),
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await page.waitForFunction(reactHas, form);
      // The render right after hydration (text defaults come back then) has run too: React commits it
      // before the browser paints, so two frames later it is done.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    },
  };
}

/** The layout's one-time message (a flash, role "status") with exactly this text: notices are no longer in the URL. */
const flash = (page: Page, text: string) =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });

/** Every named field of the page's forms with what it holds now. */
const fields = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("main form input, main form textarea, main form select")]
      .filter((e) => e.name && e.type !== "hidden")
      .map((e) => `${e.name}=${e.type === "radio" || e.type === "checkbox" ? e.checked : e.value}`),
  );

async function openSurvey() {
  if (surveyPath) return surveyPath;
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto("/needs");
  await manager.locator("#year").fill(String(YEAR));
  await manager.locator("#deadline").fill(await serverDayAfter(14));
  await manager.locator("summary", { hasText: "发起调查" }).click();
  await Promise.all([
    manager.waitForURL(/\/needs\/[^/?#]+$/),
    manager.getByRole("button", { name: "发起调查", exact: true }).click(),
  ]);
  await flash(manager, "需求调查已发起，相关人员已收到待办。").waitFor();
  surveyPath = new URL(manager.url()).pathname;
  return surveyPath;
}

test("the training manager's changes to a question, typed before the scripts load, are kept and saved", async () => {
  const survey = await openSurvey();
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await login(page, "T0001");
  await page.goto(`${survey}/questions`);
  const editLink = page.getByRole("link", { name: "编辑" }).nth(1);
  const questionId = new URL((await editLink.getAttribute("href"))!, "http://x").searchParams.get("edit")!;

  // The edit form comes from the server filled in with the question; the options are a textarea.
  const scripts = await holdScripts(page, "#question-form");
  await page.goto(`${survey}/questions?edit=${questionId}`, { waitUntil: "domcontentloaded" });
  expect(await scripts.hydrated()).toBe(false);
  const prefilled = await page.locator("#options").inputValue();
  expect(prefilled.split("\n")).toHaveLength(6);
  await page.locator("#text").fill("您认为投诉最集中的环节是？");
  await page.locator("#options").fill("第三方联系\n还款协商\n通话语气");
  await page.locator("input[name=required]").uncheck();
  const typed = await fields(page);
  await scripts.release();
  expect(await fields(page)).toEqual(typed);

  await Promise.all([
    page.waitForURL(/\/needs\/[^/?#]+\/questions$/),
    page.getByRole("button", { name: "保存", exact: true }).click(),
  ]);
  await flash(page, "题目已保存。").waitFor();
  await page.getByText("您认为投诉最集中的环节是？").waitFor();
  await page.getByText("单选 · 第三方联系 / 还款协商 / 通话语气").waitFor();

  // Reordering: question 2 moves up to first place.
  await Promise.all([
    page.waitForURL(new RegExp(`#question-${questionId}`)),
    page.getByRole("button", { name: "第 2 题上移" }).click(),
  ]);
  await page.locator("ol > li").first().filter({ hasText: "1. 您认为投诉最集中的环节是？" }).waitFor();
  await screenshot(page, "questionnaire-questions-phone");
});

test("choices and text typed before the questionnaire's scripts load survive, also after a refused post", async () => {
  const survey = await openSurvey();
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await login(page, "C0116");
  const scripts = await holdScripts(page, "main form");
  await page.goto(survey.replace("/needs/", "/questionnaire/"), { waitUntil: "domcontentloaded" });
  const questions = page.locator("main form fieldset");
  const kinds = await questions.evaluateAll((all) =>
    all.map((f) =>
      f.querySelector("input[type=checkbox]") ? "multiple" : f.querySelector("input[type=radio]") ? "one" : "text",
    ),
  );
  const boxesOf = (i: number) => questions.nth(i).locator("input[type=radio], input[type=checkbox]");
  const multiple = boxesOf(kinds.indexOf("multiple"));
  const [first, second, third] = kinds.flatMap((k, i) => (k === "one" ? [boxesOf(i)] : []));

  // Without scripts the browser posts the form itself; answers missing: the page comes back with the
  // choices made so far, and its scripts are held back again.
  await multiple.nth(0).check({ force: true });
  await first.nth(1).check({ force: true });
  await page.locator("main form textarea").fill("多讲真实案例");
  await Promise.all([page.waitForEvent("domcontentloaded"), page.getByRole("button", { name: "提交问卷" }).click()]);
  await page.getByText("请检查标红的题目。").waitFor();
  expect(await scripts.hydrated()).toBe(false);
  expect([await multiple.nth(0).isChecked(), await first.nth(1).isChecked()]).toEqual([true, true]);

  // Still before the scripts run: change every kind of answer, then let them load.
  await multiple.nth(0).uncheck({ force: true });
  await multiple.nth(2).check({ force: true });
  await first.nth(0).check({ force: true });
  await second.nth(1).check({ force: true });
  await third.nth(3).check({ force: true });
  await page.locator("main form textarea").fill("多讲真实案例，少讲理论");
  const chosen = await fields(page);
  await scripts.release();
  expect(await fields(page)).toEqual(chosen);

  // The page's URL stays the same: the flash is what tells the answers were taken.
  await Promise.all([
    page.waitForURL(/\/questionnaire\/[^/?#]+$/),
    page.getByRole("button", { name: "提交问卷" }).click(),
  ]);
  await flash(page, "问卷已提交，谢谢您的参与！").waitFor();
  await screenshot(page, "questionnaire-answered-phone");

  // The first answer froze the questions: the manager's page says why and offers no changes.
  const manager = await newPage();
  await login(manager, "T0001");
  await manager.goto(`${survey}/questions`);
  await manager.getByText("题目已冻结").waitFor();
  expect(await manager.getByRole("link", { name: "编辑" }).count()).toBe(0);
  await screenshot(manager, "questionnaire-questions-frozen");
});
