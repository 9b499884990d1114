import { z } from 'zod';
import { safeLink } from './links';
import { confidentialTexts, machineTranslatedTexts } from './translation';
import { isoDate, isoDateTime, LANGUAGE_CODES, localizedText, personRef, registerYear, requiredLocalizedText, text, visibleText } from './model-base';
import {
  ACTION_STATUS_CODES,
  ADMINISTRATION_CODES,
  type CooperationForm,
  DECISION_BODY_CODES,
  DECISION_OUTCOME_CODES,
  DOMAIN_CODES,
  FORM_CODES,
  type Formalisation,
  FORMALISATION_CODES,
  FORMALISATION_OF_FORM,
  KIND_CODES,
  MEETING_BODY_CODES,
  SCOPE_CODES,
  STATUS_CODES,
} from './vocabulary';

export { isoDate, isoDateTime, type LocalizedText, type PersonRef } from './model-base';
export * from './model-polls';
export * from './model-bot';

export const contactPerson = personRef
  .extend({
    administration: z.enum(ADMINISTRATION_CODES),
    function: text(200).optional(),
    phone: text(50).optional(),
  })
  .strict();

export const financialBenefit = z
  .object({
    amountEur: z.number().nonnegative('cannot be negative').max(1e12).nullable(),
    confidence: z.enum(['estimate', 'actual', 'not_quantified']),
    basis: text(500).optional(),
  })
  .strict()
  .refine((b) => (b.confidence === 'not_quantified') === (b.amountEur === null), {
    message: 'an amount needs confidence "estimate" or "actual"; no amount means "not_quantified"',
    params: { code: 'amount_confidence' },
  });

export const decision = z
  .object({
    body: z.enum(DECISION_BODY_CODES),
    date: isoDate,
    text: requiredLocalizedText(4000),
    outcome: z.enum(DECISION_OUTCOME_CODES),
    meetingId: z.string().optional(),
    pollId: z.string().optional(),
    minutesUrl: safeLink.optional(),
  })
  .strict();
export type Decision = z.infer<typeof decision>;

/** How an entry appeared in one year's report: frozen by the year roll-over. */
export const mention = z
  .object({
    reportYear: z.number().int().min(2000).max(2100),
    status: z.enum(STATUS_CODES),
    italic: z.boolean(),
    /** the section heading the report printed it under (without its number): overrides the template's mapping */
    section: text(200).optional(),
    /** false when the report only told of it inside a meeting's account, not in the synergy lists */
    listed: z.boolean().default(true),
    textOverride: localizedText(4000).optional(),
    /** written by the year roll-over (not read from a filed report): a roll-over cut short resumes */
    rolledOver: z.literal(true).optional(),
  })
  .strict();
export type Mention = z.infer<typeof mention>;

/** Benefit in euro for one administration in one budget year: estimated beforehand, realised afterwards. */
export const yearBenefit = z
  .object({
    year: z.number().int().min(2000).max(2100),
    administration: z.enum(['gemeente', 'ocmw']),
    estimatedEur: z.number().nonnegative().max(1e12).nullable().default(null),
    realisedEur: z.number().nonnegative().max(1e12).nullable().default(null),
  })
  .strict();
export type YearBenefit = z.infer<typeof yearBenefit>;

const year = registerYear;

export const entryFields = z
  .object({
    title: requiredLocalizedText(500),
    description: localizedText(20000).default({}),
    domain: z.enum(DOMAIN_CODES),
    /** the service that carries the measure ("Dienst Financiën" / "Service des finances"); templates may gather by it */
    department: localizedText(200).optional(),
    subheading: localizedText(200).optional(),
    /** explicit placement: the key (or title) of a section of the report template; wins over its gathering rules */
    section: text(200).optional(),
    scope: z.enum(SCOPE_CODES).default('gemeente-ocmw'),
    status: z.enum(STATUS_CODES),
    startYear: year.nullable().default(null),
    /** the budget year whose report says the measure stopped (or was not retained); it is not reported after it */
    endYear: year.nullable().default(null),
    parties: z.array(text(200).min(1)).max(50).default([]),
    kind: z.enum(KIND_CODES),
    /** omitted: derived from `form` (FORMALISATION_OF_FORM, published by /api/vocabulary) */
    formalisation: z.enum(FORMALISATION_CODES).optional(),
    form: z.enum(FORM_CODES).optional(),
    /** true: the formalisation deliberately differs from what the form implies (shown in the entry) */
    formalisationOverride: z.boolean().default(false),
    financialBenefit: financialBenefit.default({ amountEur: null, confidence: 'not_quantified' }),
    /** euro per administration and budget year, estimated and realised */
    benefits: z.array(yearBenefit).max(200).default([]),
    qualitativeBenefit: localizedText(4000).default({}),
    contacts: z.array(contactPerson).max(50).default([]),
    focusGroupId: z.string().nullable().default(null),
    decisions: z.array(decision).max(200).default([]),
    mentions: z.array(mention).max(100).default([]),
    /** where the measure comes from: a report, its section and line, minutes… */
    source: text(300).optional(),
    notes: localizedText(4000).default({}),
    /** the languages whose texts are translations of the source (shown as such, to be reviewed) */
    translations: z.array(z.enum(LANGUAGE_CODES)).max(3).default([]),
    /** texts a machine translated and no person reviewed yet (the annex lists them) */
    machineTranslated: machineTranslatedTexts.optional(),
    /** fields whose texts are never sent to a translation service */
    confidentialTexts: confidentialTexts.optional(),
    updatedAt: isoDateTime.optional(),
  })
  .strict();

