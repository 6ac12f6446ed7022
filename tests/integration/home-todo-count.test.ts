// The home page lists the soonest-due open to-dos, up to a page of them. Someone with more open to-dos than that
// is told how many there are in all, and that the rest come as these are dealt with: the count in the header is
// every open to-do, never the rows the page happened to read.
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";
import { TODOS_SHOWN } from "~/utils/todo.server";

import { cookieFor, DEMO_AT, demoCompanyBeforeEachTest, personId, renderInLayout, seedDemoCompany } from "./support";

const DAY = 86_400_000;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
});

/** Gives C0105 exactly `count` open to-dos, the i-th due i days after the demo day. */
async function openTodos(count: number) {
  const id = await personId("C0105");
  await db.todoItem.updateMany({ where: { personId: id, doneAt: null }, data: { doneAt: DEMO_AT } });
  await db.todoItem.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      personId: id,
      kind: "quizAssigned",
      sourceType: "test",
      sourceId: `todo-${i}`,
      href: `/quiz?n=${i}`,
      params: { title: `测验 ${i}` },
      dueAt: new Date(DEMO_AT.getTime() + (i + 1) * DAY),
    })),
  });
}

const listed = (html: string) => [...html.matchAll(/href="\/quiz\?n=(\d+)"/g)].map((m) => Number(m[1]));

describe("the home page's to-do list", () => {
  it("with more open to-dos than it shows: the true count, the soonest due listed, and a line saying so", async () => {
    await openTodos(TODOS_SHOWN + 7);
    const page = await renderInLayout(await cookieFor("C0105"), "/home", "_app.home");
    expect(page.status).toBe(200);
    expect(listed(page.html)).toEqual(Array.from({ length: TODOS_SHOWN }, (_, i) => i));
    expect(page.html).toContain(`${TODOS_SHOWN + 7} 项`);
    expect(page.html).toContain(`仅显示最早到期的 ${TODOS_SHOWN} 项（共 ${TODOS_SHOWN + 7} 项）`);
  });

  it("with all of them on the page: the count, and no such line", async () => {
    await openTodos(3);
    const page = await renderInLayout(await cookieFor("C0105"), "/home", "_app.home", "en");
    expect(listed(page.html)).toEqual([0, 1, 2]);
    expect(page.html).toContain("3 items");
    expect(page.html).not.toContain('data-testid="todo-more"');
  });
});
