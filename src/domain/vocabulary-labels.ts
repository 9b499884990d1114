import type { Labelled } from './languages';

/**
 * The labels of the register's controlled vocabularies (NL, FR, EN), one table per vocabulary, as the reports
 * print them: the names of the codes are part of the vocabulary itself. The codes and their order are read from
 * these tables by vocabulary.ts; the message catalogue (src/i18n) holds every other text.
 */

export const DOMAINS_LABELS = {
  FIN: { nl: 'Financiën, begroting en boekhouding', fr: 'Finances, budget et comptabilité', en: 'Finance, budget and accounting' },
  PROC: { nl: 'Overheidsopdrachten en gezamenlijke aankoop', fr: 'Marchés publics et achats groupés', en: 'Public procurement and joint purchasing' },
  HR: { nl: 'Human resources', fr: 'Ressources humaines', en: 'Human resources' },
  ICT: { nl: 'Informatica (ICT)', fr: 'Informatique (TIC)', en: 'ICT' },
  'ICT.SEC': {
    nl: 'Informatieveiligheid en gegevensbescherming',
    fr: 'Sécurité de l’information et protection des données',
    en: 'Information security and data protection',
  },
  PREV: { nl: 'Veiligheid, welzijn en hygiëne (IDPBW)', fr: 'Sécurité, bien-être et hygiène (SIPPT)', en: 'Health and safety at work' },
  COM: { nl: 'Communicatie', fr: 'Communication', en: 'Communication' },
  INFRA: { nl: 'Infrastructuur, patrimonium en materieel', fr: 'Infrastructures, patrimoine et matériel', en: 'Infrastructure, property and equipment' },
  ARCH: { nl: 'Archief en erfgoed', fr: 'Archives et patrimoine historique', en: 'Archives and heritage' },
  LEGAL: { nl: 'Juridische ondersteuning, ombud en kwaliteit', fr: 'Appui juridique, médiation et qualité', en: 'Legal, ombuds and quality' },
  CLIM: { nl: 'Klimaat en energie', fr: 'Climat et énergie', en: 'Climate and energy' },
  SOC: { nl: 'Sociale actie', fr: 'Action sociale', en: 'Social action' },
  'SOC.HOUS': { nl: 'Huisvesting', fr: 'Logement', en: 'Housing' },
  'SOC.EMPL': { nl: 'Tewerkstelling en inschakeling (Jobhuis, art. 60 §7)', fr: 'Emploi et insertion (art. 60 §7)', en: 'Employment and activation' },
  'SOC.ENERGY': { nl: 'Energie (begeleiding burgers)', fr: 'Énergie (accompagnement)', en: 'Energy support to citizens' },
  'SOC.SAFETY': { nl: 'Agressie en veiligheid van het personeel', fr: 'Agressions et sécurité du personnel', en: 'Aggression protocols' },
  'SOC.PUBLIC': { nl: 'Dienstverlening aan de bevolking', fr: 'Services à la population', en: 'Services to the public' },
  'SOC.HOMELESS': { nl: 'Dakloosheid', fr: 'Sans-abrisme', en: 'Homelessness' },
  'SOC.CHILD': { nl: 'Kinderopvang en jeugd', fr: 'Petite enfance et jeunesse', en: 'Childcare and youth' },
  'SOC.ELDER': { nl: 'Ouderen: rusthuizen en thuiszorg', fr: 'Personnes âgées\u00a0: maisons de repos et aide à domicile', en: 'Elderly care' },
  'SOC.COORD': { nl: 'Sociale coördinatie en sociale cohesie', fr: 'Coordination sociale et cohésion sociale', en: 'Social coordination' },
  'SOC.EQOP': { nl: 'Gelijke kansen', fr: 'Égalité des chances', en: 'Equal opportunities' },
  'SOC.CULT': { nl: 'Cultuur en participatie', fr: 'Culture et participation', en: 'Culture and participation' },
  'SOC.HEALTH': { nl: 'Gezondheid en verslaving', fr: 'Santé et assuétudes', en: 'Health and addiction' },
  GOV: { nl: 'Sturing van de samenwerking', fr: 'Pilotage de la collaboration', en: 'Governance of the cooperation' },
  OTHER: { nl: 'Varia', fr: 'Divers', en: 'Other' },
} as const satisfies Record<string, Labelled>;

