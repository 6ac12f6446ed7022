// The people list is read a page at a time by employee number (keyset): paging visits everyone in scope once,
// a department head's pages never hold another department's people, and the search holds across pages.
import { expect, it } from "vitest";

import { loader } from "~/routes/_app.people._index";
import { db } from "~/utils/db.server";

import { cookieFor, demoCompanyBeforeEachTest, outcome, requestAs } from "./support";

demoCompanyBeforeEachTest();

type Body = {
  total: number;
  people: Array<{ employeeNo: string; department: { name: string } }>;
  next: string | null;
  previous: string | null;
};

async function page(cookie: string, query: string): Promise<Body> {
  const result = await outcome(() =>
    loader({ request: requestAs(cookie, `/people${query}`), params: {}, context: { cspNonce: "" } }),
  );
  expect(result.status).toBe(200);
  return result.body as Body;
}

async function allPages(cookie: string, query: string) {
  const pages = [await page(cookie, query)];
  while (pages.at(-1)!.next)
    pages.push(await page(cookie, `${query}${query ? "&" : "?"}after=${encodeURIComponent(pages.at(-1)!.next!)}`));
  return pages;
}

/** 70 more people in the first collection department (COL1), and 70 in the second (COL2). */
async function growDepartments() {
  const [col1, col2] = await Promise.all(
    ["COL1", "COL2"].map((code) => db.department.findUniqueOrThrow({ where: { code }, select: { id: true } })),
  );
  await db.person.createMany({
    data: [col1, col2].flatMap((d, k) =>
      Array.from({ length: 70 }, (_, i) => ({
        employeeNo: `X${k}${String(i).padStart(3, "0")}`,
        name: `翻页测试${k}${i}`,
        post: "催收专员",
        departmentId: d.id,
      })),
    ),
  });
  return { col1: col1.id, col2: col2.id };
}

it("a department head pages through their own department only: everyone once, in order, never another's", async () => {
  const { col1 } = await growDepartments();
  const cookie = await cookieFor("D0101");
  const pages = await allPages(cookie, "");
  expect(pages.length).toBeGreaterThan(1);
  const numbers = pages.flatMap((p) => p.people.map((x) => x.employeeNo));
  const inScope = await db.person.findMany({
    where: { department: { OR: [{ id: col1 }, { parentId: col1 }] } },
    select: { employeeNo: true },
  });
  expect(numbers).toEqual(inScope.map((p) => p.employeeNo).sort());
  expect(numbers.some((n) => n.startsWith("X1"))).toBe(false);
  for (const p of pages) expect(p.total).toBe(inScope.length);

  // Back from the last page to the first: the same pages in reverse.
  const back = [pages.at(-1)!];
  while (back.at(-1)!.previous) back.push(await page(cookie, `?before=${encodeURIComponent(back.at(-1)!.previous!)}`));
  expect(back.map((p) => p.people.map((x) => x.employeeNo))).toEqual(
    pages.map((p) => p.people.map((x) => x.employeeNo)).reverse(),
  );
});

it("a cursor from another department's list shows nothing of it; the search holds across pages", async () => {
  await growDepartments();
  const head = await cookieFor("D0101");
  // A cursor just before COL2's added people: the head still sees only their own department after it.
  const after = await page(head, "?after=X0999");
  expect(after.people.map((p) => p.employeeNo).some((n) => n.startsWith("X1"))).toBe(false);

  const manager = await cookieFor("T0001");
  const found = await allPages(manager, `?q=${encodeURIComponent("翻页测试")}`);
  expect(found.map((p) => p.people.length)).toEqual([50, 50, 40]);
  expect(new Set(found.flatMap((p) => p.people.map((x) => x.employeeNo))).size).toBe(140);
  expect(found[0].total).toBe(140);
});
