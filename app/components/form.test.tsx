import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";

import { createI18n } from "~/utils/i18n";

import { Field } from "./form";

const render = (error?: string) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n("zh-CN")}>
      <Field label="Budget" name="budget" error={error}>
        <input id="budget" />
      </Field>
    </I18nextProvider>,
  );

describe("a field's message line", () => {
  // A message appearing on blur must not move what is below (a click under way on a checkbox there).
  it("takes the same one-line room with and without a message", () => {
    const line = /<p[^>]*class="mt-1 min-h-4 text-xs[^"]*"[^>]*>/;
    expect(render()).toMatch(line);
    expect(render("validation.required")).toMatch(line);
    expect(render("validation.required")).toContain('role="alert"');
    expect(render()).not.toContain('role="alert"');
  });
});