/** The formalisation an entry ends up with: its own, else the one its form implies. */
export function formalisationFor(entry: { formalisation?: Formalisation; form?: CooperationForm }): Formalisation | undefined {
  return entry.formalisation ?? (entry.form ? FORMALISATION_OF_FORM[entry.form] : undefined);
}

/** A change to an entry: the fields it names; `form: null` removes the form (the formalisation stays). */
export const entryPatch = entryFields.partial().extend({ form: z.enum(FORM_CODES).nullable().optional() });

export const synergyEntry = entryFields
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string, params: Record<string, string | number>) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message, params });
    if (!e.formalisation && !e.form) issue('formalisation', 'is required, or give a form of cooperation it follows from', { code: 'formalisation_needed' });
    if (e.formalisation && e.form && !e.formalisationOverride && FORMALISATION_OF_FORM[e.form] !== e.formalisation) {
      issue('formalisation', `contradicts the form "${e.form}"`, {
        code: 'formalisation_contradicts_form',
        form: e.form,
        expected: FORMALISATION_OF_FORM[e.form],
        formalisation: e.formalisation,
      });
    }
    if (e.endYear !== null && e.startYear !== null && e.endYear < e.startYear)
      issue('endYear', 'is before the start year', { code: 'end_before_start', start: e.startYear });
    const seen = new Set<string>();
    e.benefits.forEach((b, i) => {
      const key = `${b.year}|${b.administration}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['benefits', i],
          message: 'appears twice',
          params: { code: 'duplicate_benefit_year', year: b.year, administration: b.administration },
        });
      }
      seen.add(key);
    });
  })
  .transform((e) => ({ ...e, formalisation: formalisationFor(e) as Formalisation }));
export type SynergyEntry = z.output<typeof synergyEntry>;
export type SynergyEntryInput = z.input<typeof synergyEntry>;

export const action = z
  .object({
    entryId: z.string().nullable().default(null),
    title: visibleText(500),
    owner: personRef,
    dueDate: isoDate.nullable().default(null),
    dueLabel: text(200).optional(),
    status: z.enum(ACTION_STATUS_CODES).default('open'),
    doneDate: isoDate.nullable().default(null),
    meetingId: z.string().optional(),
    /** the language the title is written in (a title has one); absent: the register's default language */
    language: z.enum(LANGUAGE_CODES).optional(),
  })
  .strict()
  .refine((a) => (a.status === 'done') === (a.doneDate !== null), {
    message: 'a done action has a done date, and only a done action has one',
    params: { code: 'done_date' },
    path: ['doneDate'],
  });
export type Action = z.infer<typeof action>;
export type ActionInput = z.input<typeof action>;

export const teamsChannelRef = z
  .object({
    teamId: z.string().min(1),
    channelId: z.string().min(1),
    name: text(200).optional(),
  })
  .strict();

export const focusGroup = z
  .object({
    domain: z.enum(DOMAIN_CODES),
    name: requiredLocalizedText(200),
    members: z
      .array(contactPerson.extend({ role: z.enum(['contact', 'member']).default('member') }).strict())
      .max(200)
      .default([]),
    channel: teamsChannelRef.nullable().default(null),
    mandate: localizedText(4000).default({}),
  })
  .strict();
export type FocusGroup = z.infer<typeof focusGroup>;
export type FocusGroupInput = z.input<typeof focusGroup>;

export const meeting = z
  .object({
    body: z.enum(MEETING_BODY_CODES),
    date: isoDate,
    held: z.boolean().default(true),
    title: localizedText(300).default({}),
    summary: localizedText(20000).default({}),
    decisions: z
      .array(z.object({ text: requiredLocalizedText(4000), entryIds: z.array(z.string()).default([]) }).strict())
      .max(100)
      .default([]),
    minutesUrl: safeLink.optional(),
    focusGroupId: z.string().nullable().default(null),
  })
  .strict();
export type Meeting = z.infer<typeof meeting>;
export type MeetingInput = z.input<typeof meeting>;

export const historyEvent = z
  .object({
    entryId: z.string().min(1),
    at: isoDateTime,
    by: personRef,
    kind: z.enum(['created', 'updated', 'status_changed', 'decision_recorded', 'rolled_over', 'deleted', 'restored']),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict()).default([]),
    note: text(2000).optional(),
    /** a restore: the version (history event) it brought back, of this entry or of the deleted entry it replaces */
    restoredFrom: z
      .object({ entryId: z.string().min(1), eventId: z.string().min(1) })
      .strict()
      .optional(),
    /** on a deleted entry's history: the entry that restored it */
    restoredAs: z.string().min(1).optional(),
  })
  .strict();
export type HistoryEvent = z.infer<typeof historyEvent>;

export { annualReport, type AnnualReport, type AnnualReportInput } from './template';
