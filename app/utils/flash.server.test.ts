import { describe, expect, it } from "vitest";

import { flashHeaders, readFlash, redirectWithFlash } from "./flash.server";

const requestWith = (cookie: string | null) =>
  new Request("http://x/home", cookie ? { headers: { Cookie: cookie } } : {});
const pairOf = (headers: Headers) => headers.getSetCookie()[0].split(";")[0];

describe("flash message", () => {
  it("rides on the redirect in an HttpOnly cookie that lives a minute, never in the URL", async () => {
    const response = await redirectWithFlash("/people/p1", "people.notices.saved");
    expect(response.headers.get("Location")).toBe("/people/p1");
    const cookie = response.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^tg_flash=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Max-Age=60");
  });

  it("is read once: the next page gets it together with the header that clears it", async () => {
    const { flash, headers } = await readFlash(
      requestWith(
        `tg_session=abc; ${pairOf(await flashHeaders({ message: "departments.notices.deleted", tone: "info" }))}`,
      ),
    );
    expect(flash).toMatchObject({ tone: "info", message: "departments.notices.deleted", id: expect.any(String) });
    expect(headers?.get("Set-Cookie")).toMatch(/^tg_flash=;.*Max-Age=0/);
  });

  it("a request without one gets nothing and sets no cookie", async () => {
    expect(await readFlash(requestWith("tg_session=abc"))).toEqual({ flash: null, headers: undefined });
    expect(await readFlash(requestWith(null))).toEqual({ flash: null, headers: undefined });
  });

  it("a tampered cookie is ignored and cleared", async () => {
    const pair = pairOf(await flashHeaders("common.saved"));
    const payload = JSON.stringify({ id: "1", tone: "error", message: "auth.locked" });
    const forged = `tg_flash=${Buffer.from(payload).toString("base64")}`;
    for (const cookie of [forged, pair.slice(0, -3) + "abc"]) {
      const { flash, headers } = await readFlash(requestWith(cookie));
      expect(flash).toBeNull();
      expect(headers?.get("Set-Cookie")).toMatch(/Max-Age=0/);
    }
  });
});
