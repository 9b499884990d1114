/**
 * Text a spreadsheet would read as a formula is kept inert in every export (.csv and .xlsx alike): a cell whose
 * text starts with = + - @ (or a tab or carriage return, which some spreadsheets skip before them) gets a leading
 * apostrophe, so a measure titled "=HYPERLINK(…)" is shown as that text and never runs, also once the workbook is
 * saved again as CSV or its cells are copied elsewhere. Numbers and dates are values, never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A cell value as an export writes it: formula-like text prefixed with an apostrophe, anything else as it is. */
export function inertCell<C>(value: C): C | string {
  return typeof value === 'string' && isFormulaLike(value) ? `'${value}` : value;
}

export function inertRow<C>(row: readonly C[]): Array<C | string> {
  return row.map(inertCell);
}
