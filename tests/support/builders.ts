/**
 * Builders of the register's inputs for tests: one place that knows what a minimal valid measure, action or
 * decision is, so a change to the model changes one builder, not every suite.
 */

/** A minimal valid measure (as the API takes it): a Dutch title, ICT, proposed; `extra` overrides any field. */
export function entryInput(title: string, extra: Record<string, unknown> = {}) {
  return { title: { nl: title }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement', ...extra };
}

/** A decision of a body on a measure. */
export function decisionInput(body: string, extra: Record<string, unknown> = {}) {
  return { body, date: '2026-03-01', text: { nl: 'Beslist' }, outcome: 'approved', ...extra };
}
