import { DOMAIN_CODES } from '../../src/domain/vocabulary';
import { type AnnualReport, annualReport, type Meeting, meeting, type SynergyEntry, synergyEntry, type SynergyEntryInput } from '../../src/domain/model';

/** Small, hand-made register content for the annex tests (the demo data is tested separately). */

export const HOSTILE = `<w:p>&"'<script>alert(1)</script>`;

let nextId = 1;
export function entry(input: Partial<SynergyEntryInput> & { title: SynergyEntryInput['title'] }): SynergyEntry & { id: string } {
  const parsed = synergyEntry.parse({ domain: 'HR', status: 'existing', kind: 'synergy', formalisation: 'informal_exchange', ...input });
  return { ...parsed, id: String(nextId++) };
}

export function meet(input: Partial<Meeting> & Pick<Meeting, 'body' | 'date'>): Meeting & { id: string } {
  return { ...meeting.parse(input), id: String(nextId++) };
}

export const TEMPLATE: AnnualReport = annualReport.parse({
  budgetYear: 2023,
  municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' },
  shape: 'list',
  runningSections: [
    { label: { nl: 'Human Resources', fr: 'Ressources humaines' }, domains: ['HR'] },
    { label: { nl: 'Overheidsopdrachten', fr: 'Marchés publics' }, domains: ['PROC'] },
    { label: { nl: 'Maatschappelijk', fr: 'Action sociale' }, domains: ['SOC'] },
    { label: { nl: "Synergieën met andere OCMW's", fr: "Synergies avec d'autres CPAS" }, domains: [...DOMAIN_CODES], scopes: ['andere-ocmws'] },
  ],
  proposalSections: [
    { label: { nl: 'Human Resources', fr: 'Ressources humaines' }, domains: ['HR'] },
    { label: { nl: 'Informatica', fr: 'Informatique' }, domains: ['ICT'] },
  ],
});

/** A register with mentions frozen for 2023, like the Molenbeek report. */
export function register2023() {
  const m = (status: SynergyEntry['status'], italic = false, section?: string, listed = true) => [
    { reportYear: 2023, status, italic, listed, ...(section ? { section } : {}) },
  ];
  const entries = [
    entry({ title: { nl: 'Gemeenschappelijk syndicaal overlegcomité', fr: 'Comité de négociation syndicale commun' }, domain: 'HR', mentions: m('existing') }),
    entry({ title: { nl: 'Gezamenlijke werkzaamheden aan de selectieprocedure;' }, domain: 'HR', mentions: m('new', true) }),
    entry({
      title: { nl: 'Kaderovereenkomst voor postdiensten', fr: 'Accord-cadre pour les services postaux' },
      domain: 'PROC',
      mentions: m('new', true, 'Overheidsopdrachten'),
    }),
    entry({ title: { nl: 'Overeenkomst met de MAIS' }, domain: 'SOC.HOUS', subheading: { nl: 'Huisvesting' }, mentions: m('existing') }),
    entry({ title: { nl: 'Noodprocedure met de politie' }, domain: 'SOC.SAFETY', subheading: { nl: 'Protocol bij agressie' }, mentions: m('existing') }),
    entry({ title: { nl: 'Sociabili: software delen' }, domain: 'ICT', scope: 'andere-ocmws', mentions: m('existing') }),
    entry({ title: { nl: 'Gemeenschappelijke opleidingen' }, domain: 'HR', status: 'proposed', mentions: m('proposed') }),
    entry({ title: { nl: 'We Pulse: coördinatie' }, domain: 'ICT', status: 'proposed', mentions: m('proposed', false, 'Informatica') }),
    entry({ title: { nl: 'Inventaris opdrachtcentrales' }, domain: 'PROC', status: 'decided', mentions: m('decided', false, undefined, false) }),
    entry({ title: { nl: 'Iets uit 2022 alleen' }, domain: 'HR', mentions: [{ reportYear: 2022, status: 'existing', italic: false, listed: true }] }),
    entry({ title: { nl: 'Verworpen idee' }, domain: 'HR', status: 'rejected', mentions: m('rejected') }),
  ];
  const meetings = [
    meet({ body: 'steering_group', date: '2022-12-07', summary: { nl: 'Tweede vergadering: energienota gepubliceerd.' } }),
    meet({
      body: 'steering_group',
      date: '2022-09-14',
      summary: { nl: 'Werkwijze van de stuurgroep.\n\nEnergiecrisis: dienstnota.' },
      decisions: [{ text: { nl: 'Inventaris van de opdrachtcentrales.' }, entryIds: [] }],
    }),
    meet({
      body: 'it_coordination',
      date: '2023-01-16',
      summary: { nl: 'Opmerkingen van het OCMW:\n\n- Het delen van harde gegevens op een cloud?\n\nVooraf een strategie.' },
    }),
    meet({ body: 'steering_group', date: '2023-01-19', summary: { nl: 'Focusgroepen per dienst.' } }),
    meet({ body: 'steering_group', date: '2022-01-20', summary: { nl: 'Vorig jaar: hoort bij het verslag 2022.' } }),
    meet({ body: 'steering_group', date: '2023-02-02', summary: { nl: 'Na de begroting: hoort bij 2024.' } }),
  ];
  return { entries, meetings };
}
