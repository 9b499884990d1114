/**
 * The register's controlled vocabularies: stable codes stored in every store, in their report order.
 * The labels people read (NL, FR, EN) are in vocabulary-labels.ts; the tables here are those labels, keyed by code.
 */
import {
  ACTION_STATUSES_LABELS,
  ADMINISTRATIONS_LABELS,
  DECISION_BODIES_LABELS,
  DECISION_OUTCOMES_LABELS,
  DOMAINS_LABELS,
  FORMALISATIONS_LABELS,
  FORMS_LABELS,
  KINDS_LABELS,
  MEETING_BODIES_LABELS,
  SCOPES_LABELS,
  STATUSES_LABELS,
} from './vocabulary-labels';
import type { Labelled, Language } from './languages';

export { type Labelled, type Language, LANGUAGES } from './languages';

function codesOf<T extends Record<string, Labelled>>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** Two-level domain list; the order here is the default report order. */
export const DOMAINS = DOMAINS_LABELS;
export type DomainCode = keyof typeof DOMAINS;
export const DOMAIN_CODES = codesOf(DOMAINS);

/** Lifecycle of a measure. "new" is existing-and-new-this-year: roll-over turns it into "existing". */
export const STATUSES = STATUSES_LABELS;
export type EntryStatus = keyof typeof STATUSES;
export const STATUS_CODES = codesOf(STATUSES);

/** Statuses whose measures the report lists as running synergies (block 3 of the Molenbeek shape). */
export const RUNNING_STATUSES: readonly EntryStatus[] = ['new', 'existing', 'in_progress', 'decided', 'completed'];
/** Statuses whose measures the report lists as proposals for the coming years (block 4). */
export const PROPOSAL_STATUSES: readonly EntryStatus[] = ['proposed', 'under_study'];
/** Statuses that end a measure; its history is kept. */
export const CLOSED_STATUSES: readonly EntryStatus[] = ['rejected', 'stopped'];

export const KINDS = KINDS_LABELS;
export const KIND_CODES = codesOf(KINDS);

/** How formal the cooperation is (the four levels). */
export const FORMALISATIONS = FORMALISATIONS_LABELS;
export type Formalisation = keyof typeof FORMALISATIONS;
export const FORMALISATION_CODES = codesOf(FORMALISATIONS);

/** Mechanism of the cooperation; finer than the formalisation. */
export const FORMS = FORMS_LABELS;
export type CooperationForm = keyof typeof FORMS;
export const FORM_CODES = codesOf(FORMS);

/** Which formalisation level a mechanism amounts to, for entries that only record the mechanism. */
export const FORMALISATION_OF_FORM: Record<CooperationForm, Formalisation> = {
  informal_exchange: 'informal_exchange',
  structured_meeting: 'informal_exchange',
  joint_working_group: 'informal_exchange',
  referral: 'informal_exchange',
  joint_project: 'informal_exchange',
  joint_procurement: 'joint_procurement',
  purchasing_centre: 'joint_procurement',
  framework_agreement: 'joint_procurement',
  agreement: 'agreement',
  subsidy: 'agreement',
  staff_secondment: 'shared_staff_or_service',
  shared_service: 'shared_staff_or_service',
  shared_premises_equipment: 'shared_staff_or_service',
  shared_software: 'shared_staff_or_service',
};

export const SCOPES = SCOPES_LABELS;
export type Scope = keyof typeof SCOPES;
export const SCOPE_CODES = codesOf(SCOPES);

export const ADMINISTRATIONS = ADMINISTRATIONS_LABELS;
export const ADMINISTRATION_CODES = codesOf(ADMINISTRATIONS);

export const MEETING_BODIES = MEETING_BODIES_LABELS;
export type MeetingBody = keyof typeof MEETING_BODIES;
export const MEETING_BODY_CODES = codesOf(MEETING_BODIES);

export const DECISION_BODIES = DECISION_BODIES_LABELS;
export type DecisionBody = keyof typeof DECISION_BODIES;
export const DECISION_BODY_CODES = codesOf(DECISION_BODIES);

export const DECISION_OUTCOMES = DECISION_OUTCOMES_LABELS;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;
export const DECISION_OUTCOME_CODES = codesOf(DECISION_OUTCOMES);

export const ACTION_STATUSES = ACTION_STATUSES_LABELS;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const ACTION_STATUS_CODES = codesOf(ACTION_STATUSES);
/** Actions in these statuses are no longer "open". */
export const FINISHED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'cancelled'];

/** Looks up the label of a code in a vocabulary, falling back to English, then to the code itself. */
export function labelOf(table: Record<string, Labelled>, code: string, language: Language): string {
  const entry = table[code];
  return entry ? entry[language] || entry.en : code;
}
