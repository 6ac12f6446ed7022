// Text that a spreadsheet program could take for a formula (OWASP "CSV injection"): a cell beginning
// with = + - @ (or a tab or carriage return, or the full-width forms a Chinese input method types)
// can run =HYPERLINK(…) or worse when someone opens or re-saves the file in another reader. Exports
// write such text behind a single quote, the spreadsheet's own "this is text" mark. Pure: no I/O.

// Quotes already in front count too, so that export and import round-trip every text exactly.
const FORMULA_LIKE = /^'*[=+\-@\t\r＝＋－＠]/;

/** The text as an export writes it: behind a quote when it could be read as a formula. */
export function quoteFormulaText(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** What quoteFormulaText wrote, read back (for a file the app exported and takes in again). */
export function unquoteFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text) ? text.slice(1) : text;
}
