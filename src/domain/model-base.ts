import { z } from 'zod';
import { REGISTER_YEARS } from './limits';
import { LANGUAGES } from './vocabulary';

/** The building blocks every record of the register is made of: dates, texts in the register's languages, people. */

export const LANGUAGE_CODES = LANGUAGES;

/** Calendar date as written in the register: YYYY-MM-DD (no time zone games for due dates). */
export const isoDate = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date written YYYY-MM-DD', params: { code: 'invalid_date_format' } });
  } else if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || !new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real calendar date', params: { code: 'not_a_date' } });
  } else {
    checkYear(Number(s.slice(0, 4)), ctx);
  }
});

export const isoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

/** A year of the register: within REGISTER_YEARS, the range of its dates too (a poll's times have their own, poll-rules.ts). */
export const registerYear = z.number().int().min(REGISTER_YEARS.min).max(REGISTER_YEARS.max);

function checkYear(year: number, ctx: z.RefinementCtx): void {
  if (year < REGISTER_YEARS.min || year > REGISTER_YEARS.max) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be a year from ${REGISTER_YEARS.min} to ${REGISTER_YEARS.max}`,
      params: { code: 'year_out_of_range', ...REGISTER_YEARS },
    });
  }
}

/**
 * Whether a text shows anything: spaces, line breaks and the characters that print nothing (zero-width spaces
 * and joiners, soft hyphens, byte-order marks, Hangul fillers, the blank Braille pattern) do not count.
 */
export function hasVisibleText(value: string | undefined): boolean {
  return Boolean(value && /[^\s\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800]/u.test(value));
}

/** A single-language text that must show something (a title, a question). */
export const visibleText = (max: number) => text(max).refine(hasVisibleText, { message: 'is required', params: { code: 'needs_visible_text' } });

export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** A text in the register's languages; Brussels writes French first, so any one language may be the source. */
export const localizedText = (max = 4000) =>
  z
    .object({
      nl: text(max).optional().describe('The text in Dutch'),
      fr: text(max).optional().describe('The text in French'),
      en: text(max).optional().describe('The text in English'),
    })
    .strict();
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

export const requiredLocalizedText = (max: number) =>
  localizedText(max).refine((t) => hasVisibleText(t.nl) || hasVisibleText(t.fr) || hasVisibleText(t.en), {
    message: 'needs a text in Dutch, French or English',
    params: { code: 'needs_text' },
  });

export const personRef = z
  .object({
    name: text(200).min(1, 'is required').describe('Full name as shown in the register'),
    id: text(200).optional().describe('Entra ID object id of the person, when known'),
    email: z.string().email('is not an e-mail address').optional().describe('E-mail address'),
  })
  .strict();
export type PersonRef = z.infer<typeof personRef>;
