// The rule loop's query string: the year (the company's current one by default), a department to narrow
// to, and the order. Anything unreadable falls back to the default rather than failing the page.
import { companyToday, getSettings } from "~/domain/settings/settings.server";

import { viewOf } from "./rule-loop-page.server";
import { SORTS, yearWindow, type RuleSort } from "./rule-loop-rules";

/** `scope`: the department ids the reader may see (null = all). */
export async function ruleLoopQuery(params: URLSearchParams, scope: string[] | null) {
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (await companyToday()).year;
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as RuleSort)
    : "breaches";
  const { timeZone, companyName } = await getSettings();
  const view = await viewOf(scope, params.get("department"));
  return { year, sort, window: yearWindow(year, timeZone), view, companyName };
}
