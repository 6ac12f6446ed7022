import { describe, expect, it } from "vitest";

import { quoteFormulaText, unquoteFormulaText } from "./spreadsheet-text";

describe("quoteFormulaText: text a spreadsheet could run as a formula gets the quote prefix", () => {
  it.each([
    '=HYPERLINK("http://evil","x")',
    "@SUM(1)",
    "+1",
    "-1+1",
    "-5 分",
    "\t=1",
    "\r=1",
    "＝1+1",
    "＋1",
    "＠SUM(1)",
  ])("%j", (text) => {
    expect(quoteFormulaText(text)).toBe(`'${text}`);
  });

  it.each(["催收话术 A", "1+1", "a=b", "", "'plain", "100%"])("%j stays as it is", (text) => {
    expect(quoteFormulaText(text)).toBe(text);
  });

  it("a text that already starts with a quote before a formula character gets one more", () => {
    expect(quoteFormulaText("'=1")).toBe("''=1");
  });
});

describe("unquoteFormulaText: an exported text read back is the text that was exported", () => {
  it.each(['=HYPERLINK("http://evil","x")', "-5 分", "'=1", "''+2", "'plain", "plain", "", "＝1"])("%j", (text) => {
    expect(unquoteFormulaText(quoteFormulaText(text))).toBe(text);
  });

  it("a quote before ordinary text is the text's own and stays", () => {
    expect(unquoteFormulaText("'plain")).toBe("'plain");
  });
});
