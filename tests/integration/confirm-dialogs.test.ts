// Irreversible acts ask first, without JavaScript: the page holds the act inside a folded panel that says
// what will follow; the plain button only unfolds it.
import { afterEach, describe, expect, it } from "vitest";

import { action as surveysAction } from "~/routes/_app.needs._index";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { cookieFor, FREE_YEAR, outcome, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));
const YEAR = FREE_YEAR;

async function opened() {
  freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
  const result = await outcome(async () =>
    surveysAction({
      request: requestAs(await cookieFor("T0001"), "/needs", {
        form: { year: String(YEAR), deadline: `${YEAR - 1}-12-20` },
      }),
      params: {},
      context: { cspNonce: "" },
    }),
  );
  expect(result.status).toBe(302);
  return result.location!.split("/")[2];
}

// The text of the <details> whose <summary> reads `label`, tags stripped.
function panel(html: string, label: string) {
  const at = html.indexOf(`>${label}<`);
  expect(at, label).toBeGreaterThan(-1);
  const start = html.lastIndexOf("<details", at);
  const end = html.indexOf("</details>", at);
  return {
    markup: html.slice(start, end),
    text: html
      .slice(start, end)
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  };
}

describe("confirmations", () => {
  it("opening a survey names how many departments, heads and people get a to-do", async () => {
    freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
    const { html } = await renderInLayout(await cookieFor("T0001"), "/needs", "_app.needs._index");
    const { text, markup } = panel(html, "发起调查");
    const departments = await db.department.count({ where: { kind: "DEPARTMENT" } });
    expect(text).toContain(`${departments} 个部门各有一份调查表`);
    expect(markup).toMatch(/<button type="submit"[^>]*>发起调查<\/button>/);
  });

  it("closing a survey states the departments and people still outstanding", async () => {
    const surveyId = await opened();
    const { html } = await renderInLayout(
      await cookieFor("T0001"),
      `/needs/${surveyId}`,
      "_app.needs.$surveyId._index",
    );
    const departments = await db.departmentNeedsForm.count({ where: { surveyId } });
    expect(panel(html, "结束调查").text).toMatch(
      new RegExp(`还有 ${departments} 个部门未提交调查表、[1-9]\\d* 人未填写问卷`),
    );
    // Nobody has answered yet: the survey can still be cancelled, with a required reason.
    expect(panel(html, "撤销调查").markup).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
  });

  it("submitting a needs form with no needs warns that it is empty", async () => {
    const surveyId = await opened();
    const form = await db.departmentNeedsForm.findFirstOrThrow({ where: { surveyId, department: { code: "COL1" } } });
    const { html } = await renderInLayout(
      await cookieFor("D0101"),
      `/needs/${surveyId}/forms/${form.id}`,
      "_app.needs.$surveyId.forms.$formId",
    );
    expect(panel(html, "提交调查表").text).toContain("调查表中还没有任何需求");
  });
});
