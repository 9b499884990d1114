import { z } from 'zod';
import type { ActionInput, Decision, FocusGroupInput, LocalizedText, MeetingInput, PersonRef, SynergyEntryInput } from '../domain';
import * as model from '../domain';
import { communeSettings } from '../domain';
import { CLOSED_STATUSES, DOMAIN_CODES, type DomainCode, FORMALISATION_OF_FORM, FORM_CODES, KIND_CODES, SCOPE_CODES, STATUS_CODES } from '../domain';
import type { RegisterStore } from '../store';
import molenbeekRecords from './data/records-molenbeek-2023.json';
import reportTexts from './data/report-texts.json';
import { COMING_YEAR_REPORT, MOLENBEEK_2023_REPORT, UKKEL_2026_REPORT } from './demo-templates';
import { FRENCH, frenchRecord, frenchSubheading } from './translations';
import { narrativeDescriptions } from './ukkel-narrative';
import ukkelRecords from './data/records-ukkel-2026.json';

/**
 * Demo data: every measure of the Molenbeek 2023 and Ukkel 2026 reports (records transcribed with their
 * verbatim text in ./data), the Molenbeek meetings with their accounts, its five focus groups, the actions
 * the reports name with their deadlines, each municipality's report template and the coming year's.
 */

/** The transcription's record format (shared/domain/records-*.json), checked at the boundary. */
const sourceRecord = z.object({
  id: z.string(),
  src: z.string(),
  line: z.number(),
  section: z.string(),
  domain: z.enum(DOMAIN_CODES),
  subheading: z.string().nullish(),
  title: z.string(),
  text: z.string().nullish(),
  quote: z.string().nullish(),
  status: z.enum(STATUS_CODES),
  italic_new: z.boolean().nullish(),
  year: z.number().nullable(),
  report_year: z.number(),
  parties: z.array(z.string()),
  scope: z.enum(SCOPE_CODES),
  kind: z.enum(KIND_CODES),
  form: z.enum(FORM_CODES),
  figures: z.record(z.unknown()).nullish(),
  notes: z.string().nullish(),
});
type SourceRecord = z.infer<typeof sourceRecord>;

const nl = (text: string): LocalizedText => ({ nl: text });
const nlfr = (nlText: string, frText: string): LocalizedText => ({ nl: nlText, fr: frText });

const MEETINGS_PREFIX = '2. Vergaderingen';
const REPORT_NAMES: Record<string, string> = { '000': 'Molenbeek 2023', '001': 'Ukkel 2026' };

/** "3.1 Human Resources" → "Human Resources"; meeting sections are not list sections. */
function printedSection(section: string): string | undefined {
  if (section.startsWith(MEETINGS_PREFIX)) return undefined;
  return section.replace(/^\d+(\.\d+)*\.?\s+/, '');
}

/** Dutch as printed, French as translated (when there is a translation). */
const both = (nlText: string, frText: string | null | undefined): LocalizedText => (frText?.trim() ? { nl: nlText, fr: frText } : { nl: nlText });

/** The Ukkel report's own paragraphs per measure (its narrative annex prints them whole). */
let ukkelTexts: Map<string, LocalizedText> | undefined;
function narrativeTextOf(record: SourceRecord): LocalizedText | undefined {
  if (record.src !== '001') return undefined;
  ukkelTexts ??= narrativeDescriptions(ukkelRecords.map((r) => ({ id: r.id, line: r.line, section: r.section })));
  return ukkelTexts.get(record.id);
}

