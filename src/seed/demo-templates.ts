import type { AnnualReport, AnnualReportInput, LocalizedText } from '../domain';
import { reportTemplate } from '../domain';
import { presetTemplate } from '../domain';
import { DOMAIN_CODES, type DomainCode, SCOPE_CODES } from '../domain';
import reportTexts from './data/report-texts.json';
import { FRENCH, frenchSection } from './translations';

/**
 * The two demo municipalities' own templates, as their reports print them: Molenbeek 2023 (list shape,
 * blocks 3 and 4 ordered differently: 3.2 procurement before 3.3 budget, 4.2 budget before 4.3) and Ukkel
 * 2026 (narrative shape, 13 sections, some named after institutions rather than domains).
 */

type Scope = (typeof SCOPE_CODES)[number];
const nlfr = (nl: string, fr: string): LocalizedText => ({ nl, fr });
const LOCAL: Scope[] = ['gemeente-ocmw', 'andere-partners'];

/** A section titled as the report prints it, in French as the translators wrote it (else `fr`). */
function section(nl: string, fr: string, domains: readonly DomainCode[], scopes: Scope[] = LOCAL) {
  return {
    title: nlfr(nl, frenchSection(nl) ?? fr),
    gather: domains.length ? { by: 'domain' as const, domains: [...domains], scopes } : { by: 'entries' as const, entryIds: [] },
  };
}
const SOCIAL: DomainCode[] = DOMAIN_CODES.filter((d) => d === 'SOC' || d.startsWith('SOC.'));

const parse = (t: AnnualReportInput) => reportTemplate.parse(t) as AnnualReport;

export const MOLENBEEK_2023_REPORT = (municipality: LocalizedText): AnnualReport =>
  parse({
    budgetYear: 2023,
    municipality,
    preset: 'molenbeek-list',
    ocmwName: nlfr('OCMW van Sint-Jans-Molenbeek', 'CPAS de Molenbeek-Saint-Jean'),
    shape: 'list',
    introText: { nl: reportTexts['molenbeek-2023'].introText, fr: FRENCH.molenbeek.reportTexts.introText as string },
    blocks: [
      {
        lifecycles: ['running'],
        sections: [
          section('Human Resources', 'Ressources humaines', ['HR']),
          section('Overheidsopdrachten', 'Marchés publics', ['PROC']),
          section('Begroting en boekhouding', 'Budget et comptabilité', ['FIN']),
          section('Veiligheid, welzijn en hygiëne', 'Sécurité, bien-être et hygiène', ['PREV']),
          section('Communicatie', 'Communication', ['COM']),
          section('Infrastructuur', 'Infrastructures', ['INFRA', 'CLIM']),
          section(
            'Maatschappelijk',
            'Action sociale',
            SOCIAL.filter((d) => !['SOC.EMPL', 'SOC.CHILD', 'SOC.CULT'].includes(d)),
          ),
          section('Varia', 'Divers', ['OTHER', 'SOC.EMPL', 'SOC.CHILD', 'SOC.CULT', 'ICT', 'ICT.SEC', 'GOV', 'ARCH', 'LEGAL']),
          section("Synergieën met andere OCMW's", "Synergies avec d'autres CPAS", DOMAIN_CODES, ['andere-ocmws']),
          section('Synergieën op gewestelijk niveau', 'Synergies au niveau régional', DOMAIN_CODES, ['gewestelijk']),
        ],
      },
      {
        lifecycles: ['proposals'],
        sections: [
          section('Human Resources', 'Ressources humaines', ['HR']),
          section('Begroting en boekhouding', 'Budget et comptabilité', ['FIN']),
          section('Overheidsopdrachten', 'Marchés publics', ['PROC']),
          section('Veiligheid, welzijn en hygiëne', 'Sécurité, bien-être et hygiène', ['PREV']),
          section('Communicatie', 'Communication', ['COM']),
          section('Informatica', 'Informatique', ['ICT', 'ICT.SEC']),
          section('Infrastructuur en materiaal', 'Infrastructures et matériel', ['INFRA', 'CLIM']),
          section('Maatschappelijk', 'Action sociale', [...SOCIAL, 'GOV', 'ARCH', 'LEGAL', 'OTHER'], [...SCOPE_CODES]),
        ],
      },
      { lifecycles: ['stopped'], sections: [] },
    ],
  });

export const UKKEL_2026_REPORT: AnnualReport = parse({
  budgetYear: 2026,
  municipality: nlfr('Ukkel', 'Uccle'),
  preset: 'ukkel-narrative',
  shape: 'narrative',
  // the report's own title, in French as translated
  title: (() => {
    const printed = FRENCH.ukkel.reportParagraphs.find((p) => p.line === 3)!;
    return { nl: printed.nl, fr: printed.fr };
  })(),
  yearText: { nl: reportTexts['ukkel-2026'].yearText, fr: FRENCH.ukkel.reportTexts.yearText as string },
  blocks: [
    {
      lifecycles: ['running', 'proposals', 'stopped'],
      sections: [
        section('Financiën', 'Finances', ['FIN']),
        section('Overheidsopdrachten', 'Marchés publics', ['PROC']),
        section('Patrimonium/technisch', 'Patrimoine/technique', ['INFRA']),
        section('Human resources', 'Ressources humaines', ['HR', 'ICT']),
        section('Jobhuis', "Maison de l'emploi", ['SOC.EMPL']),
        section('Herintegratie en beheer van herintegratiewerknemers', 'Réinsertion et gestion des travailleurs en réinsertion', []),
        section('Klimaatactieprogramma', "Programme d'action climat", ['CLIM']),
        section('Kinderdagverblijf', 'Crèche', ['SOC.CHILD']),
        section('Tehuizen', 'Maisons de repos', ['SOC.ELDER']),
        section('Cité Asselbergs', 'Cité Asselbergs', []),
        section('Sociale coördinatie', 'Coordination sociale', ['SOC.COORD']),
        section('Huisvesting', 'Logement', ['SOC.HOUS']),
        section('Gelijke kansen', 'Égalité des chances', ['SOC.EQOP']),
      ],
    },
  ],
});

/**
 * The coming budget year's template, as the clerk of the municipality the app is configured for prepares it in
 * autumn: from the list preset, so that every measure of the register has its section in the 2027 annex.
 */
export const COMING_YEAR = 2027;
export const COMING_YEAR_REPORT = (municipality: LocalizedText): AnnualReport =>
  parse(presetTemplate('molenbeek-list', { budgetYear: COMING_YEAR, municipality }));
