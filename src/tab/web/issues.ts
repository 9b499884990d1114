/** Maps the server's 400 issues ({field, reason}) onto the form's controls. Pure: unit-tested. */

export interface FieldIssue {
  field: string;
  reason: string;
}

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

/** Groups issues by form field; the ones no control shows are returned under "" for a summary. */
export function groupIssues(issues: readonly FieldIssue[], formFields: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    const key = fieldForIssue(issue.field, formFields) ?? '';
    const reasons = out.get(key) ?? [];
    reasons.push(key === '' && issue.field ? `${issue.field}: ${issue.reason}` : issue.reason);
    out.set(key, reasons);
  }
  return out;
}
