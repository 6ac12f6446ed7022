import { expect, it } from "vitest";

import { pickLocalized } from "./localized";

it("an English page shows the English name, and the Chinese one where there is no English", () => {
  expect(pickLocalized("en", "催收一部", "Collection 1")).toBe("Collection 1");
  expect(pickLocalized("en", "催收一部", null)).toBe("催收一部");
  expect(pickLocalized("en", "催收一部", "")).toBe("催收一部");
  expect(pickLocalized("zh-CN", "催收一部", "Collection 1")).toBe("催收一部");
});
