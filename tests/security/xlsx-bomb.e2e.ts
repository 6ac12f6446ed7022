// Attack: spreadsheet zip bombs against the imports. A department head uploads a 1.9 MB .xlsx that expands to
// 1.9 GB to the case import, the training manager the same to the question import, and the administrator a row
// bomb (millions of empty rows in a small file) to the people import: each is refused with a message, at once,
// without the server inflating what the file declares (tests/security/xlsx-guard.test.ts counts what the guard
// inflates; here the server's memory shows it did not).
import { describe, expect, it } from "vitest";

import { baseURL } from "../e2e/harness";

import { serverRss, signIn, upload } from "./attack-client";
import { numberedRows, rowBomb, xlsxBomb } from "./bombs";

const MB = 1024 * 1024;

describe("spreadsheet bombs are refused before a spreadsheet is opened", () => {
  const bomb = xlsxBomb(1_900);

  it("refuses a 1.9 MB file expanding to 1.9 GB in the case import, the server growing < 50 MB", async () => {
    const cookie = await signIn("D0101");
    const page = await (await fetch(new URL("/cases/import", baseURL), { headers: { Cookie: cookie } })).text();
    const departmentId = /id="departmentId"[\s\S]*?<option value="([^"]+)"/.exec(page)?.[1];
    expect(departmentId).toBeTruthy();
    expect(bomb.byteLength).toBeLessThan(2_000_000);
    const rss = serverRss();
    const answer = await upload("/cases/import", cookie, { departmentId: departmentId! }, "案件.xlsx", bomb);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("文件解压后过大");
    expect(serverRss() - rss).toBeLessThan(50 * MB);
  });

  it("refuses the same bomb in the question import", async () => {
    const cookie = await signIn("T0001");
    const rss = serverRss();
    const answer = await upload("/quiz/questions/import", cookie, {}, "题库.xlsx", bomb);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("文件解压后过大");
    expect(serverRss() - rss).toBeLessThan(50 * MB);
  });

  it("refuses row bombs in the people import: millions of empty rows, or 300,000 within every size limit", async () => {
    const cookie = await signIn("A0001");
    const rss = serverRss();
    for (const [rows, message] of [
      [rowBomb(5_000_000), "文件解压后过大"],
      [numberedRows(300_000), "表格行数过多"],
    ] as const) {
      expect(rows.byteLength).toBeLessThan(2_000_000);
      const answer = await upload("/people/import", cookie, {}, "人员.xlsx", rows);
      expect(answer.status).toBe(400);
      expect(answer.body).toContain(message);
    }
    expect(serverRss() - rss).toBeLessThan(50 * MB);
  });
});
