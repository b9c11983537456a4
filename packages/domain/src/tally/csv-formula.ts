/**
 * Neutralising spreadsheet formulas in exported text (CSV injection). Source of the rule: OWASP
 * "CSV Injection": a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * read as a formula by Excel/LibreOffice; prefixing a single quote makes it plain text.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/** `text` unchanged, or with a leading `'` when it would start a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
