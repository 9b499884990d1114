import type { ZodError } from 'zod';

export interface FieldIssue {
  /** dotted path of the bad field, e.g. "title.nl" or "options.2.label" */
  field: string;
  reason: string;
}

/** Input that breaks the register's rules; names every bad field and why. */
export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid input: ${issues.map((i) => `${i.field || '(body)'} ${i.reason}`).join('; ')}`);
    this.name = 'ValidationError';
  }

  static fromZod(error: ZodError, prefix = ''): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({
        field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
        reason: issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message,
      })),
    );
  }
}
