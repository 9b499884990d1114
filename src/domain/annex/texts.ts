import type { AnnexLanguage } from './types';

/**
 * Fixed texts of the annex. Dutch: reproduced from the two real reports (brief §4.1–4.3; "overlappingen"
 * instead of the source's typo "overlappings"). French: the phrases the brief proposes (§4.4); the
 * French wording of art. 26bis §5 and the narrative shape's general paragraph are NOT in the seeds and
 * are flagged in `TO_VERIFY` — a clerk must check them against the consolidated text (Justel / Moniteur
 * belge) before the annex is filed. Never machine-translated from the Dutch.
 */

/** French non-breaking space before ":", ";", "?", "!" (brief §4.4 typography). */
export const NBSP = '\u00a0';

export interface AnnexTexts {
  listTitle: string;
  /** "Bijlage voor de begroting 2023 van het OCMW van Sint-Jans-Molenbeek." */
  listSubtitle(year: number, municipality: string): string;
  narrativeTitle(municipality: string): string;
  intro: string;
  lawLeadIn: string;
  /** the text of art. 26bis §5, with its quotation marks */
  lawQuote: string;
  meetingDatesLeadIn(year: number): string;
  meetings: string;
  steeringMeeting(date: string): string;
  /** "IT-vergadering 16/01/2023" */
  otherMeeting(bodyLabel: string, date: string): string;
  minutesAttached: string;
  synergies: string;
  synergiesLeadIn(previousYear: number): string;
  proposals(year: number): string;
  proposalsLeadIn: string;
  otherOcmws: string;
  regional: string;
  otherPartners: string;
  general: string;
  narrativeGeneral: string;
  narrativeYear(year: number): string;
  table: string;
  tableHeader: [string, string, string, string, string, string, string];
  /** the empty-cell mark in the table */
  none: string;
  listSeparator: string;
  /** the tag in front of a text shown in the other language */
  fallbackTag(language: string): string;
}

const nl: AnnexTexts = {
  listTitle: "Verslag over de synergieën en schaalvoordelen opgesteld in het kader van artikel 26bis van de organieke wet van 8/7/1976 van de OCMW's",
  listSubtitle: (year, municipality) => `Bijlage voor de begroting ${year} van het OCMW van ${municipality}.`,
  narrativeTitle: (municipality) =>
    `VERSLAG OVER SCHAALVOORDELEN EN HET WEGWERKEN VAN DUBBEL WERK OF OVERLAPPINGEN TUSSEN DE ACTIVITEITEN VAN HET OCMW EN DE GEMEENTE ${municipality.toLocaleUpperCase('nl-BE')}`,
  intro: 'INLEIDING',
  lawLeadIn: "Artikel 26bis van de organieke wet van 8/7/1976 betreffende de OCMW's stelt in paragraaf 5 dat:",
  lawQuote:
    '“Het overlegcomité erop toeziet dat er jaarlijks een verslag wordt opgesteld met betrekking tot de schaalvoordelen en het opheffen van overlappingen of het dooreenlopen van activiteiten van het OCMW en van de gemeente. Dit verslag wordt gevoegd bij de begroting van het centrum en bij de begroting van de gemeente.”',
  meetingDatesLeadIn: (year) => `Voorafgaand aan de opstelling van de ontwerpbegroting ${year} heeft de stuurgroep vergaderd op de volgende data:`,
  meetings: 'VERGADERINGEN',
  steeringMeeting: (date) => `Vergadering van ${date}`,
  otherMeeting: (bodyLabel, date) => `${bodyLabel} ${date}`,
  minutesAttached: "De verschillende pv's van deze vergaderingen zijn bij dit verslag gevoegd.",
  synergies: 'SYNERGIEËN',
  synergiesLeadIn: (previousYear) =>
    `Net zoals in het vorige verslag herinneren wij u aan de bestaande synergieën en/of schaalvoordelen (initiatieven uit ${previousYear} vermeld in cursief):`,
  proposals: (year) => `MAATREGELEN VOORGESTELD IN ${year} EN VOOR DE VOLGENDE JAREN`,
  proposalsLeadIn:
    'Naast de voortzetting van eerder genomen maatregelen, zijn we van plan voor te stellen om de volgende acties in de toekomst te concretiseren (niet-uitputtende lijst):',
  otherOcmws: "Synergieën met andere OCMW's",
  regional: 'Synergieën op gewestelijk niveau',
  otherPartners: 'Synergieën met andere overheden of partners',
  general: 'Algemeen:',
  narrativeGeneral:
    "Dit verslag werd opgesteld in overeenstemming met artikel 26bis §5 van de organieke wet van 8 juli 1976 op de OCMW's en de begrotingsomzendbrief, die bepalen dat het overlegcomité erop toeziet dat er jaarlijks een verslag wordt opgesteld over de schaalvoordelen en het wegwerken van dubbel werk of overlappingen tussen de OCMW's en de gemeente. In dit verband stelt de omzendbrief dat het voor dit overleg bijzonder belangrijk is om te vermijden dat gelijkaardige sociale diensten tegelijkertijd door de gemeente en het OCMW worden beheerd en met elkaar concurreren.",
  narrativeYear: (year) =>
    `Voor ${year} blijven we mogelijke synergieën tussen de gemeente en het OCMW onderzoeken, in de eerste plaats op het vlak van de dienstverlening, maar ook op het vlak van schaalvoordelen.`,
  table: 'OVERZICHTSTABEL',
  tableHeader: ['Domein', 'Maatregel', 'Status', 'Partijen', 'Geraamd voordeel (€)', 'Contactpersoon', 'Termijn'],
  none: '–',
  listSeparator: ';',
  fallbackTag: (language) => `(${language.toUpperCase()}) `,
};

