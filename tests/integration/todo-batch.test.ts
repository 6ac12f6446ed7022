// addTodos: many to-dos in one statement, with addTodo's meaning item by item (a rule change reaches every certified
// agent, a course's last closed roster everyone who attended it).
import { beforeEach, expect, it } from "vitest";

import { freezeClock, now, restartClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodo, addTodos } from "~/utils/todo.server";

import { demoCompanyBeforeEachTest, personId, seedDemoCompany } from "./support";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  return () => restartClock();
});

const SOURCE = { kind: "test.batch", sourceType: "Test", sourceId: "batch-1", href: "/home" } as const;
const itemsOf = (personIds: string[]) =>
  db.todoItem.findMany({
    where: { personId: { in: personIds }, kind: SOURCE.kind },
    select: { personId: true, href: true, params: true, fromName: true, dueAt: true, createdAt: true, doneAt: true },
  });

it("adds one item per person in one go, with its content, the clock's time and the instant it is due", async () => {
  const people = await Promise.all(["C0101", "C0102", "C0103"].map(personId));
  const at = new Date("2026-12-31T15:30:00.000Z");
  const due = new Date("2027-01-15T01:02:03.456Z");
  freezeClock(at);
  await addTodos(
    db,
    people.map((id, i) => ({ ...SOURCE, personId: id, params: { n: i }, dueAt: due, from: "周雅琴" })),
  );
  const items = await itemsOf(people);
  expect(items).toHaveLength(3);
  for (const item of items) {
    const i = people.indexOf(item.personId);
    expect(item).toEqual({
      personId: people[i],
      href: "/home",
      params: { n: i },
      fromName: "周雅琴",
      dueAt: due,
      createdAt: at,
      doneAt: null,
    });
  }
});

it("brings back a done item with the same key: open, new content and time; no params keeps its own", async () => {
  const person = await personId("C0104");
  freezeClock("2026-12-01T02:00:00Z");
  await addTodo(db, { ...SOURCE, personId: person, params: { title: "旧" }, dueAt: new Date("2026-12-05T00:00:00Z") });
  await db.todoItem.updateMany({ where: { personId: person, kind: SOURCE.kind }, data: { doneAt: now() } });
  const later = new Date("2026-12-02T03:00:00Z");
  freezeClock(later);
  await addTodos(db, [{ ...SOURCE, personId: person, href: "/quiz" }]);
  expect(await itemsOf([person])).toEqual([
    {
      personId: person,
      href: "/quiz",
      params: { title: "旧" },
      fromName: null,
      dueAt: null,
      createdAt: later,
      doneAt: null,
    },
  ]);
});

it("the same key twice in one call: the later one counts, as two calls in turn", async () => {
  const person = await personId("C0105");
  await addTodos(db, [
    { ...SOURCE, personId: person, params: { v: 1 } },
    { ...SOURCE, personId: person, params: { v: 2 } },
  ]);
  const items = await itemsOf([person]);
  expect(items.map((i) => i.params)).toEqual([{ v: 2 }]);
});

it("an item without params has none (no JSON null), and nothing at all is a no-op", async () => {
  const person = await personId("C0106");
  await addTodos(db, []);
  await addTodos(db, [{ ...SOURCE, personId: person }]);
  const [row] = await db.$queryRaw<Array<{ params: unknown }>>`
    SELECT params FROM "TodoItem" WHERE "personId" = ${person} AND kind = ${SOURCE.kind}`;
  expect(row).toEqual({ params: null });
  const jsonNull = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM "TodoItem" WHERE "personId" = ${person} AND kind = ${SOURCE.kind} AND params IS NOT NULL`;
  expect(Number(jsonNull[0].n)).toBe(0);
});
