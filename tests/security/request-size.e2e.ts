// Attack: unbounded request bodies before login or permission checks. Anonymous POST /login declaring 400 MB
// (six at once) or streaming a chunked body past the limit, and an agent posting a large upload to the
// course-material action they may not use: each must be refused at once, without the server reading (or keeping)
// the body, and an oversized login must not count as a failed login. "At once" is proven by the body never being
// finished (the client sends a few MB of what it declares): any answer came without reading it. No stopwatch: a
// busy machine would fail it, a broken limit would not pass it.
import { describe, expect, it } from "vitest";

import { baseURL } from "../e2e/harness";

import { multipart, rawPost, serverRss, signIn } from "./attack-client";

const MB = 1024 * 1024;
const zeros = new Uint8Array(MB);
const formBytes = () => Buffer.from(`employeeNo=C0120&password=${"x".repeat(MB)}`).subarray(0, MB);

/** The failed logins the audit log shows for one account, as the administrator sees it. */
async function failedLogins(employeeNo: string): Promise<number> {
  const cookie = await signIn("A0001");
  const url = new URL(`/audit?action=auth.login_failed&actor=${employeeNo}`, baseURL);
  const response = await fetch(url, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  const total = /共 (\d+) 条|(\d+) in all/.exec(await response.text());
  return Number(total?.[1] ?? total?.[2] ?? 0);
}

describe("request bodies are limited before anything reads them", () => {
  it("refuses six parallel 400 MB logins by their Content-Length, counting no failure", async () => {
    const failuresBefore = await failedLogins("C0120");
    const rss = serverRss();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        rawPost(
          "/login",
          { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 400_000_000 },
          formBytes,
          4 * MB,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(answer.body).toContain("提交的内容过大");
    }
    expect(serverRss() - rss).toBeLessThan(50 * MB);
    expect(await failedLogins("C0120")).toBe(failuresBefore);
  });

  it("answers a chunked login body with 413 at the limit and cuts the connection 20 MB on", async () => {
    const failuresBefore = await failedLogins("C0120");
    const rss = serverRss();
    const answer = await rawPost(
      "/login",
      { "Content-Type": "application/x-www-form-urlencoded" },
      formBytes,
      64 * 1024 + 20 * MB,
      { writeOn: true },
    );
    expect(answer.status).toBe(413);
    expect(answer.cut).toBe(true);
    expect(serverRss() - rss).toBeLessThan(50 * MB);
    expect(await failedLogins("C0120")).toBe(failuresBefore);
  });

  it("refuses an agent's upload to a course with 403 before reading the file, and a 300 MB one with 413", async () => {
    const cookie = await signIn("C0119");
    const form = multipart({}, "讲义.pdf");
    const rss = serverRss();
    // Declares 9.9 MB (within the edge limit) but sends 1 MB: an answer can only come without reading the body.
    const permission = await rawPost(
      "/courses/any-course",
      { Cookie: cookie, "Content-Type": form.type, "Content-Length": 9_900_000 },
      () => Buffer.concat([form.head, zeros]),
      MB,
    );
    expect(permission.status).toBe(403);
    // 30 parts of 9.9 MB, as in the issue: refused from the declared length.
    const huge = await rawPost(
      "/courses/any-course",
      { Cookie: cookie, "Content-Type": form.type, "Content-Length": 30 * 9_900_000 },
      () => Buffer.concat([form.head, zeros]),
      4 * MB,
    );
    expect(huge.status).toBe(413);
    expect(serverRss() - rss).toBeLessThan(50 * MB);
  });

  it("still takes an ordinary form and a form at the limit's scale", async () => {
    // The largest legitimate form is ~43 KB (the question editor at its maxima): 60 KB of a login passes the edge
    // and reaches the action, which answers the form itself.
    const answer = await rawPost(
      "/login",
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 60_000 },
      () => Buffer.from(`employeeNo=NOBODY&password=${"x".repeat(60_000)}`).subarray(0, 60_000),
      60_000,
    );
    expect(answer.status).toBe(400);
  });
});