const fr: AnnexTexts = {
  listTitle:
    "Rapport sur les synergies et économies d'échelle établi dans le cadre de l'article 26bis de la loi organique du 8 juillet 1976 des centres publics d'action sociale",
  listSubtitle: (year, municipality) => `Annexe au budget ${year} du CPAS de ${municipality}.`,
  narrativeTitle: (municipality) =>
    `RAPPORT SUR LES ÉCONOMIES D'ÉCHELLE ET LA SUPPRESSION DES DOUBLES EMPLOIS OU CHEVAUCHEMENTS D'ACTIVITÉS DU CPAS ET DE LA COMMUNE DE ${municipality.toLocaleUpperCase('fr-BE')}`,
  intro: 'INTRODUCTION',
  lawLeadIn: `L'article 26bis de la loi organique du 8 juillet 1976 des centres publics d'action sociale dispose en son paragraphe 5${NBSP}:`,
  lawQuote: `«${NBSP}Le comité de concertation veille à ce qu'un rapport soit établi annuellement concernant les économies d'échelle et les suppressions de double emploi ou de chevauchement d'activités du centre public d'action sociale et de la commune. Ce rapport est annexé au budget du centre et au budget de la commune.${NBSP}»`,
  meetingDatesLeadIn: (year) => `Préalablement à l'élaboration du projet de budget ${year}, le comité de pilotage s'est réuni aux dates suivantes${NBSP}:`,
  meetings: 'RÉUNIONS',
  steeringMeeting: (date) => `Réunion du ${date}`,
  otherMeeting: (bodyLabel, date) => `${bodyLabel} du ${date}`,
  minutesAttached: 'Les PV de ces réunions sont joints au présent rapport.',
  synergies: 'SYNERGIES',
  synergiesLeadIn: (previousYear) =>
    `Comme dans le rapport précédent, nous vous rappelons les synergies et/ou économies d'échelle existantes (initiatives de ${previousYear} mentionnées en italique)${NBSP}:`,
  proposals: (year) => `MESURES PROPOSÉES EN ${year} ET POUR LES ANNÉES SUIVANTES`,
  proposalsLeadIn: `Outre la poursuite des mesures prises antérieurement, nous envisageons de proposer la concrétisation des actions suivantes (liste non exhaustive)${NBSP}:`,
  otherOcmws: "Synergies avec d'autres CPAS",
  regional: 'Synergies au niveau régional',
  otherPartners: "Synergies avec d'autres pouvoirs publics ou partenaires",
  general: `Généralités${NBSP}:`,
  narrativeGeneral:
    "Le présent rapport est établi conformément à l'article 26bis, §5, de la loi organique du 8 juillet 1976 des centres publics d'action sociale et à la circulaire budgétaire, selon lesquels le comité de concertation veille à ce qu'un rapport soit établi annuellement concernant les économies d'échelle et la suppression des doubles emplois ou chevauchements d'activités entre le CPAS et la commune. La circulaire précise qu'il importe particulièrement d'éviter que des services sociaux similaires soient gérés en parallèle par la commune et par le CPAS et se fassent concurrence.",
  narrativeYear: (year) =>
    `Pour ${year}, nous continuons à examiner les synergies possibles entre la commune et le CPAS, en premier lieu en matière de services à la population, mais aussi en matière d'économies d'échelle.`,
  table: 'TABLEAU RÉCAPITULATIF',
  tableHeader: ['Domaine', 'Mesure', 'Statut', 'Parties', 'Bénéfice estimé (€)', 'Contact', 'Échéance'],
  none: '–',
  listSeparator: `${NBSP};`,
  fallbackTag: (language) => `(${language.toUpperCase()}) `,
};

export const ANNEX_TEXTS: Record<AnnexLanguage, AnnexTexts> = { nl, fr };

/** Fixed texts that are a proposal, not a verified official wording, per language. */
export const TO_VERIFY: Record<AnnexLanguage, Record<'law' | 'narrativeGeneral', string | null>> = {
  nl: { law: null, narrativeGeneral: null },
  fr: {
    law: 'French text of art. 26bis §5 (Brussels version): check against the consolidated text (Justel / Moniteur belge) before filing',
    narrativeGeneral: 'French general paragraph of the narrative shape: a proposal written for this app, check it before filing',
  },
};
