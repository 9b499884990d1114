/** Texts of the task pane (Dutch, French, English fallback). One lookup: `t(key, values)`. */

export type PaneLanguage = 'nl' | 'fr' | 'en';

const nl = {
  title: 'Synergieregister – bijlage bij de begroting',
  year: 'Jaar (begroting)',
  language: 'Taal van het verslag',
  shape: 'Vorm',
  shapeDefault: 'Zoals het sjabloon van dat jaar',
  shapeList: 'Lijsten per domein (zoals Molenbeek)',
  shapeNarrative: 'Eén genummerde tekst per domein (zoals Ukkel)',
  domains: 'Domeinen (niets aangevinkt = alle)',
  table: 'Overzichtstabel toevoegen',
  insert: 'Invoegen',
  refresh: 'Bijwerken',
  download: 'Download als .docx (zonder Word-invoegtoepassing)',
  loading: 'Het register wordt gelezen…',
  ready: 'Plaats de cursor waar de bijlage moet komen en klik op Invoegen. Bijwerken vervangt alleen de bijlage, uw eigen tekst blijft staan.',
  working: 'Bezig…',
  inserted: 'De bijlage staat in het document ({items} alinea’s en tabellen, {syncs} rondes met Word).',
  refreshed: 'De bijlage is bijgewerkt met het register van nu ({items} alinea’s en tabellen).',
  officeAbsent: 'Open deze pagina in Word: Start > Synergiebijlage. Hier buiten Word kunt u het verslag wel als .docx downloaden.',
  notWord: 'Deze invoegtoepassing werkt alleen in Word.',
  no_annex: 'Dit document heeft nog geen synergiebijlage. Klik eerst op Invoegen.',
  already_present: 'Dit document bevat de synergiebijlage al. Klik op Bijwerken om ze te vernieuwen.',
  requirement_missing: 'Deze versie van Word is te oud voor de invoegtoepassing (WordApi 1.3 nodig). Werk Office bij of gebruik de .docx-download.',
  register_unreachable: 'Het register is niet bereikbaar ({detail}). Controleer de verbinding en probeer opnieuw; het document is niet gewijzigd.',
  invalid_options: 'Deze keuze kan niet: {detail}',
  office_absent: 'Word is niet beschikbaar.',
  unexpected: 'Er ging iets mis in Word: {detail}. Het document is niet gewijzigd.',
  toVerify: 'Na te kijken vóór indiening: {detail}',
  fallbackTexts: '{count} teksten bestaan niet in deze taal en staan er in de andere taal, gemarkeerd met (NL) of (FR).',
};
type Texts = typeof nl;

const fr: Texts = {
  title: 'Registre des synergies – annexe au budget',
  year: 'Année (budget)',
  language: 'Langue du rapport',
  shape: 'Forme',
  shapeDefault: 'Selon le modèle de cette année',
  shapeList: 'Listes par domaine (comme Molenbeek)',
  shapeNarrative: 'Un texte numéroté par domaine (comme Uccle)',
  domains: 'Domaines (aucun coché = tous)',
  table: 'Ajouter un tableau récapitulatif',
  insert: 'Insérer',
  refresh: 'Mettre à jour',
  download: 'Télécharger en .docx (sans complément Word)',
  loading: 'Lecture du registre…',
  ready: 'Placez le curseur à l’endroit de l’annexe et cliquez sur Insérer. Mettre à jour ne remplace que l’annexe : votre texte reste intact.',
  working: 'En cours…',
  inserted: 'L’annexe est dans le document ({items} paragraphes et tableaux, {syncs} échanges avec Word).',
  refreshed: 'L’annexe a été mise à jour avec le registre actuel ({items} paragraphes et tableaux).',
  officeAbsent: 'Ouvrez cette page dans Word : Accueil > Annexe synergies. Hors de Word, vous pouvez télécharger le rapport en .docx.',
  notWord: 'Ce complément fonctionne uniquement dans Word.',
  no_annex: 'Ce document ne contient pas encore l’annexe synergies. Cliquez d’abord sur Insérer.',
  already_present: 'Ce document contient déjà l’annexe synergies. Cliquez sur Mettre à jour pour la rafraîchir.',
  requirement_missing: 'Cette version de Word est trop ancienne pour le complément (WordApi 1.3 requis). Mettez Office à jour ou utilisez le téléchargement .docx.',
  register_unreachable: 'Le registre est injoignable ({detail}). Vérifiez la connexion et réessayez ; le document n’a pas été modifié.',
  invalid_options: 'Ce choix n’est pas possible : {detail}',
  office_absent: 'Word n’est pas disponible.',
  unexpected: 'Un problème est survenu dans Word : {detail}. Le document n’a pas été modifié.',
  toVerify: 'À vérifier avant le dépôt : {detail}',
  fallbackTexts: '{count} textes n’existent pas dans cette langue et figurent dans l’autre langue, marqués (NL) ou (FR).',
};

const en: Texts = {
  ...nl,
  title: 'Synergy register – budget annex',
  year: 'Year (budget)',
  language: 'Language of the report',
  shape: 'Shape',
  shapeDefault: "As that year's template",
  shapeList: 'Lists per domain (like Molenbeek)',
  shapeNarrative: 'One numbered text per domain (like Uccle)',
  domains: 'Domains (none ticked = all)',
  table: 'Add a summary table',
  insert: 'Insert',
  refresh: 'Refresh',
  download: 'Download as .docx (without the Word add-in)',
  loading: 'Reading the register…',
  ready: 'Put the cursor where the annex goes and click Insert. Refresh replaces only the annex; your own text stays.',
  working: 'Working…',
  inserted: 'The annex is in the document ({items} paragraphs and tables, {syncs} round trips to Word).',
  refreshed: 'The annex now shows the current register ({items} paragraphs and tables).',
  officeAbsent: 'Open this page in Word: Home > Synergy annex. Outside Word you can still download the report as .docx.',
  notWord: 'This add-in works in Word only.',
  no_annex: 'This document has no synergy annex yet. Click Insert first.',
  already_present: 'This document already holds the synergy annex. Click Refresh to update it.',
  requirement_missing: 'This version of Word is too old for the add-in (needs WordApi 1.3). Update Office or use the .docx download.',
  register_unreachable: 'The register cannot be reached ({detail}). Check the connection and try again; the document was not changed.',
  invalid_options: 'This choice is not possible: {detail}',
  office_absent: 'Word is not available.',
  unexpected: 'Something went wrong in Word: {detail}. The document was not changed.',
  toVerify: 'To check before filing: {detail}',
  fallbackTexts: '{count} texts do not exist in this language and are shown in the other one, marked (NL) or (FR).',
};

export type TextKey = keyof Texts;
const TABLES: Record<PaneLanguage, Texts> = { nl, fr, en };

export function paneLanguageOf(locale: string | undefined): PaneLanguage {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('fr')) return 'fr';
  if (l.startsWith('nl')) return 'nl';
  return l ? 'en' : 'nl';
}

export function translator(language: PaneLanguage) {
  return (key: TextKey, values: Record<string, string | number> = {}): string =>
    TABLES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