export const STATUSES_LABELS = {
  proposed: { nl: 'Voorgesteld', fr: 'Proposé', en: 'Proposed' },
  under_study: { nl: 'In onderzoek', fr: 'À l’étude', en: 'Under study' },
  decided: { nl: 'Beslist', fr: 'Décidé', en: 'Decided' },
  in_progress: { nl: 'In uitvoering', fr: 'En cours', en: 'In progress' },
  new: { nl: 'Nieuw dit jaar', fr: 'Nouveau cette année', en: 'New this year' },
  existing: { nl: 'Bestaand', fr: 'Existant', en: 'Existing' },
  completed: { nl: 'Gerealiseerd', fr: 'Réalisé', en: 'Completed' },
  rejected: { nl: 'Niet weerhouden', fr: 'Non retenu', en: 'Rejected after study' },
  stopped: { nl: 'Stopgezet', fr: 'Arrêté', en: 'Abandoned' },
} as const satisfies Record<string, Labelled>;

export const KINDS_LABELS = {
  synergy: { nl: 'Synergie', fr: 'Synergie', en: 'Synergy' },
  economy_of_scale: { nl: 'Schaalvoordeel', fr: 'Économie d’échelle', en: 'Economy of scale' },
  overlap_removal: { nl: 'Wegwerken van overlapping', fr: 'Suppression de double emploi', en: 'Removal of overlap' },
} as const satisfies Record<string, Labelled>;

export const FORMALISATIONS_LABELS = {
  informal_exchange: { nl: 'Informele uitwisseling', fr: 'Échange informel', en: 'Informal exchange' },
  agreement: { nl: 'Overeenkomst', fr: 'Convention', en: 'Agreement' },
  joint_procurement: { nl: 'Gezamenlijke overheidsopdracht', fr: 'Marché conjoint', en: 'Joint procurement' },
  shared_staff_or_service: { nl: 'Gedeeld personeel of gedeelde dienst', fr: 'Personnel ou service partagé', en: 'Shared staff or service' },
} as const satisfies Record<string, Labelled>;

export const FORMS_LABELS = {
  informal_exchange: {
    nl: 'Uitwisseling van informatie en knowhow',
    fr: 'Échange d’informations et de savoir-faire',
    en: 'Exchange of information and know-how',
  },
  structured_meeting: { nl: 'Periodiek overleg', fr: 'Concertation régulière', en: 'Structured meeting' },
  joint_working_group: { nl: 'Gemeenschappelijke werkgroep', fr: 'Groupe de travail commun', en: 'Joint working group' },
  joint_procurement: { nl: 'Gezamenlijke overheidsopdracht', fr: 'Marché conjoint', en: 'Joint procurement' },
  purchasing_centre: { nl: 'Opdrachtcentrale', fr: 'Centrale d’achat', en: 'Purchasing centre' },
  framework_agreement: { nl: 'Raamovereenkomst', fr: 'Accord-cadre', en: 'Framework agreement' },
  agreement: { nl: 'Overeenkomst of protocol', fr: 'Convention ou protocole', en: 'Agreement or protocol' },
  staff_secondment: { nl: 'Terbeschikkingstelling van personeel', fr: 'Mise à disposition de personnel', en: 'Staff secondment' },
  shared_service: { nl: 'Gemeenschappelijke dienst', fr: 'Service commun', en: 'Shared service' },
  shared_premises_equipment: { nl: 'Gedeelde lokalen en materieel', fr: 'Locaux et matériel partagés', en: 'Shared premises and equipment' },
  shared_software: { nl: 'Gedeelde toepassing', fr: 'Logiciel partagé', en: 'Shared software' },
  referral: { nl: 'Doorverwijzing', fr: 'Orientation des usagers', en: 'Referral' },
  subsidy: { nl: 'Subsidie', fr: 'Subside', en: 'Subsidy' },
  joint_project: { nl: 'Gezamenlijk project', fr: 'Projet commun', en: 'Joint project' },
} as const satisfies Record<string, Labelled>;

