import { LANGUAGES } from '../domain';
import { fold } from '../domain';
import {
  type CooperationForm,
  DOMAIN_CODES,
  DOMAINS,
  type DomainCode,
  type EntryStatus,
  FORM_CODES,
  FORMS,
  type Language,
  type Scope,
  STATUS_CODES,
  STATUSES,
} from '../domain';

/**
 * The guesses an import makes about a measure, each with the reason the review screen shows:
 * the report's language, a measure's domain, status, scope, parties, years and formalisation.
 */

/** Why a value was suggested: a code each surface words in its own language, and what was seen. */
export interface Reason {
  code: string;
  detail?: string;
}

const STOP_WORDS: Record<Language, readonly string[]> = {
  nl: [
    'de',
    'het',
    'een',
    'van',
    'en',
    'voor',
    'met',
    'op',
    'zijn',
    'wordt',
    'worden',
    'tussen',
    'gemeente',
    'ocmw',
    'bij',
    'ook',
    'door',
    'niet',
    'dat',
    'aan',
  ],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'pour', 'avec', 'sur', 'est', 'sont', 'entre', 'commune', 'cpas', 'une', 'dans', 'par', 'pas', 'que', 'aux'],
  en: ['the', 'and', 'of', 'to', 'for', 'with', 'on', 'is', 'are', 'between', 'municipality', 'by', 'not', 'that', 'this', 'from'],
};

/** The language of a text by its most frequent function words; undefined when it has too few to tell. */
export function detectLanguage(text: string): Language | undefined {
  const counts: Record<Language, number> = { nl: 0, fr: 0, en: 0 };
  const sets = Object.fromEntries(Object.entries(STOP_WORDS).map(([l, words]) => [l, new Set(words)])) as Record<Language, Set<string>>;
  for (const word of fold(text).split(/[^\p{L}]+/u)) {
    for (const lang of LANGUAGES) if (sets[lang].has(word)) counts[lang]++;
  }
  const best = LANGUAGES.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] >= 3 ? best : undefined;
}

