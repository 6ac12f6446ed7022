import { describe, expect, it } from "vitest";

import { isForbiddenCrossOriginWrite } from "./origin";

const base = { expectedOrigin: "http://localhost:3000", hasBearerToken: false };

describe("cross-origin writes", () => {
  it("never blocks reads", () => {
    expect(
      isForbiddenCrossOriginWrite({
        ...base,
        method: "GET",
        origin: "https://evil.example",
        secFetchSite: "cross-site",
      }),
    ).toBe(false);
  });

  it("accepts a same-origin form post", () => {
    expect(
      isForbiddenCrossOriginWrite({
        ...base,
        method: "POST",
        origin: "http://localhost:3000",
        secFetchSite: "same-origin",
      }),
    ).toBe(false);
  });

  it("refuses a post from another site, by Sec-Fetch-Site or by Origin", () => {
    expect(
      isForbiddenCrossOriginWrite({
        ...base,
        method: "POST",
        origin: "https://evil.example",
        secFetchSite: "cross-site",
      }),
    ).toBe(true);
    expect(isForbiddenCrossOriginWrite({ ...base, method: "POST", origin: null, secFetchSite: "same-site" })).toBe(
      true,
    );
    expect(
      isForbiddenCrossOriginWrite({ ...base, method: "DELETE", origin: "https://evil.example", secFetchSite: null }),
    ).toBe(true);
    expect(isForbiddenCrossOriginWrite({ ...base, method: "POST", origin: "null", secFetchSite: null })).toBe(true);
  });

  it("refuses a post with neither header unless it carries an API key", () => {
    expect(isForbiddenCrossOriginWrite({ ...base, method: "POST", origin: null, secFetchSite: null })).toBe(true);
    expect(
      isForbiddenCrossOriginWrite({ ...base, method: "POST", origin: null, secFetchSite: null, hasBearerToken: true }),
    ).toBe(false);
  });
});
