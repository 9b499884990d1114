import { z } from 'zod';
import { safeLink } from './links';
import { BILINGUAL_LANGUAGES } from './bilingual';
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
    administration: z.enum(ADMINISTRATION_CODES).describe('Administration the person works for: gemeente (municipality), ocmw (OCMW/CPAS) or other'),
    function: text(200).optional().describe('Job title or function within that administration'),
    phone: text(50).optional().describe('Telephone number, as written'),
  })
  .strict();

export const financialBenefit = z
  .object({
    amountEur: z.number().nonnegative('cannot be negative').max(1e12).nullable().describe('Overall financial benefit in euro; null when not quantified'),
    confidence: z
      .enum(['estimate', 'actual', 'not_quantified'])
      .describe('Whether the amount is an estimate or actual (realised); not_quantified when there is no amount'),
    basis: text(500).optional().describe('How the amount was arrived at (calculation, source)'),
  })
  .strict()
  .refine((b) => (b.confidence === 'not_quantified') === (b.amountEur === null), {
    message: 'an amount needs confidence "estimate" or "actual"; no amount means "not_quantified"',
    params: { code: 'amount_confidence' },
  });

export const decision = z
  .object({
    body: z
      .enum(DECISION_BODY_CODES)
      .describe('Body that took the decision (college, council, consultation committee, focus group…; codes from /api/vocabulary)'),
    date: isoDate.describe('Date of the decision, YYYY-MM-DD'),
    text: requiredLocalizedText(4000).describe('What was decided, in Dutch, French and/or English (at least one)'),
    outcome: z.enum(DECISION_OUTCOME_CODES).describe('Outcome of the decision: approved, rejected, deferred or noted'),
    meetingId: z.string().optional().describe('Id of the meeting where it was decided, if recorded in the register'),
    pollId: z.string().optional().describe('Id of the focus-group poll whose outcome this decision records'),
    minutesUrl: safeLink.optional().describe('Link to the minutes (https)'),
  })
  .strict();
export type Decision = z.infer<typeof decision>;

/** How an entry appeared in one year's report: frozen by the year roll-over. */
export const mention = z
  .object({
    reportYear: z.number().int().min(2000).max(2100).describe('Budget year of the report the entry appeared in'),
    status: z.enum(STATUS_CODES).describe('Status the measure had in that report'),
    italic: z.boolean().describe('Whether that report printed the measure in italics (new that year)'),
    /** the section heading the report printed it under (without its number): overrides the template's mapping */
    section: text(200).optional().describe("Section heading the report printed it under (without its number); overrides the template's mapping"),
    /** false when the report only told of it inside a meeting's account, not in the synergy lists */
    listed: z.boolean().default(true).describe("False when the report only told of it inside a meeting's account, not in the synergy lists"),
    textOverride: localizedText(4000).optional().describe('Text that report printed for the measure, when it differs from the entry’s own'),
    /** written by the year roll-over (not read from a filed report): a roll-over cut short resumes */
    rolledOver: z.literal(true).optional().describe('Set by the year roll-over (not read from a filed report), so an interrupted roll-over can resume'),
  })
  .strict();
export type Mention = z.infer<typeof mention>;

/** Benefit in euro for one administration in one budget year: estimated beforehand, realised afterwards. */
export const yearBenefit = z
  .object({
    year: z.number().int().min(2000).max(2100).describe('Budget year the amounts belong to'),
    administration: z.enum(['gemeente', 'ocmw']).describe('Administration that gains: gemeente (municipality) or ocmw (OCMW/CPAS)'),
    estimatedEur: z.number().nonnegative().max(1e12).nullable().default(null).describe('Benefit estimated beforehand, in euro; null if none'),
    realisedEur: z.number().nonnegative().max(1e12).nullable().default(null).describe('Benefit realised afterwards, in euro; null if not known yet'),
  })
  .strict();
export type YearBenefit = z.infer<typeof yearBenefit>;

const year = registerYear;

