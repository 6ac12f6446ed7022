import { describe, expect, it } from "vitest";

import { createI18n } from "./i18n";

describe("translations with the remembered language chains", () => {
  it("looks a key up in the language asked for, call after call", () => {
    const en = createI18n("en");
    expect(en.t("nav.menu")).toBe("Menu");
    expect(en.t("nav.menu", { lng: "zh-CN" })).toBe("菜单");
    expect(en.t("nav.menu")).toBe("Menu");
    expect(en.t("nav.menu", { lng: "zh-CN" })).toBe("菜单");
  });

  it("still falls back to Chinese for a key English lacks", () => {
    const en = createI18n("en");
    en.addResource("zh-CN", "translation", "test.onlyChinese", "只有中文");
    expect(en.t("test.onlyChinese")).toBe("只有中文");
    expect(en.t("test.onlyChinese")).toBe("只有中文");
    expect(en.t("nav.menu")).toBe("Menu");
  });
});
