import { z } from 'zod';
import { LANGUAGES } from './vocabulary';

/** The building blocks every record of the register is made of: dates, texts in the register's languages, people. */

export const LANGUAGE_CODES = LANGUAGES;

/** Calendar date as written in the register: YYYY-MM-DD (no time zone games for due dates). */
export const isoDate = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date written YYYY-MM-DD', params: { code: 'invalid_date_format' } });
  } else if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || !new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real calendar date', params: { code: 'not_a_date' } });
  }
});

export const isoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** A text in the register's languages; Brussels writes French first, so any one language may be the source. */
export const localizedText = (max = 4000) =>
  z
    .object({ nl: text(max).optional(), fr: text(max).optional(), en: text(max).optional() })
    .strict();
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

export const requiredLocalizedText = (max: number) =>
  localizedText(max).refine((t) => Boolean(t.nl?.trim() || t.fr?.trim() || t.en?.trim()), {
    message: 'needs a text in Dutch, French or English',
    params: { code: 'needs_text' },
  });

export const personRef = z
  .object({
    name: text(200).min(1, 'is required'),
    id: text(200).optional(),
    email: z.string().email('is not an e-mail address').optional(),
  })
  .strict();
export type PersonRef = z.infer<typeof personRef>;