export const entryFields = z
  .object({
    title: requiredLocalizedText(500).describe('Name of the measure, in Dutch, French and/or English (at least one)'),
    description: localizedText(20000).default({}).describe('What the measure is and does'),
    domain: z.enum(DOMAIN_CODES).describe('Policy domain code (e.g. HR, SOC.HOUS; list at /api/vocabulary)'),
    /** the service that carries the measure ("Dienst Financiën" / "Service des finances"); templates may gather by it */
    department: localizedText(200)
      .optional()
      .describe('Service that carries the measure ("Dienst Financiën" / "Service des finances"); templates may gather by it'),
    subheading: localizedText(200).optional().describe('Subheading the report prints above the measure within its section'),
    /** explicit placement: the key (or title) of a section of the report template; wins over its gathering rules */
    section: text(200).optional().describe('Explicit placement: key (or title) of a section of the report template; wins over its gathering rules'),
    scope: z
      .enum(SCOPE_CODES)
      .default('gemeente-ocmw')
      .describe('Who cooperates: municipality and its OCMW, with other OCMWs, at regional level, or with other authorities or partners'),
    status: z.enum(STATUS_CODES).describe('Lifecycle status (proposed, under_study, new, existing, stopped…); the roll-over turns "new" into "existing"'),
    startYear: year.nullable().default(null).describe('Budget year whose report first lists the measure; null if unknown'),
    /** the budget year whose report says the measure stopped (or was not retained); it is not reported after it */
    endYear: year
      .nullable()
      .default(null)
      .describe('Budget year whose report says the measure stopped (or was not retained); not reported after it; null while running'),
    parties: z.array(text(200).min(1)).max(50).default([]).describe('Organisations taking part besides the municipality and the OCMW/CPAS'),
    kind: z.enum(KIND_CODES).describe('Kind of measure: synergy, economy of scale or removal of overlap'),
    /** omitted: derived from `form` (FORMALISATION_OF_FORM, published by /api/vocabulary) */
    formalisation: z
      .enum(FORMALISATION_CODES)
      .optional()
      .describe('How formal the cooperation is; omitted: derived from `form` (FORMALISATION_OF_FORM, published by /api/vocabulary)'),
    form: z
      .enum(FORM_CODES)
      .optional()
      .describe('Mechanism of the cooperation (shared service, agreement…; codes from /api/vocabulary), finer than the formalisation'),
    /** true: the formalisation deliberately differs from what the form implies (shown in the entry) */
    formalisationOverride: z.boolean().default(false).describe('True when the formalisation deliberately differs from what the form implies'),
    financialBenefit: financialBenefit.default({ amountEur: null, confidence: 'not_quantified' }).describe('Overall financial benefit of the measure'),
    /** euro per administration and budget year, estimated and realised */
    benefits: z.array(yearBenefit).max(200).default([]).describe('Benefit in euro per administration and budget year, estimated and realised'),
    qualitativeBenefit: localizedText(4000).default({}).describe('Benefits that are not money (quality of service, time saved…)'),
    contacts: z.array(contactPerson).max(50).default([]).describe('People to contact about the measure, in either administration'),
    focusGroupId: z.string().nullable().default(null).describe('Id of the focus group that follows the measure; null if none'),
    decisions: z.array(decision).max(200).default([]).describe('Decisions taken on the measure (college, councils, focus group…)'),
    mentions: z.array(mention).max(100).default([]).describe("How the measure appeared in each year's report, frozen by the year roll-over"),
    /** where the measure comes from: a report, its section and line, minutes… */
    source: text(300).optional().describe('Where the measure comes from: a report, its section and line, minutes…'),
    notes: localizedText(4000).default({}).describe('Internal notes; not printed in the report'),
    /** the languages whose texts are translations of the source (shown as such, to be reviewed) */
    translations: z
      .array(z.enum(LANGUAGE_CODES))
      .max(3)
      .default([])
      .describe('Languages whose texts are translations of the source (shown as such, to be reviewed)'),
    /** texts a machine translated and no person reviewed yet (the annex lists them) */
    machineTranslated: machineTranslatedTexts.optional().describe('Texts a machine translated and no person reviewed yet (the annex lists them)'),
    /** fields whose texts are never sent to a translation service */
    confidentialTexts: confidentialTexts.optional().describe('Fields whose texts are never sent to a translation service'),
    updatedAt: isoDateTime.optional().describe('When the entry was last changed (ISO 8601 date and time); set by the server'),
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
    entryId: z.string().nullable().default(null).describe('Id of the measure (entry) the action belongs to; null for a stand-alone action'),
    title: visibleText(500).describe('What is to be done, in one language'),
    owner: personRef.describe('Person responsible for the action'),
    dueDate: isoDate.nullable().default(null).describe('Date the action is due, YYYY-MM-DD; null if none'),
    dueLabel: text(200).optional().describe('Deadline as written when not a date ("end of Q3", "before the budget")'),
    status: z.enum(ACTION_STATUS_CODES).default('open').describe('Progress of the action: open, in_progress, done or cancelled'),
    doneDate: isoDate.nullable().default(null).describe('Date the action was done, YYYY-MM-DD; set exactly when status is done'),
    meetingId: z.string().optional().describe('Id of the meeting that agreed the action'),
    /** the language the title is written in (a title has one); absent: the register's default language */
    language: z.enum(LANGUAGE_CODES).optional().describe("Language the title is written in; absent: the register's default language"),
    /** the title in the other language(s): typed by a person or accepted from a translation suggestion */
    titleTranslations: localizedText(500).optional().describe('The title in the other language(s), beside the title in `language`'),
    /** languages of titleTranslations a machine translated and no person reviewed yet */
    titleMachineTranslated: z
      .array(z.enum(BILINGUAL_LANGUAGES))
      .max(BILINGUAL_LANGUAGES.length)
      .optional()
      .describe('Languages of `titleTranslations` a machine translated and no person reviewed yet'),
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
    teamId: z.string().min(1).describe('Microsoft Teams team id'),
    channelId: z.string().min(1).describe('Teams channel id within that team'),
    name: text(200).optional().describe('Channel name as shown in Teams'),
  })
  .strict();

