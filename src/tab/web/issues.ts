/** Maps the server's 400 issues ({field, code, params}) onto the form's controls, in the page's language. Pure: unit-tested. */
import { type CodedIssue, describeIssue, reasonText } from '../../i18n';
import type { Language } from './locale';

export type FieldIssue = CodedIssue & { reason?: string };

/**
 * The form field an issue belongs to: the field itself, else its closest parent the form shows
 * ("financialBenefit.amountEur" → "financialBenefit.amountEur"; "parties.2" → "parties"; "title" → "title").
 */
export function fieldForIssue(issueField: string, formFields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of formFields) {
    if (issueField === f || issueField.startsWith(`${f}.`)) {
      if (!best || f.length > best.length) best = f;
    }
  }
  return best;
}

/**
 * Groups issues by form field, each as its reason in the page's language (from the catalogue, never the
 * server's English); the ones no control shows are returned under "" with their field's label.
 */
export function groupIssues(issues: readonly FieldIssue[], formFields: readonly string[], language: Language): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    const key = fieldForIssue(issue.field, formFields) ?? '';
    const reasons = out.get(key) ?? [];
    reasons.push(key === '' ? describeIssue(language, issue) : reasonText(language, issue));
    out.set(key, reasons);
  }
  return out;
}
