import type { ActionInput, DomainCode, FocusGroupInput, LocalizedText, MeetingInput, PersonRef } from '../domain';
import reportTexts from './data/report-texts.json';
import { both, nl, nlfr } from './localized';
import { MEETINGS_PREFIX } from './source-records';
import { FRENCH } from './translations';

/** The demo's fixed tables: the Molenbeek focus groups, the meetings of both reports and the actions they name. */

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

export function molenbeekMeetings(): MeetingSeed[] {
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

export const UKKEL_MEETING: MeetingSeed = {
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
export const ACTIONS: ActionSeed[] = [
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
