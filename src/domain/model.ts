import { z } from 'zod';
import { safeLink } from './links';
import {
  ACTION_STATUS_CODES,
  LANGUAGES,
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

const LANGUAGE_CODES = LANGUAGES as unknown as ['nl', 'fr', 'en'];

/** Calendar date as written in the register: YYYY-MM-DD (no time zone games for due dates). */
export const isoDate = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date written YYYY-MM-DD', params: { code: 'invalid_date_format' } });
  } else if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || !new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real calendar date', params: { code: 'not_a_date' } });
  }
});

export const isoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

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

export const contactPerson = personRef
  .extend({
    administration: z.enum(ADMINISTRATION_CODES),
    function: text(200).optional(),
    phone: text(50).optional(),
  })
  .strict();
export type ContactPerson = z.infer<typeof contactPerson>;

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
export type FinancialBenefit = z.infer<typeof financialBenefit>;

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

/** How an entry appeared in one year's report (brief §3.1 "mentions"): frozen by the year roll-over. */
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

const year = z.number().int().min(1976).max(2100);

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
    if (e.endYear !== null && e.startYear !== null && e.endYear < e.startYear) issue('endYear', 'is before the start year', { code: 'end_before_start', start: e.startYear });
    const seen = new Set<string>();
    e.benefits.forEach((b, i) => {
      const key = `${b.year}|${b.administration}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['benefits', i], message: 'appears twice', params: { code: 'duplicate_benefit_year', year: b.year, administration: b.administration } });
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
    title: text(500).min(1, 'is required'),
    owner: personRef,
    dueDate: isoDate.nullable().default(null),
    dueLabel: text(200).optional(),
    status: z.enum(ACTION_STATUS_CODES).default('open'),
    doneDate: isoDate.nullable().default(null),
    meetingId: z.string().optional(),
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
export type TeamsChannelRef = z.infer<typeof teamsChannelRef>;

export const focusGroup = z
  .object({
    domain: z.enum(DOMAIN_CODES),
    name: requiredLocalizedText(200),
    members: z.array(contactPerson.extend({ role: z.enum(['contact', 'member']).default('member') }).strict()).max(200).default([]),
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

export const pollOption = z.object({ id: z.string().min(1).max(40), label: text(200).min(1, 'is required') }).strict();

/** A person as polls and digests know them: `id` is the Entra object id (Teams gives it as aadObjectId). */
export const rosterMember = z.object({ id: text(200).min(1, 'is required'), name: text(200).min(1, 'is required') }).strict();
export type RosterMember = z.infer<typeof rosterMember>;

/** The outcome counts only with at least this many ballots, or this share of the roster. */
export const pollQuorum = z
  .object({
    ballots: z.number().int().min(1, 'must be at least 1').max(100000).optional(),
    percent: z.number().int().min(1, 'must be 1 to 100').max(100, 'must be 1 to 100').optional(),
  })
  .strict()
  .refine((q) => (q.ballots === undefined) !== (q.percent === undefined), { message: 'give either a number of ballots or a percentage', params: { code: 'quorum_ballots_or_percent' } });
export type PollQuorum = z.infer<typeof pollQuorum>;

/** "HH:MM" in Brussels time. */
export const timeOfDay = z.string().refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'must be a time written HH:MM', params: { code: 'time_of_day' } });

export const poll = z
  .object({
    focusGroupId: z.string().min(1, 'is required'),
    entryId: z.string().nullable().default(null),
    question: text(500).min(1, 'is required'),
    options: z
      .array(pollOption)
      .min(2, 'needs at least 2 options')
      .max(10, 'allows at most 10 options')
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, { message: 'option ids must be unique', params: { code: 'unique_ids' } }),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    closesAt: isoDateTime.nullable().default(null),
    /** a poll with an opening time in the future is 'scheduled': published and open for votes from then on */
    opensAt: isoDateTime.nullable().default(null),
    status: z.enum(['scheduled', 'open', 'closed']).default('open'),
    /** results sealed until the poll closes: until then everyone sees only the number of ballots */
    sealed: z.boolean().default(false),
    /** who may vote (fixed when the poll is created); null: anyone in the conversation */
    roster: z.array(rosterMember).max(2000).nullable().default(null),
    quorum: pollQuorum.nullable().default(null),
    /** a reminder to those on the roster who have not voted, every day at this Brussels time while open */
    reminderTime: timeOfDay.nullable().default(null),
    /** the poll this one was duplicated from */
    copiedFrom: z.string().max(40).optional(),
    createdBy: personRef,
    /** the creator's Teams user id (29:…), for the card's automatic refresh; absent for polls made outside Teams */
    creatorTeamsId: text(200).optional(),
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable().default(null),
    message: z
      .object({ conversationId: z.string(), activityId: z.string(), serviceUrl: z.string() })
      .strict()
      .nullable()
      .default(null),
    /** language of the shared poll card and its outcome text */
    language: z.enum(LANGUAGE_CODES).default('nl'),
    /**
     * What created the poll, unique per poll: a bot message's activity id or an API caller's Idempotency-Key.
     * A request Teams re-sends after 15 s finds the poll it already created instead of making a second one.
     */
    requestKey: z.string().min(1).max(300),
  })
  .strict();
export type Poll = z.infer<typeof poll>;
export type PollInput = z.input<typeof poll>;

/** One ballot per (poll, voter): the key makes a repeated submit idempotent and a change of mind an overwrite. */
export const vote = z
  .object({
    pollId: z.string().min(1),
    /** id: the Entra object id; teamsId: the Teams user id (29:…) for the card's automatic refresh */
    voter: personRef.extend({ id: z.string().min(1), teamsId: text(200).optional() }).strict(),
    optionIds: z.array(z.string().min(1)).min(1, 'choose at least one option'),
    at: isoDateTime,
    ballotKey: z.string().min(1),
  })
  .strict();
export type Vote = z.infer<typeof vote>;

export function ballotKeyOf(pollId: string, voterId: string): string {
  return `${pollId}|${voterId}`;
}

export const historyEvent = z
  .object({
    entryId: z.string().min(1),
    at: isoDateTime,
    by: personRef,
    kind: z.enum(['created', 'updated', 'status_changed', 'decision_recorded', 'rolled_over', 'deleted', 'restored']),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict()).default([]),
    note: text(2000).optional(),
    /** a restore: the version (history event) it brought back, of this entry or of the deleted entry it replaces */
    restoredFrom: z.object({ entryId: z.string().min(1), eventId: z.string().min(1) }).strict().optional(),
    /** on a deleted entry's history: the entry that restored it */
    restoredAs: z.string().min(1).optional(),
  })
  .strict();
export type HistoryEvent = z.infer<typeof historyEvent>;

/** Where the bot can post proactively: a channel of a team the app is installed in. */
export const conversationRef = z
  .object({
    key: z.string().min(1),
    teamId: z.string().min(1),
    channelId: z.string().min(1),
    channelName: text(200).optional(),
    serviceUrl: z.string().min(1),
    tenantId: z.string().optional(),
    conversationId: z.string().min(1),
    botId: z.string().optional(),
    updatedAt: isoDateTime,
  })
  .strict();
export type ConversationRef = z.infer<typeof conversationRef>;

/**
 * Someone the bot can write to in a 1:1 chat, and in which language: recorded when they talk to the bot
 * (their Teams client's locale). `userId` is the Entra object id.
 */
export const person = z
  .object({
    userId: text(200).min(1),
    name: text(200).min(1),
    language: z.enum(LANGUAGE_CODES),
    chat: z
      .object({ conversationId: z.string().min(1), serviceUrl: z.string().min(1), tenantId: z.string().optional() })
      .strict()
      .nullable()
      .default(null),
    updatedAt: isoDateTime,
  })
  .strict();
export type Person = z.infer<typeof person>;

/**
 * A message the app sends at most once (a digest, a reminder, a scheduled poll's card): the record is
 * taken as a lease before sending and says afterwards what was sent, or why it failed and when to retry.
 */
export const delivery = z
  .object({
    key: text(300).min(1),
    kind: z.enum(['poll_publish', 'poll_reminder', 'digest_owner', 'digest_channel']),
    state: z.enum(['sending', 'sent', 'failed']),
    leaseUntil: isoDateTime.nullable().default(null),
    attempts: z.number().int().min(0),
    nextAttemptAt: isoDateTime.nullable().default(null),
    lastError: text(1000).optional(),
    sentAt: isoDateTime.nullable().default(null),
    /** what was sent, for people reading the list */
    summary: text(2000).optional(),
    updatedAt: isoDateTime,
  })
  .strict();
export type Delivery = z.infer<typeof delivery>;

export {
  annualReport,
  type AnnualReport,
  type AnnualReportInput,
  LIFECYCLES,
  type Lifecycle,
  reportTemplate,
  TABLE_COLUMNS,
  type TableColumn,
  type TemplateBlock,
  type TemplateSection,
} from './template';
