import type { LocalizedText } from './model';
import { type AnnualReport, type AnnualReportInput, reportTemplate } from './template';
import { DOMAIN_CODES, DOMAINS, type DomainCode, SCOPE_CODES } from './vocabulary';

/**
 * The templates a clerk starts from: the Molenbeek list shape (running synergies and proposals in two
 * numbered blocks, stopped measures after them), the Ukkel narrative shape (one numbered section per
 * domain), and a Walloon list shape ("synergies existantes et à développer", CDLD art. L1122-11) whose
 * fixed wording is flagged for checking. Section titles are the vocabulary's domain labels, never one
 * municipality's own names ("Jobhuis", "Cité Asselbergs"): the clerk renames them on the template screen.
 */
export type PresetName = 'molenbeek-list' | 'ukkel-narrative' | 'wallonia';
export const PRESETS: readonly PresetName[] = ['molenbeek-list', 'ukkel-narrative', 'wallonia'];

export interface PresetInput {
  budgetYear: number;
  municipality: LocalizedText;
  bodyKind?: 'municipality' | 'city';
}

type Section = NonNullable<AnnualReportInput['blocks']>[number]['sections'];
const LOCAL = ['gemeente-ocmw', 'andere-partners'] as const;

const label = (code: DomainCode): LocalizedText => ({ nl: DOMAINS[code].nl, fr: DOMAINS[code].fr, en: DOMAINS[code].en });
const social = DOMAIN_CODES.filter((d) => d === 'SOC' || d.startsWith('SOC.'));

function byDomain(title: LocalizedText, domains: DomainCode[], scopes: Array<(typeof SCOPE_CODES)[number]> = [...LOCAL]) {
  return { title, gather: { by: 'domain' as const, domains, scopes } };
}

/** One section per domain group, in the vocabulary's order; with `scopeSections` the other-OCMW and regional ones. */
function domainSections(scopeSections: boolean): NonNullable<Section> {
  const sections = [
    byDomain(label('FIN'), ['FIN']),
    byDomain(label('PROC'), ['PROC']),
    byDomain(label('HR'), ['HR']),
    byDomain(label('ICT'), ['ICT', 'ICT.SEC']),
    byDomain(label('PREV'), ['PREV']),
    byDomain(label('COM'), ['COM']),
    byDomain(label('INFRA'), ['INFRA', 'ARCH']),
    byDomain(label('CLIM'), ['CLIM']),
    ...social.filter((d) => d !== 'SOC').map((d) => byDomain(label(d), [d])),
    byDomain(label('SOC'), ['SOC']),
    byDomain(label('OTHER'), ['OTHER', 'GOV', 'LEGAL']),
  ];
  if (!scopeSections) return sections.map((s) => ({ ...s, gather: { ...s.gather, scopes: [...SCOPE_CODES] } }));
  return [
    ...sections,
    byDomain({ nl: "Synergieën met andere OCMW's", fr: "Synergies avec d'autres CPAS", en: 'Synergies with other OCMWs' }, [...DOMAIN_CODES], ['andere-ocmws']),
    byDomain(
      { nl: 'Synergieën op gewestelijk niveau', fr: 'Synergies au niveau régional', en: 'Synergies at regional level' },
      [...DOMAIN_CODES],
      ['gewestelijk'],
    ),
  ];
}

const WALLOON_SECTIONS = (): NonNullable<Section> => [
  byDomain({ nl: 'Financiën en ontvanger', fr: 'Finances et receveur', en: 'Finance and receiver' }, ['FIN'], [...SCOPE_CODES]),
  byDomain({ nl: 'Personeel en opleiding', fr: 'Personnel et formation', en: 'Staff and training' }, ['HR'], [...SCOPE_CODES]),
  byDomain(
    { nl: 'Overheidsopdrachten en aankoopcentrale', fr: "Marchés publics et centrale d'achat", en: 'Public procurement and purchasing centre' },
    ['PROC'],
    [...SCOPE_CODES],
  ),
  byDomain({ nl: 'Informatica en telefonie', fr: 'Informatique et téléphonie', en: 'ICT and telephony' }, ['ICT', 'ICT.SEC'], [...SCOPE_CODES]),
  byDomain(
    { nl: 'Gebouwen, voertuigen en materieel', fr: 'Bâtiments, véhicules et matériel', en: 'Buildings, vehicles and equipment' },
    ['INFRA', 'CLIM'],
    [...SCOPE_CODES],
  ),
  byDomain(
    { nl: 'Preventie en welzijn op het werk', fr: 'Prévention et bien-être au travail (SIPPT)', en: 'Prevention and well-being at work' },
    ['PREV'],
    [...SCOPE_CODES],
  ),
  byDomain({ nl: 'Archief', fr: 'Archives', en: 'Archives' }, ['ARCH'], [...SCOPE_CODES]),
  byDomain({ nl: 'Sociale actie', fr: 'Action sociale', en: 'Social action' }, social, [...SCOPE_CODES]),
  byDomain({ nl: 'Andere', fr: 'Autres', en: 'Other' }, ['COM', 'GOV', 'LEGAL', 'OTHER'], [...SCOPE_CODES]),
];

/** A new template for a municipality and year from a preset; the clerk edits it from there. */
export function presetTemplate(preset: PresetName, input: PresetInput): AnnualReport {
  const common = { budgetYear: input.budgetYear, municipality: input.municipality, bodyKind: input.bodyKind ?? 'municipality', preset };
  let template: AnnualReportInput;
  if (preset === 'ukkel-narrative') {
    template = { ...common, shape: 'narrative', blocks: [{ lifecycles: ['running', 'proposals', 'stopped'], sections: domainSections(false) }] };
  } else if (preset === 'wallonia') {
    template = {
      ...common,
      region: 'wallonia',
      shape: 'list',
      blocks: [
        { lifecycles: ['running'], sections: WALLOON_SECTIONS() },
        { lifecycles: ['proposals'], sections: WALLOON_SECTIONS() },
        { lifecycles: ['stopped'], sections: [] },
      ],
    };
  } else {
    template = {
      ...common,
      shape: 'list',
      blocks: [
        { lifecycles: ['running'], sections: domainSections(true) },
        { lifecycles: ['proposals'], sections: domainSections(false) },
        { lifecycles: ['stopped'], sections: [] },
      ],
      table: { include: false },
    };
  }
  return reportTemplate.parse(template) as AnnualReport;
}

/**
 * A blank template: one part for every measure (running, proposed and stopped) and no section yet; the clerk
 * adds the sections, and the warnings say which domains still have none.
 */
export function blankTemplate(input: PresetInput): AnnualReport {
  return reportTemplate.parse({
    budgetYear: input.budgetYear,
    municipality: input.municipality,
    bodyKind: input.bodyKind ?? 'municipality',
    preset: 'custom',
    shape: 'list',
    blocks: [{ lifecycles: ['running', 'proposals', 'stopped'], sections: [] }],
  }) as AnnualReport;
}
