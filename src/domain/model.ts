import { z } from 'zod';
import { safeLink } from './links';
import {
  ACTION_STATUS_CODES,
  LANGUAGES,
  ADMINISTRATION_CODES,
  DECISION_BODY_CODES,
  DECISION_OUTCOME_CODES,
  DOMAIN_CODES,
  FORM_CODES,
  FORMALISATION_CODES,
  KIND_CODES,
  MEETING_BODY_CODES,
  SCOPE_CODES,
  STATUS_CODES,
} from './vocabulary';

const LANGUAGE_CODES = LANGUAGES as unknown as ['nl', 'fr', 'en'];

/** Calendar date as written in the register: YYYY-MM-DD (no time zone games for due dates). */
export const isoDate = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date written YYYY-MM-DD' });
  } else if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || !new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real calendar date' });
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

const requiredLocalizedText = (max: number) =>
  localizedText(max).refine((t) => Boolean(t.nl?.trim() || t.fr?.trim() || t.en?.trim()), {
    message: 'needs a text in Dutch, French or English',
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
  })
  .strict();
export type Mention = z.infer<typeof mention>;

export const synergyEntry = z
  .object({
    title: requiredLocalizedText(500),
    description: localizedText(20000).default({}),
    domain: z.enum(DOMAIN_CODES),
    subheading: localizedText(200).optional(),
    scope: z.enum(SCOPE_CODES).default('gemeente-ocmw'),
    status: z.enum(STATUS_CODES),
    startYear: z.number().int().min(1976, 'must be 1976 or later').max(2100).nullable().default(null),
    parties: z.array(text(200).min(1)).max(50).default([]),
    kind: z.enum(KIND_CODES),
    formalisation: z.enum(FORMALISATION_CODES),
    form: z.enum(FORM_CODES).optional(),
    financialBenefit: financialBenefit.default({ amountEur: null, confidence: 'not_quantified' }),
    qualitativeBenefit: localizedText(4000).default({}),
    contacts: z.array(contactPerson).max(50).default([]),
    focusGroupId: z.string().nullable().default(null),
    decisions: z.array(decision).max(200).default([]),
    mentions: z.array(mention).max(100).default([]),
    source: text(300).optional(),
    updatedAt: isoDateTime.optional(),
  })
  .strict();
export type SynergyEntry = z.infer<typeof synergyEntry>;
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

export const poll = z
  .object({
    focusGroupId: z.string().min(1, 'is required'),
    entryId: z.string().nullable().default(null),
    question: text(500).min(1, 'is required'),
    options: z
      .array(pollOption)
      .min(2, 'needs at least 2 options')
      .max(10, 'allows at most 10 options')
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'option ids must be unique'),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    closesAt: isoDateTime.nullable().default(null),
    status: z.enum(['open', 'closed']).default('open'),
    createdBy: personRef,
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
    voter: personRef.extend({ id: z.string().min(1) }).strict(),
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
    kind: z.enum(['created', 'updated', 'status_changed', 'decision_recorded', 'rolled_over', 'deleted']),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict()).default([]),
    note: text(2000).optional(),
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

/** One section of a municipality's report template: which domains (and scopes) it gathers, in order. */
export const reportSection = z
  .object({
    label: requiredLocalizedText(200),
    domains: z.array(z.enum(DOMAIN_CODES)).default([]),
    scopes: z.array(z.enum(SCOPE_CODES)).default(['gemeente-ocmw']),
  })
  .strict();
export type ReportSection = z.infer<typeof reportSection>;

/**
 * The yearly report (annex to both budgets) as one municipality writes it: its shape and its own
 * section template (brief §3.4 AnnualReport + DomainTemplate; Molenbeek orders blocks 3 and 4 differently).
 */
export const annualReport = z
  .object({
    budgetYear: z.number().int().min(2000).max(2100),
    municipality: requiredLocalizedText(200),
    shape: z.enum(['list', 'narrative']),
    introText: localizedText(20000).default({}),
    yearText: localizedText(4000).default({}),
    /** list shape: block 3 (running synergies); narrative shape: the numbered sections */
    runningSections: z.array(reportSection).max(60).default([]),
    /** list shape: block 4 (measures proposed for the coming years) */
    proposalSections: z.array(reportSection).max(60).default([]),
  })
  .strict();
export type AnnualReport = z.infer<typeof annualReport>;
