import type { Messages } from '../types';
import { paneChangesMessages } from './pane-changes';

/** The Word task pane (keys under "pane."). */
export const paneMessages = {
  ...paneChangesMessages,
  title: { nl: 'Synergieregister – bijlage bij de begroting', fr: 'Registre des synergies – annexe au budget', en: 'Synergy register – budget annex' },
  year: { nl: 'Jaar (begroting)', fr: 'Année (budget)', en: 'Year (budget)' },
  language: { nl: 'Taal van het verslag', fr: 'Langue du rapport', en: 'Language of the report' },
  shape: { nl: 'Vorm', fr: 'Forme', en: 'Shape' },
  shapeDefault: { nl: 'Zoals het sjabloon van dat jaar', fr: 'Selon le modèle de cette année', en: "As that year's template" },
  shapeList: { nl: 'Lijsten per domein (zoals Molenbeek)', fr: 'Listes par domaine (comme Molenbeek)', en: 'Lists per domain (like Molenbeek)' },
  shapeNarrative: {
    nl: 'Eén genummerde tekst per domein (zoals Ukkel)',
    fr: 'Un texte numéroté par domaine (comme Uccle)',
    en: 'One numbered text per domain (like Uccle)',
  },
  domains: { nl: 'Domeinen (niets aangevinkt = alle)', fr: 'Domaines (aucun coché = tous)', en: 'Domains (none ticked = all)' },
  table: { nl: 'Overzichtstabel toevoegen', fr: 'Ajouter un tableau récapitulatif', en: 'Add a summary table' },
  insert: { nl: 'Invoegen', fr: 'Insérer', en: 'Insert' },
  refresh: { nl: 'Bijwerken', fr: 'Mettre à jour', en: 'Refresh' },
  download: {
    nl: 'Download als .docx (zonder Word-invoegtoepassing)',
    fr: 'Télécharger en .docx (sans complément Word)',
    en: 'Download as .docx (without the Word add-in)',
  },
  loading: { nl: 'Het register wordt gelezen…', fr: 'Lecture du registre…', en: 'Reading the register…' },
  ready: {
    nl: 'Plaats de cursor waar de bijlage moet komen en klik op Invoegen. Bijwerken vervangt alleen de bijlage, uw eigen tekst blijft staan.',
    fr: 'Placez le curseur à l’endroit de l’annexe et cliquez sur Insérer. Mettre à jour ne remplace que l’annexe\u00a0: votre texte reste intact.',
    en: 'Put the cursor where the annex goes and click Insert. Refresh replaces only the annex; your own text stays.',
  },
  working: { nl: 'Bezig…', fr: 'En cours…', en: 'Working…' },
  inserted: {
    nl: 'De bijlage staat in het document ({items} alinea’s en tabellen, {syncs} rondes met Word).',
    fr: 'L’annexe est dans le document ({items} paragraphes et tableaux, {syncs} échanges avec Word).',
    en: 'The annex is in the document ({items} paragraphs and tables, {syncs} round trips to Word).',
  },
  refreshed: {
    nl: 'De bijlage is bijgewerkt met het register van nu ({items} alinea’s en tabellen).',
    fr: 'L’annexe a été mise à jour avec le registre actuel ({items} paragraphes et tableaux).',
    en: 'The annex now shows the current register ({items} paragraphs and tables).',
  },
  officeAbsent: {
    nl: 'Open deze pagina in Word: Start > Synergiebijlage. Hier buiten Word kunt u het verslag wel als .docx downloaden.',
    fr: 'Ouvrez cette page dans Word\u00a0: Accueil > Annexe synergies. Hors de Word, vous pouvez télécharger le rapport en .docx.',
    en: 'Open this page in Word: Home > Synergy annex. Outside Word you can still download the report as .docx.',
  },
  wordStarting: {
    nl: 'Word wordt nog gestart… Een ogenblik geduld.',
    fr: 'Word démarre encore… Un instant, s’il vous plaît.',
    en: 'Word is still starting… One moment, please.',
  },
  notWord: { nl: 'Deze invoegtoepassing werkt alleen in Word.', fr: 'Ce complément fonctionne uniquement dans Word.', en: 'This add-in works in Word only.' },
  no_annex: {
    nl: 'Dit document heeft nog geen synergiebijlage. Klik eerst op Invoegen.',
    fr: 'Ce document ne contient pas encore l’annexe synergies. Cliquez d’abord sur Insérer.',
    en: 'This document has no synergy annex yet. Click Insert first.',
  },
  already_present: {
    nl: 'Dit document bevat de synergiebijlage al. Klik op Bijwerken om ze te vernieuwen.',
    fr: 'Ce document contient déjà l’annexe synergies. Cliquez sur Mettre à jour pour la rafraîchir.',
    en: 'This document already holds the synergy annex. Click Refresh to update it.',
  },
  requirement_missing: {
    nl: 'Deze versie van Word is te oud voor de invoegtoepassing (WordApi 1.3 nodig). Werk Office bij of gebruik de .docx-download.',
    fr: 'Cette version de Word est trop ancienne pour le complément (WordApi 1.3 requis). Mettez Office à jour ou utilisez le téléchargement .docx.',
    en: 'This version of Word is too old for the add-in (needs WordApi 1.3). Update Office or use the .docx download.',
  },
  register_unreachable: {
    nl: 'Het register is niet bereikbaar ({detail}). Controleer de verbinding en probeer opnieuw; het document is niet gewijzigd.',
    fr: 'Le registre est injoignable ({detail}). Vérifiez la connexion et réessayez\u00a0; le document n’a pas été modifié.',
    en: 'The register cannot be reached ({detail}). Check the connection and try again; the document was not changed.',
  },
  invalid_options: { nl: 'Deze keuze kan niet: {detail}', fr: 'Ce choix n’est pas possible\u00a0: {detail}', en: 'This choice is not possible: {detail}' },
  office_absent: { nl: 'Word is niet beschikbaar.', fr: 'Word n’est pas disponible.', en: 'Word is not available.' },
  unexpected: {
    nl: 'Er ging iets mis in Word: {detail}. Het document is niet gewijzigd.',
    fr: 'Un problème est survenu dans Word\u00a0: {detail}. Le document n’a pas été modifié.',
    en: 'Something went wrong in Word: {detail}. The document was not changed.',
  },
  toVerify: { nl: 'Na te kijken vóór indiening: {detail}', fr: 'À vérifier avant le dépôt\u00a0: {detail}', en: 'To check before filing: {detail}' },
  'fallbackTexts.one': {
    nl: '{count} tekst bestaat niet in deze taal en staat er in de andere taal, gemarkeerd met (NL) of (FR).',
    fr: '{count} texte n’existe pas dans cette langue et figure dans l’autre langue, marqué (NL) ou (FR).',
    en: '{count} text does not exist in this language and is shown in the other one, marked (NL) or (FR).',
  },
  'fallbackTexts.other': {
    nl: '{count} teksten bestaan niet in deze taal en staan er in de andere taal, gemarkeerd met (NL) of (FR).',
    fr: '{count} textes n’existent pas dans cette langue et figurent dans l’autre langue, marqués (NL) ou (FR).',
    en: '{count} texts do not exist in this language and are shown in the other one, marked (NL) or (FR).',
  },
  downloaded: { nl: 'Het bestand {file} is gedownload.', fr: 'Le fichier {file} a été téléchargé.', en: 'The file {file} has been downloaded.' },
  retry: { nl: 'Opnieuw proberen', fr: 'Réessayer', en: 'Try again' },
  sso_outside_word: {
    nl: 'Aanmelden gebeurt via Word: open dit paneel in Word (Start > Synergiebijlage). Buiten Word vindt u de .docx-export in de Teams-tab van het register.',
    fr: 'La connexion passe par Word\u00a0: ouvrez ce volet dans Word (Accueil > Annexe synergies). Hors de Word, utilisez l’export .docx dans l’onglet Teams du registre.',
    en: 'Signing in goes through Word: open this pane in Word (Home > Synergy annex). Outside Word, use the .docx export in the register’s Teams tab.',
  },
  sso_not_signed_in: {
    nl: 'U bent niet aangemeld bij Office. Meld u aan met uw werkaccount (Bestand > Account) en probeer opnieuw.',
    fr: 'Vous n’êtes pas connecté à Office. Connectez-vous avec votre compte professionnel (Fichier > Compte) et réessayez.',
    en: 'You are not signed in to Office. Sign in with your work account (File > Account) and try again.',
  },
  sso_cancelled: {
    nl: 'Het aanmelden of de toestemming werd geannuleerd. Probeer opnieuw om u aan te melden: zonder aanmelding kan het register niet gelezen worden.',
    fr: 'La connexion ou le consentement a été annulé. Réessayez pour vous connecter\u00a0: sans connexion, le registre ne peut pas être lu.',
    en: 'Signing in or consent was cancelled. Try again to sign in: without it the register cannot be read.',
  },
  sso_account: {
    nl: 'Office is niet aangemeld met een werkaccount van de organisatie (maar bijvoorbeeld met een lokaal of persoonlijk account). Meld u in Office aan met uw werkaccount en probeer opnieuw.',
    fr: 'Office n’est pas connecté avec un compte professionnel de l’organisation (mais par exemple avec un compte local ou personnel). Connectez-vous à Office avec votre compte professionnel et réessayez.',
    en: 'Office is not signed in with a work account of the organisation (but, for example, with a local or personal account). Sign in to Office with your work account and try again.',
  },
  sso_configuration: {
    nl: 'De aanmelding van de invoegtoepassing is niet (volledig) ingesteld voor uw organisatie (fout {detail}). Vraag de beheerder de app-registratie na te kijken: Office als vooraf gemachtigde client, beheerderstoestemming, Application ID URI op het adres van de invoegtoepassing.',
    fr: 'La connexion du complément n’est pas (entièrement) configurée pour votre organisation (erreur {detail}). Demandez à l’administrateur de vérifier l’inscription de l’application\u00a0: Office comme client pré-autorisé, consentement administrateur, URI d’ID d’application à l’adresse du complément.',
    en: 'Signing in is not (fully) set up for this add-in in your organisation (error {detail}). Ask the administrator to check the app registration: Office as a pre-authorised client, admin consent, the Application ID URI on the add-in’s address.',
  },
  sso_client_error: {
    nl: 'Office kon de aanmelding niet voltooien (fout {detail}). Meld u af in Office op het web, sluit de browser en probeer opnieuw. Blijft het gebeuren, vraag de beheerder dan de toestemming en de instellingen van de invoegtoepassing na te kijken.',
    fr: 'Office n’a pas pu terminer la connexion (erreur {detail}). Déconnectez-vous d’Office sur le web, fermez le navigateur et réessayez. Si cela se reproduit, demandez à l’administrateur de vérifier le consentement et la configuration du complément.',
    en: 'Office could not complete the sign-in (error {detail}). Sign out of Office on the web, close the browser and try again. If it keeps happening, ask the administrator to check the add-in’s consent and configuration.',
  },
  sso_busy: {
    nl: 'Er loopt al een aanmelding, of er waren te veel pogingen kort na elkaar (fout {detail}). Wacht even en probeer opnieuw.',
    fr: 'Une connexion est déjà en cours, ou il y a eu trop de tentatives rapprochées (erreur {detail}). Patientez un instant et réessayez.',
    en: 'A sign-in is already under way, or there were too many attempts in a short time (error {detail}). Wait a moment and try again.',
  },
  sso_browser_zones: {
    nl: 'Uw browser blokkeert de aanmelding: het Microsoft 365-domein en login.microsoftonline.com staan in verschillende beveiligingszones (fout {detail}). Vraag uw IT-dienst dit recht te zetten.',
    fr: 'Votre navigateur bloque la connexion\u00a0: le domaine Microsoft 365 et login.microsoftonline.com sont dans des zones de sécurité différentes (erreur {detail}). Demandez à votre service informatique de corriger cela.',
    en: 'Your browser blocks the sign-in: the Microsoft 365 domain and login.microsoftonline.com are in different security zones (error {detail}). Ask your IT department to fix this.',
  },
  sso_unsupported: {
    nl: 'Deze versie of omgeving van Word ondersteunt het aanmelden van invoegtoepassingen niet (fout {detail}). Gebruik de .docx-export in de Teams-tab van het register, of een recente Word (Microsoft 365 voor Windows of Mac, of Word op het web).',
    fr: 'Cette version ou cet environnement de Word ne permet pas aux compléments de vous connecter (erreur {detail}). Utilisez l’export .docx dans l’onglet Teams du registre, ou un Word récent (Microsoft 365 pour Windows ou Mac, ou Word pour le web).',
    en: 'This version or environment of Word does not let add-ins sign you in (error {detail}). Use the .docx export in the register’s Teams tab, or a recent Word (Microsoft 365 for Windows or Mac, or Word on the web).',
  },
  sso_failed: {
    nl: 'Aanmelden is mislukt ({detail}). Probeer opnieuw; het document is niet gewijzigd.',
    fr: 'La connexion a échoué ({detail}). Réessayez\u00a0; le document n’a pas été modifié.',
    en: 'Signing in failed ({detail}). Try again; the document was not changed.',
  },
  no_role: {
    nl: 'U bent aangemeld, maar u hebt geen rol in het register, dus dit venster kan het niet lezen. Vraag uw beheerder u de rol Lezer toe te wijzen; het document is niet gewijzigd.',
    fr: 'Vous êtes connecté, mais vous n’avez pas de rôle dans le registre : ce volet ne peut donc pas le lire. Demandez à votre administrateur de vous attribuer le rôle Lecteur ; le document n’a pas été modifié.',
    en: 'You are signed in but have no role in the register, so this pane cannot read it. Ask your administrator to assign you the Reader role; the document was not changed.',
  },
  sign_in_refused: {
    nl: 'Het register weigert uw aanmelding ({detail}). Vraag de beheerder de app-registratie en de instellingen van de server na te kijken.',
    fr: 'Le registre refuse votre connexion ({detail}). Demandez à l’administrateur de vérifier l’inscription de l’application et la configuration du serveur.',
    en: 'The register refuses your sign-in ({detail}). Ask the administrator to check the app registration and the server’s settings.',
  },
  previewCounts: {
    nl: 'Deze bijlage toont {running} lopende, {proposals} voorgestelde en {stopped} stopgezette maatregelen.',
    fr: 'Cette annexe présente {running} mesures en cours, {proposals} proposées et {stopped} arrêtées.',
    en: 'This annex shows {running} running, {proposals} proposed and {stopped} stopped measures.',
  },
  templateOf: { nl: '(Sjabloon van {year}.)', fr: '(Modèle de {year}.)', en: '({year} template.)' },
  noFallback: { nl: 'Alle teksten bestaan in deze taal.', fr: 'Tous les textes existent dans cette langue.', en: 'Every text exists in this language.' },
  'unplaced.one': {
    nl: '{count} maatregel van dit jaar vindt geen plaats in het sjabloon en staat niet in de bijlage:',
    fr: '{count} mesure de cette année ne trouve pas de place dans le modèle et ne figure pas dans l’annexe\u00a0:',
    en: '{count} measure of this year finds no place in the template and is not in the annex:',
  },
  'unplaced.other': {
    nl: '{count} maatregelen van dit jaar vinden geen plaats in het sjabloon en staan niet in de bijlage:',
    fr: '{count} mesures de cette année ne trouvent pas de place dans le modèle et ne figurent pas dans l’annexe\u00a0:',
    en: '{count} measures of this year find no place in the template and are not in the annex:',
  },
  unplaced_no_section: { nl: 'geen sectie neemt ze op', fr: 'aucune section ne la reprend', en: 'no section takes it' },
  unplaced_no_end_year: { nl: 'stopgezet zonder jaar', fr: 'arrêtée sans année', en: 'stopped without a year' },
  fixInTab: { nl: 'Aanpassen in het register', fr: 'Corriger dans le registre', en: 'Fix it in the register' },
} as const satisfies Messages;
