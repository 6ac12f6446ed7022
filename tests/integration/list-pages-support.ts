// Helpers of the keyset list tests (list-pages.test.ts and its neighbours): read a page through its loader,
// walk every page forwards then back, and grow the demo company's departments past a page.
import { expect } from "vitest";

import { db } from "~/utils/db.server";

import { cookieFor, outcome, requestAs } from "./support";

export type Paged = { next: string | null; previous: string | null };
export type Read<P> = (employeeNo: string, query: string) => Promise<P>;

export function loaderReader<P extends object>(
  loader: (args: never) => Promise<unknown>,
  path: string,
  params: object = {},
): Read<P> {
  return async (employeeNo, query) => {
    const cookie = await cookieFor(employeeNo);
    const result = await outcome(() =>
      loader({ request: requestAs(cookie, `${path}${query}`), params, context: { cspNonce: "" } } as never),
    );
    expect(result.status).toBe(200);
    return result.body as P;
  };
}

export const join = (query: string, more: string) => `${query}${query ? "&" : "?"}${more}`;

/** Every page forwards from the first, then back from the last: `rows` of each page in list order. */
export async function walk<P extends object>(
  read: Read<P>,
  employeeNo: string,
  query: string,
  cursors: (p: P) => Paged,
  rows: (p: P) => string[],
) {
  const pages = [await read(employeeNo, query)];
  while (cursors(pages.at(-1)!).next)
    pages.push(await read(employeeNo, join(query, `after=${encodeURIComponent(cursors(pages.at(-1)!).next!)}`)));
  const back = [pages.at(-1)!];
  while (cursors(back.at(-1)!).previous)
    back.push(await read(employeeNo, join(query, `before=${encodeURIComponent(cursors(back.at(-1)!).previous!)}`)));
  expect(back.map(rows)).toEqual(pages.map(rows).reverse());
  return pages.map(rows);
}

export async function departments() {
  const [col1, col2] = await Promise.all(
    ["COL1", "COL2"].map((code) => db.department.findUniqueOrThrow({ where: { code }, select: { id: true } })),
  );
  const col1Tree = await db.department.findMany({ where: { OR: [{ id: col1.id }, { parentId: col1.id }] } });
  return { col1: col1.id, col2: col2.id, col1Tree: col1Tree.map((d) => d.id) };
}

/** 70 more people in COL1 and 70 in COL2. */
export async function growPeople() {
  const { col1, col2 } = await departments();
  await db.person.createMany({
    data: [col1, col2].flatMap((departmentId, k) =>
      Array.from({ length: 70 }, (_, i) => ({
        employeeNo: `X${k}${String(i).padStart(3, "0")}`,
        name: `翻页测试${k}${i}`,
        post: "催收专员",
        departmentId,
      })),
    ),
  });
  return { col1, col2 };
}
