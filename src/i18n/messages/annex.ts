import type { Messages } from '../types';

/**
 * Fixed texts of the annex (keys under "annex."). Dutch: reproduced from the two real reports ("overlappingen"
 * instead of the source's typo "overlappings"). French: the phrases an OCMW/CPAS report uses for the same parts;
 * the French wording of art. 26bis §5, the narrative shape's general paragraph and the Walloon preset's texts
 * are NOT in the seeds: the annex flags them ("verify.*") for a clerk to check before filing. Never
 * machine-translated from the Dutch. English exists for development only: the annex is filed in NL or FR.
 */
export const annexMessages = {
  listTitle: {
    nl: "Verslag over de synergieën en schaalvoordelen opgesteld in het kader van artikel 26bis van de organieke wet van 8/7/1976 van de OCMW's",
    fr: 'Rapport sur les synergies et économies d’échelle établi dans le cadre de l’article 26bis de la loi organique du 8 juillet 1976 des centres publics d’action sociale',
    en: 'Report on synergies and economies of scale drawn up under article 26bis of the organic law of 8/7/1976 on the OCMWs',
  },
  listSubtitle: {
    nl: 'Bijlage voor de begroting {year} van het {ocmw}.',
    fr: 'Annexe au budget {year} du {ocmw}.',
    en: 'Annex to the {year} budget of the {ocmw}.',
  },
  ocmwDefault: { nl: 'OCMW van {ofMunicipality}', fr: 'CPAS {ofMunicipality}', en: 'OCMW of {ofMunicipality}' },
  'body.municipality': { nl: 'de gemeente', fr: 'la commune', en: 'the municipality' },
  'body.city': { nl: 'de stad', fr: 'la ville', en: 'the city' },
  narrativeTitle: {
    nl: 'Verslag over schaalvoordelen en het wegwerken van dubbel werk of overlappingen tussen de activiteiten van het OCMW en {body} {ofMunicipality}',
    fr: 'Rapport sur les économies d’échelle et la suppression des doubles emplois ou chevauchements d’activités du CPAS et de {body} {ofMunicipality}',
    en: 'Report on economies of scale and the removal of duplicated work or overlaps between the activities of the OCMW and {body} {ofMunicipality}',
  },
  intro: { nl: 'INLEIDING', fr: 'INTRODUCTION', en: 'INTRODUCTION' },
  lawLeadIn: {
    nl: "Artikel 26bis van de organieke wet van 8/7/1976 betreffende de OCMW's stelt in paragraaf 5 dat:",
    fr: 'L’article 26bis de la loi organique du 8 juillet 1976 des centres publics d’action sociale dispose en son paragraphe 5\u00a0:',
    en: 'Article 26bis of the organic law of 8/7/1976 on the OCMWs provides in its paragraph 5 that:',
  },
  lawQuote: {
    nl: '“Het overlegcomité erop toeziet dat er jaarlijks een verslag wordt opgesteld met betrekking tot de schaalvoordelen en het opheffen van overlappingen of het dooreenlopen van activiteiten van het OCMW en van de gemeente. Dit verslag wordt gevoegd bij de begroting van het centrum en bij de begroting van de gemeente.”',
    fr: '«\u00a0Le comité de concertation veille à ce qu’un rapport soit établi annuellement concernant les économies d’échelle et les suppressions de double emploi ou de chevauchement d’activités du centre public d’action sociale et de la commune. Ce rapport est annexé au budget du centre et au budget de la commune.\u00a0»',
    en: '“The consultation committee sees to it that every year a report is drawn up on the economies of scale and the removal of overlaps or duplicated activities of the OCMW and of the municipality. This report is annexed to the budget of the centre and to the budget of the municipality.”',
  },
  meetingDatesLeadIn: {
    nl: 'Voorafgaand aan de opstelling van de ontwerpbegroting {year} heeft de stuurgroep vergaderd op de volgende data:',
    fr: 'Préalablement à l’élaboration du projet de budget {year}, le comité de pilotage s’est réuni aux dates suivantes\u00a0:',
    en: 'Before the draft budget {year} was drawn up, the steering group met on the following dates:',
  },
  meetings: { nl: 'VERGADERINGEN', fr: 'RÉUNIONS', en: 'MEETINGS' },
  steeringMeeting: { nl: 'Vergadering van {date}', fr: 'Réunion du {date}', en: 'Meeting of {date}' },
  otherMeeting: { nl: '{body} {date}', fr: '{body} du {date}', en: '{body} of {date}' },
  minutesAttached: {
    nl: "De verschillende pv's van deze vergaderingen zijn bij dit verslag gevoegd.",
    fr: 'Les PV de ces réunions sont joints au présent rapport.',
    en: 'The minutes of these meetings are attached to this report.',
  },
  synergies: { nl: 'SYNERGIEËN', fr: 'SYNERGIES', en: 'SYNERGIES' },
  synergiesLeadIn: {
    nl: 'Net zoals in het vorige verslag herinneren wij u aan de bestaande synergieën en/of schaalvoordelen (initiatieven uit {previousYear} vermeld in cursief):',
    fr: 'Comme dans le rapport précédent, nous vous rappelons les synergies et/ou économies d’échelle existantes (initiatives de {previousYear} mentionnées en italique)\u00a0:',
    en: 'As in the previous report, we recall the existing synergies and/or economies of scale (initiatives of {previousYear} in italics):',
  },
  proposals: {
    nl: 'MAATREGELEN VOORGESTELD IN {year} EN VOOR DE VOLGENDE JAREN',
    fr: 'MESURES PROPOSÉES EN {year} ET POUR LES ANNÉES SUIVANTES',
    en: 'MEASURES PROPOSED IN {year} AND FOR THE FOLLOWING YEARS',
  },
  proposalsLeadIn: {
    nl: 'Naast de voortzetting van eerder genomen maatregelen, zijn we van plan voor te stellen om de volgende acties in de toekomst te concretiseren (niet-uitputtende lijst):',
    fr: 'Outre la poursuite des mesures prises antérieurement, nous envisageons de proposer la concrétisation des actions suivantes (liste non exhaustive)\u00a0:',
    en: 'Besides continuing the measures taken earlier, we intend to propose the following actions for the future (non-exhaustive list):',
  },
  stopped: { nl: 'MAATREGELEN STOPGEZET IN {year}', fr: 'MESURES ARRÊTÉES EN {year}', en: 'MEASURES STOPPED IN {year}' },
  stoppedLeadIn: {
    nl: 'De volgende maatregelen werden in {year} stopgezet of na onderzoek niet weerhouden:',
    fr: 'Les mesures suivantes ont été arrêtées ou, après examen, non retenues en {year}\u00a0:',
    en: 'The following measures were stopped, or not retained after study, in {year}:',
  },
  stoppedSentence: {
    nl: 'Deze samenwerking werd in {year} stopgezet.',
    fr: 'Cette collaboration a été arrêtée en {year}.',
    en: 'This cooperation was stopped in {year}.',
  },
  rejectedSentence: {
    nl: 'Deze maatregel werd in {year} na onderzoek niet weerhouden.',
    fr: 'Cette mesure n’a pas été retenue après examen en {year}.',
    en: 'This measure was not retained after study in {year}.',
  },
  otherOcmws: { nl: "Synergieën met andere OCMW's", fr: 'Synergies avec d’autres CPAS', en: 'Synergies with other OCMWs' },
  regional: { nl: 'Synergieën op gewestelijk niveau', fr: 'Synergies au niveau régional', en: 'Synergies at regional level' },
  otherPartners: {
    nl: 'Synergieën met andere overheden of partners',
    fr: 'Synergies avec d’autres pouvoirs publics ou partenaires',
    en: 'Synergies with other authorities or partners',
  },
  general: { nl: 'Algemeen:', fr: 'Généralités\u00a0:', en: 'General:' },
  narrativeGeneral: {
    nl: "Dit verslag werd opgesteld in overeenstemming met artikel 26bis §5 van de organieke wet van 8 juli 1976 op de OCMW's en de begrotingsomzendbrief, die bepalen dat het overlegcomité erop toeziet dat er jaarlijks een verslag wordt opgesteld over de schaalvoordelen en het wegwerken van dubbel werk of overlappingen tussen de OCMW's en de gemeente. In dit verband stelt de omzendbrief dat het voor dit overleg bijzonder belangrijk is om te vermijden dat gelijkaardige sociale diensten tegelijkertijd door de gemeente en het OCMW worden beheerd en met elkaar concurreren.",
    fr: 'Le présent rapport est établi conformément à l’article 26bis, §5, de la loi organique du 8 juillet 1976 des centres publics d’action sociale et à la circulaire budgétaire, selon lesquels le comité de concertation veille à ce qu’un rapport soit établi annuellement concernant les économies d’échelle et la suppression des doubles emplois ou chevauchements d’activités entre le CPAS et la commune. La circulaire précise qu’il importe particulièrement d’éviter que des services sociaux similaires soient gérés en parallèle par la commune et par le CPAS et se fassent concurrence.',
    en: 'This report was drawn up in accordance with article 26bis §5 of the organic law of 8 July 1976 on the OCMWs and the budget circular, under which the consultation committee sees to it that a report is drawn up every year on economies of scale and the removal of duplicated work or overlaps between the OCMWs and the municipality. The circular adds that it is particularly important to avoid similar social services being run in parallel by the municipality and the OCMW, competing with each other.',
  },
  narrativeYear: {
    nl: 'Voor {year} blijven we mogelijke synergieën tussen {body} en het OCMW onderzoeken, in de eerste plaats op het vlak van de dienstverlening, maar ook op het vlak van schaalvoordelen.',
    fr: 'Pour {year}, nous continuons à examiner les synergies possibles entre {body} et le CPAS, en premier lieu en matière de services à la population, mais aussi en matière d’économies d’échelle.',
    en: 'For {year} we keep examining possible synergies between {body} and the OCMW, first in the services to the public, but also in economies of scale.',
  },
  'wallonia.title': {
    nl: 'Verslag over alle bestaande en te ontwikkelen synergieën tussen {body} {ofMunicipality} en het OCMW',
    fr: 'Rapport sur l’ensemble des synergies existantes et à développer entre {body} {ofMunicipality} et le centre public d’action sociale',
    en: 'Report on all existing synergies and those to develop between {body} {ofMunicipality} and the OCMW',
  },
  'wallonia.subtitle': {
    nl: 'Gezamenlijk opgesteld door de algemeen directeur van de gemeente en de algemeen directeur van het OCMW (art. L1122-11 CDLD). Bijlage bij de begroting {year} van het {ocmw}.',
    fr: 'Établi conjointement par le directeur général de la commune et le directeur général du centre public d’action sociale (art. L1122-11 CDLD). Annexe au budget {year} du {ocmw}.',
    en: 'Drawn up jointly by the director-general of the municipality and the director-general of the OCMW (art. L1122-11 CDLD). Annex to the {year} budget of the {ocmw}.',
  },
  'wallonia.lawLeadIn': {
    nl: 'Artikel L1122-11 van het Wetboek van de plaatselijke democratie en de decentralisatie bepaalt:',
    fr: 'L’article L1122-11 du Code de la démocratie locale et de la décentralisation dispose\u00a0:',
    en: 'Article L1122-11 of the Code of local democracy and decentralisation provides:',
  },
  'wallonia.lawQuote': {
    nl: '“De algemeen directeur van de gemeente en de algemeen directeur van het openbaar centrum voor maatschappelijk welzijn van haar grondgebied stellen jaarlijks gezamenlijk een ontwerpverslag op over alle bestaande en te ontwikkelen synergieën tussen de gemeente en het openbaar centrum voor maatschappelijk welzijn.”',
    fr: '«\u00a0Le directeur général de la commune et le directeur général du centre public d’action sociale ressortissant de son territoire établissent conjointement et annuellement un projet de rapport sur l’ensemble des synergies existantes et à développer entre la commune et le centre public d’action sociale.\u00a0»',
    en: '“The director-general of the municipality and the director-general of the public centre for social action of its territory jointly draw up every year a draft report on all existing synergies and those to develop between the municipality and the public centre for social action.”',
  },
  'wallonia.existing': { nl: 'BESTAANDE SYNERGIEËN', fr: 'SYNERGIES EXISTANTES', en: 'EXISTING SYNERGIES' },
  'wallonia.toDevelop': { nl: 'TE ONTWIKKELEN SYNERGIEËN', fr: 'SYNERGIES À DÉVELOPPER', en: 'SYNERGIES TO DEVELOP' },
  table: { nl: 'OVERZICHTSTABEL', fr: 'TABLEAU RÉCAPITULATIF', en: 'SUMMARY TABLE' },
  'column.domain': { nl: 'Domein', fr: 'Domaine', en: 'Domain' },
  'column.department': { nl: 'Dienst', fr: 'Service', en: 'Department' },
  'column.measure': { nl: 'Maatregel', fr: 'Mesure', en: 'Measure' },
  'column.status': { nl: 'Status', fr: 'Statut', en: 'Status' },
  'column.form': { nl: 'Vorm', fr: 'Forme', en: 'Form' },
  'column.parties': { nl: 'Partijen', fr: 'Parties', en: 'Parties' },
  'column.benefitEstimated': { nl: 'Geraamd voordeel', fr: 'Bénéfice estimé', en: 'Estimated benefit' },
  'column.benefitRealised': { nl: 'Gerealiseerd voordeel', fr: 'Bénéfice réalisé', en: 'Realised benefit' },
  'column.contacts': { nl: 'Contactpersoon', fr: 'Contact', en: 'Contact' },
  'column.deadline': { nl: 'Termijn', fr: 'Échéance', en: 'Deadline' },
  'column.startYear': { nl: 'Sinds', fr: 'Depuis', en: 'Since' },
  none: { nl: '–', fr: '–', en: '–' },
  docTitle: {
    nl: 'Verslag over de synergieën en schaalvoordelen – bijlage bij de begroting {year}',
    fr: 'Rapport sur les synergies et économies d’échelle – annexe au budget {year}',
    en: 'Report on synergies and economies of scale – annex to the {year} budget',
  },
  listSeparator: { nl: ';', fr: '\u00a0;', en: ';' },
  fallbackTag: { nl: '({language}) ', fr: '({language}) ', en: '({language}) ' },
  'verify.law': {
    nl: 'De Franse tekst van art. 26bis §5 (Brusselse versie): na te kijken in de gecoördineerde tekst (Justel / Belgisch Staatsblad) vóór indiening.',
    fr: 'Le texte français de l’art. 26bis §5 (version bruxelloise)\u00a0: à vérifier dans le texte coordonné (Justel / Moniteur belge) avant le dépôt.',
    en: 'French text of art. 26bis §5 (Brussels version): check against the consolidated text (Justel / Moniteur belge) before filing.',
  },
  'verify.narrativeGeneral': {
    nl: 'De Franse algemene paragraaf van de verhalende vorm is een voorstel van deze app: na te kijken vóór indiening.',
    fr: 'Le paragraphe général français de la forme narrative est une proposition de cette application\u00a0: à vérifier avant le dépôt.',
    en: 'French general paragraph of the narrative shape: a proposal written for this app, check it before filing.',
  },
  'verify.wallonia': {
    nl: 'De vaste teksten van het Waalse sjabloon (titel, art. L1122-11 CDLD, de "canevas" van de regering) zijn niet geverifieerd: na te kijken vóór indiening.',
    fr: 'Les textes fixes du modèle wallon (titre, art. L1122-11 CDLD, canevas du Gouvernement) ne sont pas vérifiés\u00a0: à contrôler avant le dépôt.',
    en: 'The fixed texts of the Walloon preset (title, art. L1122-11 CDLD, the government\'s "canevas") are not verified: check them before filing.',
  },
} as const satisfies Messages;