export function entryFromRecord(record: SourceRecord, focusGroupIdOf: (domain: DomainCode) => string | null): SynergyEntryInput {
  const verbatim = record.text ?? record.quote;
  const section = printedSection(record.section);
  const fr = frenchRecord(record.id);
  const narrative = narrativeTextOf(record);
  return {
    title: both(record.title, fr?.title),
    description: narrative ?? (verbatim && verbatim !== record.title ? both(verbatim, fr?.text) : {}),
    domain: record.domain,
    ...(record.subheading ? { subheading: both(record.subheading, fr?.subheading ?? frenchSubheading(record.subheading)) } : {}),
    ...(record.notes ? { notes: both(record.notes, fr?.notes) } : {}),
    translations: fr ? ['fr'] : [],
    scope: record.scope,
    status: record.status,
    startYear: record.year,
    // a report that says a measure stopped (or was not retained) is its last: later years do not list it
    endYear: CLOSED_STATUSES.includes(record.status) ? record.report_year : null,
    parties: record.parties,
    kind: record.kind,
    form: record.form,
    formalisation: FORMALISATION_OF_FORM[record.form],
    focusGroupId: focusGroupIdOf(record.domain),
    mentions: [
      {
        reportYear: record.report_year,
        status: record.status,
        italic: record.italic_new ?? false,
        listed: section !== undefined,
        ...(section ? { section } : {}),
      },
    ],
    source: `${record.id} · ${REPORT_NAMES[record.src] ?? record.src}, ${record.section}, r. ${record.line}`,
  };
}

const member = (name: string, administration: 'gemeente' | 'ocmw') => ({ name, administration, role: 'contact' as const });

/** The five focus groups decided on 7/12/2022, with one contact person per administration (19/01/2023). */
const FOCUS_GROUP_DOMAINS: Array<{ domain: DomainCode; serves: DomainCode[]; name: LocalizedText }> = [
  { domain: 'ICT', serves: ['ICT', 'ICT.SEC'], name: nlfr('Focusgroep IT', 'Groupe de travail informatique') },
  { domain: 'PROC', serves: ['PROC'], name: nlfr('Focusgroep overheidsopdrachten', 'Groupe de travail marchés publics') },
  { domain: 'HR', serves: ['HR'], name: nlfr('Focusgroep personeel', 'Groupe de travail personnel') },
  { domain: 'PREV', serves: ['PREV'], name: nlfr('Focusgroep IDPBW', 'Groupe de travail SIPPT') },
  { domain: 'COM', serves: ['COM'], name: nlfr('Focusgroep communicatie', 'Groupe de travail communication') },
];
export const MOLENBEEK_FOCUS_GROUPS: Array<FocusGroupInput & { serves: DomainCode[] }> = FOCUS_GROUP_DOMAINS.map((group) => ({
  ...group,
  members: [member(`Contactpersoon ${group.name.nl} – gemeente`, 'gemeente'), member(`Contactpersoon ${group.name.nl} – OCMW`, 'ocmw')],
  mandate: nl(
    'Analyseren hoe organisatiestructuren kunnen worden gestandaardiseerd, hoe middelen kunnen worden gebundeld en de financiële en kwalitatieve voordelen inschatten.',
  ),
}));

interface MeetingSeed {
  key: string;
  meeting: MeetingInput;
  /** records whose measure the meeting decided or discussed */
  section: string;
}

function molenbeekMeetings(): MeetingSeed[] {
  const texts = reportTexts['molenbeek-2023'].meetings;
  const french = FRENCH.molenbeek.reportTexts.meetings as Record<string, string>;
  const summary = (date: keyof typeof texts) => both(texts[date], french[date]);
  const steering = (date: string, printed: string): MeetingSeed => ({
    key: date,
    section: `${MEETINGS_PREFIX} – stuurgroep ${printed}`,
    meeting: { body: 'steering_group', date, title: nlfr(`Vergadering van ${printed}`, `Réunion du ${printed}`), summary: summary(date as keyof typeof texts) },
  });
  return [
    steering('2022-09-14', '14/09/2022'),
    steering('2022-12-07', '7/12/2022'),
    steering('2023-01-19', '19/01/2023'),
    {
      key: '2023-01-16',
      section: `${MEETINGS_PREFIX} – IT-vergadering 16/01/2023`,
      meeting: {
        body: 'it_coordination',
        date: '2023-01-16',
        title: nlfr('IT-vergadering 16/01/2023', 'Réunion informatique du 16/01/2023'),
        summary: summary('2023-01-16'),
      },
    },
  ];
}

