import { describe, expect, it } from "vitest";

import { createI18n, LOCALES } from "~/utils/i18n";

import { statusMessageKey } from "./error-boundary";

describe("what an error page says", () => {
  it.each(LOCALES)("each status a page may answer has its own message in %s", (locale) => {
    const i18n = createI18n(locale);
    const statuses = [400, 401, 403, 404, 405, 409, 413];
    for (const status of statuses) expect(i18n.exists(statusMessageKey(status)), `${status}`).toBe(true);
    expect(new Set(statuses.map(statusMessageKey)).size).toBe(statuses.length);
  });

  it("any other status, and a bug, say that something went wrong", () => {
    expect(statusMessageKey(500)).toBe("errors.unexpected");
    expect(statusMessageKey(418)).toBe("errors.unexpected");
  });
});
