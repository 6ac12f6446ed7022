// The year, month and day a page proposes are the company's (its time zone is a setting, Asia/Shanghai
// by default), not those of the server, which in production runs in UTC.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { loader as budgetLoader } from "~/routes/_app.budget";
import { loader as calendarLoader } from "~/routes/_app.calendar";
import { loader as monthlyPlansLoader } from "~/routes/_app.monthly-plans._index";
import { loader as surveysLoader } from "~/routes/_app.needs._index";
import { loader as plansLoader } from "~/routes/_app.plans._index";
import { freezeClock, setClock } from "~/utils/clock.server";

import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

const serverZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC";
});
afterAll(() => {
  process.env.TZ = serverZone;
});
demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

async function pagesAt(instant: string) {
  freezeClock(instant);
  const cookie = await cookieFor("T0001");
  const load = async (loader: (args: never) => Promise<unknown>, path: string) =>
    (await outcome(() => loader({ request: requestAs(cookie, path), params: {}, context: { cspNonce: "" } } as never)))
      .body as Record<string, unknown>;
  return {
    plans: await load(plansLoader, "/plans"),
    surveys: await load(surveysLoader, "/needs"),
    monthlyPlans: await load(monthlyPlansLoader, "/monthly-plans"),
    budget: await load(budgetLoader, "/budget"),
    calendar: await load(calendarLoader, "/calendar"),
  };
}

describe("the company's today on the pages that propose a year or a month", () => {
  it("at 23:30 on 31 December in Shanghai (15:30 UTC) it is still 2026", async () => {
    const pages = await pagesAt("2026-12-31T15:30:00Z");
    expect(pages.plans.nextYear).toBe(2027);
    expect(pages.surveys.nextYear).toBe(2027);
    // 20 December 2026 is past: the new survey's deadline is proposed two weeks ahead.
    expect(pages.surveys.defaultDeadline).toBe("2027-01-14");
    expect(pages.monthlyPlans.suggested).toBe("2027-01");
    expect(pages.budget.year).toBe(2026);
    expect(pages.calendar).toMatchObject({ year: 2026, month: 12 });
  });

  it("at 00:30 on 1 January in Shanghai (16:30 UTC on 31 December) it is 2027", async () => {
    const pages = await pagesAt("2026-12-31T16:30:00Z");
    expect(pages.plans.nextYear).toBe(2028);
    expect(pages.surveys.nextYear).toBe(2028);
    expect(pages.surveys.defaultDeadline).toBe("2027-12-20");
    expect(pages.monthlyPlans.suggested).toBe("2027-02");
    expect(pages.budget.year).toBe(2027);
    expect(pages.calendar).toMatchObject({ year: 2027, month: 1 });
  });
});
