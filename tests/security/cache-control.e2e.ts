// Attack: after a person signs out of a shared PC (or behind a caching proxy), the next person
// presses Back or reads the browser cache and sees the first one's pages, data and downloads.
// Every answer of a signed-in session must say `Cache-Control: no-store`; only the static
// assets, which hold nobody's data, keep their long cache.
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { baseURL, DEMO_PASSWORD } from "../e2e/harness";

let cookie = "";

async function get(path: string, withCookie = true) {
  const response = await fetch(baseURL + path, {
    redirect: "manual",
    headers: withCookie ? { Cookie: cookie } : {},
  });
  await response.arrayBuffer();
  return response;
}

beforeAll(async () => {
  // T0001 (training manager) may export the question bank; signing in changes nothing of the account.
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ employeeNo: "T0001", password: DEMO_PASSWORD, redirectTo: "/home" }),
  });
  expect(response.status).toBe(302);
  cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => /tg_session=./.test(c))
    .join("; ");
  expect(cookie).not.toBe("");
});

afterAll(async () => {
  // Ends only this test's own session.
  if (cookie)
    await fetch(`${baseURL}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: baseURL },
    });
});

describe("a signed-in person's answers are never stored", () => {
  test.each([
    ["a page", "/home"],
    ["a page's data request (single fetch)", "/home.data"],
    ["another page's data request for one route", "/people.data?_routes=routes%2F_app.people._index"],
    ["a download", "/quiz/questions/export"],
    ["a JSON call answered before Remix", "/api/quiz/attempts/not-an-attempt"],
    ["a page that is not there", "/no-such-page"],
  ])("%s: %s", async (_what, path) => {
    const response = await get(path);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("the signed-in page really is the person's (the cookie works)", async () => {
    const response = await get("/home");
    expect(response.status).toBe(200);
  });

  test("the login page and a signed-out redirect are not stored either", async () => {
    expect((await get("/login", false)).headers.get("cache-control")).toBe("no-store");
    const redirected = await get("/home", false);
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("cache-control")).toBe("no-store");
  });

  test("a route that chose its own Cache-Control keeps it (no second header)", async () => {
    const response = await get("/quiz/questions/export");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
  });

  test("the static assets keep their long cache", async () => {
    const html = await (await fetch(`${baseURL}/home`, { headers: { Cookie: cookie } })).text();
    const asset = /\/assets\/[\w.-]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const response = await get(asset!, false);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
  });
});