const UKKEL_MEETING: MeetingSeed = {
  key: '2025-12-02',
  section: '12. Huisvesting',
  meeting: {
    body: 'external',
    date: '2025-12-02',
    title: nlfr('Vergadering met Brussel Huisvesting', 'Réunion avec Bruxelles Logement'),
    summary: (() => {
      const paragraph = FRENCH.ukkel.reportParagraphs.find((p) => p.line === 161)!;
      return { nl: paragraph.nl, fr: paragraph.fr };
    })(),
  },
};

interface ActionSeed {
  record: string;
  action: Omit<ActionInput, 'entryId' | 'owner'> & { owner: PersonRef | 'secretary' };
}

/** Actions the reports name, with the deadline as written ("vóór eind februari") and as a date. */
const ACTIONS: ActionSeed[] = [
  {
    record: 'MOL23-02',
    action: {
      title: 'Groepsaankopen, een eigen centrale of aansluiting bij een bestaande centrale onderzoeken',
      owner: { name: 'Focusgroep overheidsopdrachten' },
      dueDate: '2023-02-28',
      dueLabel: 'vergadering van februari 2023',
    },
  },
  {
    record: 'MOL23-06',
    action: {
      title: 'Vergadering vastleggen om het kader van de vijf diensten en een strategie vast te stellen',
      owner: { name: 'Stuurgroep' },
      dueDate: '2023-01-19',
      status: 'done',
      doneDate: '2023-01-19',
    },
  },
  {
    record: 'MOL23-07',
    action: { title: 'Verslag over de synergieën opstellen en bespreken in de stuurgroep', owner: 'secretary', dueDate: '2023-06-30', dueLabel: 'juni 2023' },
  },
  {
    record: 'MOL23-07',
    action: { title: 'Per dienst een contactpersoon aanwijzen in beide administraties', owner: { name: 'Directiecomités gemeente en OCMW' } },
  },
  {
    record: 'MOL23-08',
    action: {
      title: 'Prioritaire doelstellingen voor de overgang naar de cloud bepalen',
      owner: { name: 'Focusgroep IT' },
      dueDate: '2023-02-28',
      dueLabel: 'focusgroep IT, februari 2023',
    },
  },
  {
    record: 'MOL23-09',
    action: {
      title: 'Voorstel afstemming vervangingsstrategie, leverancierskeuze, contractbeheer en standaardwerkplek',
      owner: { name: 'IT-managers gemeente en OCMW' },
      dueDate: '2023-02-28',
      dueLabel: 'vóór eind februari 2023',
    },
  },
  {
    record: 'MOL23-10',
    action: {
      title: 'Offerte vragen aan de leverancier van de gemeentelijke website en conclusies voorstellen',
      owner: { name: 'Dienst communicatie gemeente' },
      dueDate: '2023-04-30',
      dueLabel: 'stuurgroep april 2023',
    },
  },
  {
    record: 'MOL23-11',
    action: {
      title: 'DPO en budget IT-beveiliging agenderen op de focusgroep IT',
      owner: { name: 'Focusgroep IT' },
      dueDate: '2023-02-28',
      dueLabel: 'februari 2023',
    },
  },
  {
    record: 'MOL23-12',
    action: {
      title: 'Voorstel gebundelde opleidingen aan de autoriteiten voorleggen',
      owner: { name: 'HR-focusgroep' },
      dueDate: '2023-06-30',
      dueLabel: 'vóór 30 juni 2023',
    },
  },
  {
    record: 'UKK26-37',
    action: {
      title: 'Lokale diagnose van de sociale cohesie actualiseren',
      owner: { name: 'Sociale Coördinatie OCMW' },
      dueDate: '2026-12-31',
      dueLabel: '2026',
    },
  },
  {
    record: 'UKK26-40',
    action: { title: 'Antwoorden van Brussel Huisvesting samen met het OCMW onderzoeken', owner: { name: 'Dienst Huisvesting gemeente' } },
  },
];

export function sourceRecords(): SourceRecord[] {
  return z.array(sourceRecord).parse([...molenbeekRecords, ...ukkelRecords]);
}