export const focusGroup = z
  .object({
    domain: z.enum(DOMAIN_CODES).describe('Policy domain the focus group works on (code from /api/vocabulary)'),
    name: requiredLocalizedText(200).describe('Name of the focus group, in Dutch, French and/or English (at least one)'),
    members: z
      .array(
        contactPerson
          .extend({ role: z.enum(['contact', 'member']).default('member').describe('contact: the group’s contact person; member: an ordinary member') })
          .strict(),
      )
      .max(200)
      .default([])
      .describe('People in the focus group, from both administrations'),
    channel: teamsChannelRef.nullable().default(null).describe('Teams channel where the group works and polls are posted; null if none'),
    mandate: localizedText(4000).default({}).describe('What the focus group is asked to do'),
  })
  .strict();
export type FocusGroup = z.infer<typeof focusGroup>;
export type FocusGroupInput = z.input<typeof focusGroup>;

export const meeting = z
  .object({
    body: z.enum(MEETING_BODY_CODES).describe('Body that met (consultation committee, steering group, focus group…; codes from /api/vocabulary)'),
    date: isoDate.describe('Date of the meeting, YYYY-MM-DD'),
    held: z.boolean().default(true).describe('False when the meeting was planned but did not take place'),
    title: localizedText(300).default({}).describe('Title of the meeting, if it has one'),
    summary: localizedText(20000).default({}).describe('Account of the meeting, as the annual report tells it'),
    decisions: z
      .array(
        z
          .object({
            text: requiredLocalizedText(4000).describe('What the meeting decided, in Dutch, French and/or English (at least one)'),
            entryIds: z.array(z.string()).default([]).describe('Ids of the measures (entries) the decision concerns'),
          })
          .strict(),
      )
      .max(100)
      .default([])
      .describe('Decisions taken at the meeting, each with the measures it concerns'),
    minutesUrl: safeLink.optional().describe('Link to the minutes (https)'),
    focusGroupId: z.string().nullable().default(null).describe('Id of the focus group that met; null if none'),
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