export const SCOPES_LABELS = {
  'gemeente-ocmw': { nl: 'Tussen gemeente en OCMW', fr: 'Entre la commune et le CPAS', en: 'Municipality and its OCMW' },
  'andere-ocmws': { nl: "Met andere OCMW's", fr: 'Avec d’autres CPAS', en: 'With other OCMWs' },
  gewestelijk: { nl: 'Op gewestelijk niveau', fr: 'Au niveau régional', en: 'Regional level' },
  'andere-partners': { nl: 'Met andere overheden of partners', fr: 'Avec d’autres pouvoirs publics ou partenaires', en: 'With other authorities or partners' },
} as const satisfies Record<string, Labelled>;

export const ADMINISTRATIONS_LABELS = {
  gemeente: { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
  ocmw: { nl: 'OCMW', fr: 'CPAS', en: 'OCMW' },
  other: { nl: 'Andere partner', fr: 'Autre partenaire', en: 'Other partner' },
} as const satisfies Record<string, Labelled>;

export const MEETING_BODIES_LABELS = {
  consultation_committee: { nl: 'Overlegcomité', fr: 'Comité de concertation', en: 'Consultation committee' },
  steering_group: { nl: 'Stuurgroep', fr: 'Comité de pilotage', en: 'Steering group' },
  focus_group: { nl: 'Focusgroep', fr: 'Groupe de travail', en: 'Focus group' },
  it_coordination: { nl: 'IT-vergadering', fr: 'Réunion informatique', en: 'IT coordination meeting' },
  technical: { nl: 'Technische vergadering', fr: 'Réunion technique', en: 'Technical meeting' },
  working_group: { nl: 'Werkgroep', fr: 'Groupe de travail', en: 'Working group' },
  external: { nl: 'Externe vergadering', fr: 'Réunion externe', en: 'External meeting' },
} as const satisfies Record<string, Labelled>;

export const DECISION_BODIES_LABELS = {
  steering_group: { nl: 'Stuurgroep', fr: 'Comité de pilotage', en: 'Steering group' },
  consultation_committee: { nl: 'Overlegcomité', fr: 'Comité de concertation', en: 'Consultation committee' },
  college: { nl: 'College van burgemeester en schepenen', fr: 'Collège des bourgmestre et échevins', en: 'Municipal executive' },
  permanent_bureau: { nl: 'Vast Bureau', fr: 'Bureau permanent', en: 'Permanent bureau' },
  municipal_council: { nl: 'Gemeenteraad', fr: 'Conseil communal', en: 'Municipal council' },
  social_council: { nl: 'Raad voor maatschappelijk welzijn', fr: 'Conseil de l’action sociale', en: 'OCMW council' },
  focus_group: { nl: 'Focusgroep (advies)', fr: 'Groupe de travail (avis)', en: 'Focus group (advisory)' },
  management_board: { nl: 'Directiecomité', fr: 'Comité de direction', en: 'Management board' },
} as const satisfies Record<string, Labelled>;

export const DECISION_OUTCOMES_LABELS = {
  approved: { nl: 'Goedgekeurd', fr: 'Approuvé', en: 'Approved' },
  rejected: { nl: 'Verworpen', fr: 'Rejeté', en: 'Rejected' },
  deferred: { nl: 'Uitgesteld', fr: 'Reporté', en: 'Deferred' },
  noted: { nl: 'Akte genomen', fr: 'Pris acte', en: 'Noted' },
} as const satisfies Record<string, Labelled>;

export const ACTION_STATUSES_LABELS = {
  open: { nl: 'Open', fr: 'Ouverte', en: 'Open' },
  in_progress: { nl: 'Bezig', fr: 'En cours', en: 'In progress' },
  done: { nl: 'Klaar', fr: 'Terminée', en: 'Done' },
  cancelled: { nl: 'Geannuleerd', fr: 'Annulée', en: 'Cancelled' },
} as const satisfies Record<string, Labelled>;