export interface DemoDataSummary {
  entries: number;
  meetings: number;
  actions: number;
  focusGroups: number;
}

/** What the demo is loaded for: the configured municipality, and the local developer who plays the secretary. */
export interface DemoSettings {
  municipality: { nl: string; fr: string };
  auth: { mode: 'local'; user: { id: string; name: string; email: string } } | { mode: string };
}

/** Loads the demo register into an empty store; leaves a store that holds anything untouched. */
export async function loadDemoDataIfEmpty(store: RegisterStore, config: DemoSettings): Promise<DemoDataSummary | undefined> {
  if ((await store.entries.list()).length > 0 || (await store.reports.list()).length > 0) return undefined;
  const now = new Date().toISOString();
  // who loaded the demo, as history shows it in every language: the product's name, never an English phrase
  const importer: PersonRef = { name: 'Synergy Register' };
  const secretary: PersonRef =
    'user' in config.auth ? { name: config.auth.user.name, email: config.auth.user.email, id: config.auth.user.id } : { name: 'Secretaris van de stuurgroep' };

  const groups = await store.focusGroups.createMany(MOLENBEEK_FOCUS_GROUPS.map(({ serves: _serves, ...g }) => model.focusGroup.parse(g)));
  const groupOfDomain = new Map<DomainCode, string>();
  MOLENBEEK_FOCUS_GROUPS.forEach((g, i) => g.serves.forEach((d) => groupOfDomain.set(d, groups[i].id)));

  const records = sourceRecords();
  const inputs = records.map((r) => entryFromRecord(r, (domain) => (r.src === '000' ? (groupOfDomain.get(domain) ?? null) : null)));
  const entries = await store.entries.createMany(inputs.map((e) => ({ ...model.synergyEntry.parse(e), updatedAt: now })));
  const entryIdOf = new Map(records.map((r, i) => [r.id, entries[i].id]));
  await store.history.createMany(entries.map((e) => model.historyEvent.parse({ entryId: e.id, at: now, by: importer, kind: 'created', note: e.source })));

  const meetingSeeds = [...molenbeekMeetings(), UKKEL_MEETING];
  const meetings = await store.meetings.createMany(
    meetingSeeds.map((seed) => {
      const linked = records.filter((r) => r.section === seed.section && (seed.meeting.body !== 'external' || r.id === 'UKK26-39'));
      return model.meeting.parse({
        ...seed.meeting,
        decisions: linked.map((r) => ({ text: both(r.title, frenchRecord(r.id)?.title), entryIds: [entryIdOf.get(r.id)!] })),
      });
    }),
  );

  // Measures a steering-group meeting decided carry that decision, as the minutes record it.
  for (const [i, seed] of meetingSeeds.entries()) {
    if (seed.meeting.body !== 'steering_group') continue;
    for (const record of records.filter((r) => r.section === seed.section && r.status === 'decided')) {
      const id = entryIdOf.get(record.id)!;
      const current = (await store.entries.get(id))!;
      const decision: Decision = {
        body: 'steering_group',
        date: seed.meeting.date,
        text: both(record.title, frenchRecord(record.id)?.title),
        outcome: 'approved',
        meetingId: meetings[i].id,
      };
      const { id: _id, etag, ...value } = current;
      await store.entries.update(id, { ...value, decisions: [...value.decisions, decision] }, etag);
    }
  }

  const actions = await store.actions.createMany(
    ACTIONS.map(({ record, action }) =>
      model.action.parse({ ...action, owner: action.owner === 'secretary' ? secretary : action.owner, entryId: entryIdOf.get(record) ?? null }),
    ),
  );

  await store.reports.createMany([MOLENBEEK_2023_REPORT(config.municipality), UKKEL_2026_REPORT, COMING_YEAR_REPORT(config.municipality)]);
  // the demo is a register set up for the configured commune: it opens on the register, not the first-run screen
  await store.settings.createOnce(communeSettings.parse({ municipality: config.municipality }), 'settings:commune');
  return { entries: entries.length, meetings: meetings.length, actions: actions.length, focusGroups: groups.length };
}
