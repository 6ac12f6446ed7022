import { describe, expect, it } from "vitest";

import { CATALOGS as EVERYWHERE } from "./catalogs";
import { CATALOGS as BROWSER, hasCatalog, loadCatalog } from "./catalogs.browser";

describe("the browser's catalogs: one language at a time, loaded when asked for", () => {
  it("has none until asked, then exactly the language asked for, the same texts as the server's", async () => {
    expect(hasCatalog("zh-CN")).toBe(false);
    expect(hasCatalog("en")).toBe(false);
    const first = loadCatalog("en");
    // Asked for twice before it is here: one load.
    expect(loadCatalog("en")).toBe(first);
    await first;
    expect(hasCatalog("en")).toBe(true);
    expect(hasCatalog("zh-CN")).toBe(false);
    expect(BROWSER.en).toEqual(EVERYWHERE.en);
    await loadCatalog("zh-CN");
    expect(BROWSER["zh-CN"]).toEqual(EVERYWHERE["zh-CN"]);
  });
});
