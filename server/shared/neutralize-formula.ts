// OWASP "CSV injection": a spreadsheet evaluates a cell starting with one of these as a formula.
// The full-width forms are there because Apple Numbers folds them to their ASCII twins.
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Makes a text cell inert by prefixing a single quote when a spreadsheet would read it as a formula. */
export function neutralizeFormula(text: string): string {
  return formulaTriggers.has(text.charAt(0)) ? `'${text}` : text;
}
