// Attack: an open redirect through a login link or the language switch.
import { describe, expect, it } from "vitest";

import { safeRedirect } from "./safe-redirect";

describe("a redirect target taken from the request", () => {
  it.each([
    ["/people", "/people"],
    ["/people?page=2&q=%E5%BC%A0", "/people?page=2&q=%E5%BC%A0"],
    ["/quiz/attempts/abc#q3", "/quiz/attempts/abc#q3"],
    ["/", "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps the path %s on this site", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example/phish",
    "\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "HTTPS://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /people",
    "people",
    "/a/..//evil.example",
    "/./../..//evil.example",
    "",
  ])("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/home");
  });

  it("decodes the query string once, as the login form does, and still refuses the attack", () => {
    const decoded = new URLSearchParams("redirectTo=%2F%09%2Fevil.example%2Fphish").get("redirectTo");
    expect(decoded).toBe("/\t/evil.example/phish");
    expect(safeRedirect(decoded)).toBe("/home");
    const backslash = new URLSearchParams("redirectTo=%2F%5Cevil.example").get("redirectTo");
    expect(safeRedirect(backslash)).toBe("/home");
  });

  it("falls back to the caller's page when nothing or something that is not text was sent", () => {
    expect(safeRedirect(undefined, "/")).toBe("/");
    expect(safeRedirect(null, "/")).toBe("/");
    expect(safeRedirect(["/people"], "/")).toBe("/");
  });

  it("the result never names another host, whatever the browser does with it", () => {
    const targets = ["/\t/x", "//x", "/\\x", "/a/..//x", "/%2e%2e//x", "/people?next=//x"];
    for (const target of targets) {
      const out = safeRedirect(target);
      expect(new URL(out, "https://traingate.example").origin).toBe("https://traingate.example");
    }
  });
});