/** Words (folded) that point to a domain, from the section names and vocabulary of the reports. */
const DOMAIN_WORDS: Array<[DomainCode, RegExp]> = [
  ['ICT.SEC', /\b(dpo|gdpr|avg|rgpd|informatieveiligheid|gegevensbescherming|protection des donnees|it-beveiliging|cybersecur)/],
  [
    'PREV',
    /\b(idpbw|sippt|preventie en bescherming|welzijn en hygiene|bien-etre|hygiene|preventieadviseur|conseiller en prevention|arbeidsgeneesheer|medecin du travail)/,
  ],
  ['SOC.EMPL', /\b(art\.? ?60|artikel 60|article 60|jobhuis|maison de l'emploi|tewerkstelling|inschakeling|herintegratie|reinsertion|insertion|actiris)/],
  ['SOC.HOUS', /\b(huisvesting|woning|logement|huisjesmelker|marchands de sommeil|swu|kraakpand)/],
  ['SOC.CHILD', /\b(creche|kinderdagverblijf|kinderopvang|petite enfance|jeugd|jeunesse)/],
  ['SOC.ELDER', /\b(rusthuis|tehuis|tehuizen|maison de repos|ouderen|senioren|personnes agees)/],
  ['SOC.HOMELESS', /\b(dakloos|sans-abri)/],
  ['SOC.EQOP', /\b(gelijke kansen|egalite des chances|diversiteit|diversite)/],
  ['SOC.COORD', /\b(sociale coordinatie|coordination sociale|sociale cohesie|cohesion sociale)/],
  ['SOC.SAFETY', /\b(agressie|agression)/],
  ['SOC.ENERGY', /\b(energiecrisis|crise energetique|energiefolder)/],
  ['SOC.CULT', /\b(art\.? ?27|cultuur|culture)/],
  ['SOC.HEALTH', /\b(gezondheid|sante|verslaving|assuetude)/],
  ['CLIM', /\b(klimaat|climat|energiebesparing|economie d'energie|kap\b)/],
  ['ICT', /\b(informatica|informatique|ict\b|tic\b|software|logiciel|cloud|server|serveur|wepulse|we pulse|intranet|it-)/],
  [
    'PROC',
    /\b(overheidsopdracht|opdrachtcentrale|aankoopcentrale|marche public|marches publics|centrale d'achat|groepsaankoop|achat groupe|kaderovereenkomst|raamovereenkomst|accord-cadre|bestek|cahier des charges)/,
  ],
  ['FIN', /\b(begroting|boekhouding|financien|budget|comptabilit|finances|ontvanger|receveur|dotatie|dotation|lening|emprunt)/],
  [
    'HR',
    /\b(personeel|human resources|ressources humaines|personnel|aanwerving|recrutement|opleiding|formation|syndica|pensioen|pension|maaltijdcheque|cheques-repas)/,
  ],
  ['COM', /\b(communicatie|communication|website|site internet|gemeentekrant|journal communal|affiche|flyer|facebook|pers\b|presse)/],
  [
    'INFRA',
    /\b(infrastructuur|infrastructure|patrimonium|patrimoine|lokalen|locaux|gebouw|batiment|wagenpark|charroi|voertuig|vehicule|materieel|materiel|technisch|technique)/,
  ],
  ['ARCH', /\b(archief|archives)/],
  ['LEGAL', /\b(juridisch|juridique|ombud|mediation|kwaliteit|qualite)/],
  ['GOV', /\b(stuurgroep|comite de pilotage|overlegcomite|comite de concertation|focusgroep)/],
  ['SOC', /\b(maatschappelijk|sociale actie|action sociale|sociale dienst|service social)/],
  ['OTHER', /\b(varia|divers|andere|autres)\b/],
];

function labelDomain(label: string): DomainCode | undefined {
  const key = fold(label)
    .replace(/[:.]+$/, '')
    .trim();
  return DOMAIN_CODES.find((code) => [DOMAINS[code].nl, DOMAINS[code].fr, DOMAINS[code].en].some((l) => fold(l) === key));
}

function wordsDomain(text: string): DomainCode | undefined {
  const folded = fold(text);
  return DOMAIN_WORDS.find(([, words]) => words.test(folded))?.[0];
}

export interface DomainClues {
  /** the summary table's domain cell */
  tableLabel?: string;
  subheading?: string;
  section?: string;
  /** a domain the register's own template gives the printed section */
  templateDomain?: DomainCode;
  text: string;
}

/** The suggested domain and why: the summary table, the sub-head, the section heading, the template, the words. */
export function suggestDomain(clues: DomainClues): { domain: DomainCode; reason: Reason } {
  const fromTable = clues.tableLabel ? (labelDomain(clues.tableLabel) ?? wordsDomain(clues.tableLabel)) : undefined;
  if (fromTable) return { domain: fromTable, reason: { code: 'table', detail: clues.tableLabel } };
  const fromSub = clues.subheading ? (labelDomain(clues.subheading) ?? wordsDomain(clues.subheading)) : undefined;
  if (fromSub) return { domain: fromSub, reason: { code: 'subheading', detail: clues.subheading } };
  if (clues.templateDomain) return { domain: clues.templateDomain, reason: { code: 'template', detail: clues.section } };
  const fromSection = clues.section ? (labelDomain(clues.section) ?? wordsDomain(clues.section)) : undefined;
  const fromWords = wordsDomain(clues.text);
  // generic sections ("Varia", "Maatschappelijk", "Synergieën met andere OCMW's") say less than the measure's own words
  if (fromSection && !(fromWords && (fromSection === 'OTHER' || fromSection === 'SOC' || fromSection === 'GOV'))) {
    return { domain: fromSection, reason: { code: 'section', detail: clues.section } };
  }
  if (fromWords) {
    const word = fold(clues.text).match(DOMAIN_WORDS.find(([d]) => d === fromWords)![1])?.[0];
    return { domain: fromWords, reason: { code: 'words', detail: word?.trim() } };
  }
  if (fromSection) return { domain: fromSection, reason: { code: 'section', detail: clues.section } };
  return { domain: 'OTHER', reason: { code: 'none' } };
}

/** The scope a section heading gives ("Synergieën met andere OCMW's", "au niveau régional"). */
export function scopeOfSection(section: string | undefined): Scope {
  const s = fold(section ?? '');
  if (/andere ocmw|autres cpas|d'autres cpas|other ocmw/.test(s)) return 'andere-ocmws';
  if (/gewestelijk|regional|regionaal/.test(s)) return 'gewestelijk';
  if (/andere overheden|partners|partenaires|autres pouvoirs/.test(s)) return 'andere-partners';
  return 'gemeente-ocmw';
}

/** A status label as printed in a summary table ("Nieuw dit jaar", "À l'étude"), back to its code. */
export function statusOfLabel(label: string): EntryStatus | undefined {
  const key = fold(label).trim();
  return STATUS_CODES.find((code) => [STATUSES[code].nl, STATUSES[code].fr, STATUSES[code].en].some((l) => fold(l) === key));
}

/** A narrative report tells the status by its verbs: "wordt bestudeerd", "zal", "niet weerhouden". */
export function statusOfText(text: string): { status: EntryStatus; reason: Reason } | undefined {
  const s = fold(text);
  const rules: Array<[EntryStatus, RegExp]> = [
    ['stopped', /\b(stopgezet|niet verder (steunen|zetten)|arrete|abandonne|mis fin)/],
    ['rejected', /\b(niet weerhouden|zonder (echt )?financieel voordeel|niet aanvaard|non retenu|pas retenu|sans (reel )?avantage financier)/],
    [
      'under_study',
      /\b(wordt bestudeerd|worden bestudeerd|wordt onderzocht|in onderzoek|te analyseren|est a l'etude|sont a l'etude|est etudie|a l'etude|analyse de la possibilite)/,
    ],
    [
      'proposed',
      /\b(zal worden overwogen|stelt voor|wordt voorgesteld|zullen .{0,40}worden|zal .{0,60}worden|sera envisage|propose de|sera mis en place|seront)/,
    ],
  ];
  for (const [status, pattern] of rules) {
    const m = s.match(pattern);
    if (m) return { status, reason: { code: 'verb', detail: m[0].trim() } };
  }
  return undefined;
}

const PARTY_WORDS: Array<[string, RegExp]> = [
  ['Gemeente', /\b(gemeente|gemeentebestuur|commune|administration communale|stad)\b/],
  ['OCMW', /\b(ocmw|cpas|centrum|centre public)\b/],
  ['Gewest', /\b(gewest|region|gewestelijk|regional)\b/],
  ['Politie', /\b(politie|police|politiezone)\b/],
  ['Actiris', /\bactiris\b/],
  ['Brulocalis', /\bbrulocalis\b/],
  ['GGC', /\b(ggc|cocom)\b/],
  ['FGC', /\b(fgc|cocof)\b/],
  ['Paradigm', /\bparadigm\b/],
  ['SWU', /\bswu\b/],
];

/** Parties named in a text: the administrations, the Region and the usual partners; "the OCMW of X" stays out. */
export function partiesOf(text: string): string[] {
  const s = fold(text);
  return PARTY_WORDS.filter(([, pattern]) => pattern.test(s)).map(([name]) => name);
}

/** Four-digit years 1976–2100 in a text, in order of appearance, without repeats. */
export function yearsOf(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/\b(19[7-9]\d|20\d\d|2100)\b/g)) {
    const y = Number(m[1]);
    if (y >= 1976 && !years.includes(y)) years.push(y);
  }
  return years;
}

/** Words (folded) that name a form of cooperation, the most specific first. */
const FORM_WORDS: Array<[CooperationForm, RegExp]> = [
  ['purchasing_centre', /(opdrachtcentrale|aankoopcentrale|centrale d'achat|centrale de marches)/],
  ['framework_agreement', /(kaderovereenkomst|raamovereenkomst|accord-cadre)/],
  [
    'joint_procurement',
    /(gezamenlijke overheidsopdracht|overheidsopdracht|groepsaankoop|gezamenlijke aankoop|achat groupe|marche conjoint|marche public|marches publics)/,
  ],
  ['staff_secondment', /(terbeschikkingstelling|ter beschikking|mise a disposition|gedeeld personeel|personnel partage|art\.? ?60)/],
  ['shared_software', /(software|logiciel|gedeelde toepassing|applicatie|application commune)/],
  ['shared_service', /(gemeenschappelijke dienst|gedeelde dienst|service commun|dienstverlening voor|drukkerij|imprimerie)/],
  ['shared_premises_equipment', /(lokalen|locaux|materieel|materiel|wagenpark|charroi)/],
  ['subsidy', /(subsidie|subside)/],
  ['agreement', /(overeenkomst|convenant|protocol|convention|protocole|accord de cooperation)/],
  ['joint_working_group', /(werkgroep|groupe de travail|comite commun)/],
  ['structured_meeting', /(overleg|vergadering|concertation|reunion)/],
  ['referral', /(doorverwijz|orientation des usagers|orienter)/],
  ['joint_project', /(gezamenlijk project|projet commun|evenement)/],
  ['informal_exchange', /(uitwisseling|echange d'informations|knowhow|savoir-faire)/],
];

/** The form of cooperation the words name, and the word; undefined when they name none (the formalisation then stays informal). */
export function formOf(text: string): { form: CooperationForm; word: string } | undefined {
  const folded = fold(text);
  for (const [form, pattern] of FORM_WORDS) {
    const m = folded.match(pattern);
    if (m) return { form, word: m[0] };
  }
  return undefined;
}

/** A form as printed in a summary table ("Raamovereenkomst", "Accord-cadre"), back to its code. */
export function formOfLabel(label: string): CooperationForm | undefined {
  const key = fold(label).trim();
  return FORM_CODES.find((code) => [FORMS[code].nl, FORMS[code].fr, FORMS[code].en].some((l) => fold(l) === key));
}

export type SectionRole = 'intro' | 'meetings' | 'running' | 'proposals' | 'stopped' | 'table' | 'section';

/**
 * What a top-level heading of the report is: introduction, meetings, the running, proposed or stopped block, a summary
 * table, or a domain section. "Algemeen" alone is the general part; "Algemeen secretariaat" is a department.
 */
export function roleOfHeading(text: string): SectionRole {
  const s = fold(text)
    .replace(/[:.]+$/, '')
    .trim();
  if (
    /^(inleiding|introduction|algemeen|generalites|general|context|contexte|inleidend|preambule)( generale)?$/.test(s) ||
    /^(inleiding|introduction)\b/.test(s)
  )
    return 'intro';
  if (/^(vergaderingen|reunions|meetings)\b/.test(s)) return 'meetings';
  if (/^(overzichtstabel|tableau recapitulatif|overzicht|summary table|recapitulatif|samenvattende tabel|synthese)\b/.test(s)) return 'table';
  if (/(stopgezet|arretees|stopped|niet weerhouden|non retenues|abandonnees|abandonne)/.test(s)) return 'stopped';
  if (
    /(voorgesteld|voorstellen|voorgenomen|gepland|proposees|propositions|envisagees|proposed|planned|a developper|a mettre en place|en projet|perspectives|nouvelles synergies)/.test(
      s,
    )
  )
    return 'proposals';
  if (/^(synergieen|synergies|bestaande|lopende|existantes|existing)|bestaande synergie|synergies existantes/.test(s)) return 'running';
  return 'section';
}
