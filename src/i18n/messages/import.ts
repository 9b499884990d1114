import type { Messages } from '../types';

/**
 * Import of a report, "what changed since last year" and the .xlsx export (keys under "import."):
 * why a file is refused (the API answers in the caller's language, the tab words the same code), what the
 * reader noticed in a file, the "what changed" section the pane inserts and the bot shows, the workbook's sheets.
 */
export const importMessages = {
  'problem.empty_file': {
    nl: "Het bestand is leeg. Verwacht: een Word-verslag (.docx) met genummerde sectietitels en de maatregelen als opsomming of alinea's.",
    fr: 'Le fichier est vide. Un rapport Word (.docx) est attendu, avec des titres de sections numérotés et les mesures en puces ou en paragraphes.',
    en: 'The file is empty. Expected a Word report (.docx) with numbered section headings and the measures as bullets or paragraphs.',
  },
  'problem.too_large': {
    nl: 'Het bestand is te groot. Verwacht: een Word-verslag (.docx) van hoogstens {mb} MB.',
    fr: 'Le fichier est trop volumineux. Un rapport Word (.docx) de {mb}\u00a0Mo au maximum est attendu.',
    en: 'The file is too large. Expected a Word report (.docx) of at most {mb} MB.',
  },
  'problem.unpacks_too_large': {
    nl: 'Het bestand werd niet gelezen: geopend wordt het veel groter dan een Word-verslag kan zijn (meer dan {mb} MB, te veel onderdelen of een onderdeel dat ongewoon sterk samengedrukt is). Verwacht: een Word-verslag (.docx) zoals Word, LibreOffice of deze app het opslaat.',
    fr: 'Le fichier n’a pas été lu\u00a0: une fois ouvert, il devient bien plus volumineux qu’un rapport Word ne peut l’être (plus de {mb}\u00a0Mo, trop de parties ou une partie anormalement compressée). Un rapport Word (.docx) tel que l’enregistrent Word, LibreOffice ou cette application est attendu.',
    en: 'The file was not read: once opened it grows far larger than a Word report can be (over {mb} MB, too many parts, or a part compressed unusually strongly). Expected a Word report (.docx) as saved by Word, LibreOffice or this app.',
  },
  'problem.not_docx': {
    nl: 'Het bestand is geen Word-document. Verwacht: een .docx-bestand, opgeslagen door Word, LibreOffice of deze app.',
    fr: 'Le fichier n’est pas un document Word. Un fichier .docx enregistré par Word, LibreOffice ou cette application est attendu.',
    en: 'The file is not a Word document. Expected a .docx file saved by Word, LibreOffice or this app.',
  },
  'problem.legacy_doc': {
    nl: 'Het bestand is een oud Word 97-2003-document (.doc). Open het in Word, sla het op als .docx en importeer dat bestand.',
    fr: 'Le fichier est un ancien document Word 97-2003 (.doc). Ouvrez-le dans Word, enregistrez-le au format .docx, puis importez ce fichier.',
    en: 'The file is an old Word 97-2003 document (.doc). Open it in Word and save it as .docx, then import that file.',
  },
  'problem.password_protected': {
    nl: 'Het document is met een wachtwoord beveiligd. Verwijder het wachtwoord in Word (Bestand > Info > Document beveiligen), sla op en importeer opnieuw.',
    fr: 'Le document est protégé par un mot de passe. Supprimez le mot de passe dans Word (Fichier > Informations > Protéger le document), enregistrez et importez à nouveau.',
    en: 'The document is protected with a password. Remove the password in Word (File > Info > Protect Document), save, and import again.',
  },
  'problem.corrupt': {
    nl: 'Het .docx-bestand is beschadigd en kan niet gelezen worden. Open het in Word, sla het opnieuw op als .docx en importeer dat bestand.',
    fr: 'Le fichier .docx est endommagé et ne peut pas être lu. Ouvrez-le dans Word, enregistrez-le à nouveau au format .docx et importez ce fichier.',
    en: 'The .docx file is damaged and cannot be read. Open it in Word, save it again as .docx, and import that file.',
  },
  'problem.image_only': {
    nl: 'Het document bevat alleen afbeeldingen (een scan?). Verwacht: een verslag waarvan de tekst selecteerbaar is. Laat eerst tekstherkenning (OCR) lopen, of importeer het oorspronkelijke Word-bestand.',
    fr: 'Le document ne contient que des images (un scan\u00a0?). Un rapport dont le texte peut être sélectionné est attendu\u00a0: lancez d’abord une reconnaissance de texte (OCR), ou importez le fichier Word d’origine.',
    en: 'The document holds only pictures (a scan?). Expected a report whose text can be selected: run text recognition (OCR) first, or import the original Word file.',
  },
  'problem.no_text': {
    nl: "Het document bevat geen tekst. Verwacht: een Word-verslag met genummerde sectietitels en de maatregelen als opsomming of alinea's.",
    fr: 'Le document ne contient aucun texte. Un rapport Word est attendu, avec des titres de sections numérotés et les mesures en puces ou en paragraphes.',
    en: 'The document has no text. Expected a Word report with numbered section headings and the measures as bullets or paragraphs.',
  },
  'problem.not_a_report': {
    nl: "Dit document lijkt geen synergieverslag (een brief?). Verwacht: genummerde sectietitels (bv. “3.1 Human Resources”) met de maatregelen eronder als opsomming of alinea's.",
    fr: 'Ce document ne ressemble pas à un rapport sur les synergies (une lettre\u00a0?). Des titres de sections numérotés (par ex. «\u00a03.1 Ressources humaines\u00a0») sont attendus, avec les mesures en puces ou en paragraphes en dessous.',
    en: 'This document does not look like a synergy report (a letter?). Expected numbered section headings (e.g. “3.1 Human Resources”) with the measures as bullets or paragraphs under them.',
  },
  'problem.too_complex': {
    nl: 'Dit document vraagt te veel rekenwerk: het lezen werd na {seconds} seconden gestopt. Splits het verslag in delen (bv. per hoofdstuk) en importeer die na elkaar.',
    fr: 'Ce document demande trop de calculs\u00a0: sa lecture a été arrêtée après {seconds}\u00a0secondes. Scindez le rapport en parties (par ex. par chapitre) et importez-les l’une après l’autre.',
    en: 'This document takes too much work to read: reading was stopped after {seconds} seconds. Split the report into parts (e.g. per chapter) and import them one after the other.',
  },
  'problem.cancelled': {
    nl: 'Het lezen van het document werd geannuleerd; er werd niets geschreven.',
    fr: 'La lecture du document a été annulée\u00a0; rien n’a été écrit.',
    en: 'Reading the document was cancelled; nothing was written.',
  },
  'problem.expired': {
    nl: 'Dit voorstel wordt niet meer bijgehouden (te oud of op een andere server). Lees het bestand opnieuw in; uw keuzes worden dan in één keer meegestuurd.',
    fr: 'Cette proposition n’est plus conservée (trop ancienne ou sur un autre serveur). Relisez le fichier\u00a0; vos choix seront alors envoyés en une fois.',
    en: 'This proposal is no longer kept (too old, or on another server). Read the file again; your choices are then sent in one go.',
  },
  'problem.busy': {
    nl: 'Er wordt al een document van u gelezen. Wacht tot dat klaar is en probeer het dan opnieuw.',
    fr: 'Un de vos documents est déjà en cours de lecture. Attendez la fin de celle-ci, puis réessayez.',
    en: 'One of your documents is already being read. Wait until it is done, then try again.',
  },
  'warning.truncated': {
    nl: "Het document is erg lang: alleen de eerste {max} alinea's werden gelezen.",
    fr: 'Le document est très long\u00a0: seuls ses {max} premiers paragraphes ont été lus.',
    en: 'The document is very long: only its first {max} paragraphs were read.',
  },
  'warning.table_truncated': {
    nl: 'Een tabel is erg lang: alleen de eerste {max} rijen werden gelezen.',
    fr: 'Un tableau est très long\u00a0: seules ses {max} premières lignes ont été lues.',
    en: 'A table is very long: only its first {max} rows were read.',
  },
  'warning.style': {
    nl: 'Onbekende opmaakstijl “{style}”: gelezen als gewone tekst.',
    fr: 'Style inconnu «\u00a0{style}\u00a0»\u00a0: lu comme du texte ordinaire.',
    en: 'Unknown style “{style}”: read as plain text.',
  },
  'warning.meeting_undated': {
    nl: 'De vergadering “{label}” noemt geen datum: ze wordt niet als vergadering opgenomen; de maatregelen die ze vertelt staan wel in het voorstel.',
    fr: 'La réunion «\u00a0{label}\u00a0» ne donne pas de date\u00a0: elle n’est pas reprise comme réunion\u00a0; les mesures qu’elle décrit figurent bien dans la proposition.',
    en: 'The meeting “{label}” names no date: it is not recorded as a meeting; the measures it tells are in the proposal.',
  },
  'warning.no_structure': {
    nl: 'Er werden geen sectietitels gevonden: elke alinea wordt als maatregel voorgesteld. Voeg samen wat bij elkaar hoort en kies voor elke maatregel een sectie.',
    fr: 'Aucun titre de section n’a été trouvé\u00a0: chaque paragraphe est proposé comme une mesure. Fusionnez ce qui va ensemble et choisissez une section pour chaque mesure.',
    en: 'No section headings were found: every paragraph is proposed as a measure. Merge what belongs together and choose a section for each measure.',
  },
  'warning.ignored': {
    nl: 'Een deel van de opmaak van het document werd genegeerd; de tekst is gelezen.',
    fr: 'Une partie de la mise en forme du document a été ignorée\u00a0; le texte a été lu.',
    en: 'Part of the document’s formatting was ignored; its text was read.',
  },
  'history.imported': { nl: 'Verslag {year} geïmporteerd', fr: 'Rapport {year} importé', en: 'Report {year} imported' },
  'changes.heading': {
    nl: 'Wijzigingen {to} ten opzichte van {from}',
    fr: 'Changements {to} par rapport à {from}',
    en: 'Changes {to} compared with {from}',
  },
  'changes.kind.added': { nl: 'Nieuwe maatregelen', fr: 'Nouvelles mesures', en: 'New measures' },
  'changes.kind.stopped': { nl: 'Stopgezette of verdwenen maatregelen', fr: 'Mesures arrêtées ou disparues', en: 'Stopped or dropped measures' },
  'changes.kind.status': { nl: 'Gewijzigde status', fr: 'Statut modifié', en: 'Status changed' },
  'changes.kind.text': { nl: 'Gewijzigde tekst', fr: 'Texte modifié', en: 'Text changed' },
  'changes.none': { nl: 'Geen wijzigingen.', fr: 'Aucun changement.', en: 'No changes.' },
  'changes.was': { nl: 'was: {text}', fr: 'avant\u00a0: {text}', en: 'was: {text}' },
  'changes.statusOf': { nl: '{title}: ', fr: '{title}\u00a0: ', en: '{title}: ' },
  'xlsx.file': { nl: 'synergieregister.xlsx', fr: 'registre-des-synergies.xlsx', en: 'synergy-register.xlsx' },
  'xlsx.sheet.entries': { nl: 'Maatregelen', fr: 'Mesures', en: 'Entries' },
  'xlsx.sheet.actions': { nl: 'Acties', fr: 'Actions', en: 'Actions' },
  'xlsx.sheet.meetings': { nl: 'Vergaderingen', fr: 'Réunions', en: 'Meetings' },
  'xlsx.sheet.decisions': { nl: 'Beslissingen', fr: 'Décisions', en: 'Decisions' },
  'xlsx.id': { nl: 'Id', fr: 'Id', en: 'Id' },
  'xlsx.benefit': { nl: 'Voordeel (€)', fr: 'Bénéfice (€)', en: 'Benefit (€)' },
  'xlsx.reportYears': { nl: 'Verslagjaren', fr: 'Années de rapport', en: 'Report years' },
  'xlsx.updated': { nl: 'Bijgewerkt', fr: 'Mis à jour', en: 'Updated' },
  'xlsx.action': { nl: 'Actie', fr: 'Action', en: 'Action' },
  'xlsx.entryTitle': { nl: 'Titel van de maatregel', fr: 'Titre de la mesure', en: 'Entry title' },
  'xlsx.decisionCount': { nl: 'Aantal beslissingen', fr: 'Nombre de décisions', en: 'Decisions' },
  'xlsx.decision': { nl: 'Beslissing', fr: 'Décision', en: 'Decision' },
  'xlsx.yes': { nl: 'ja', fr: 'oui', en: 'yes' },
  'xlsx.no': { nl: 'nee', fr: 'non', en: 'no' },
  'export.busy': {
    nl: 'U maakt al een export; wacht tot die klaar is en probeer het dan opnieuw.',
    fr: 'Vous avez déjà un export en cours ; attendez qu’il soit terminé, puis réessayez.',
    en: 'You already have an export running; wait until it is done, then try again.',
  },
  'export.serverBusy': {
    nl: 'De server maakt nu te veel exports tegelijk; probeer het over een minuut opnieuw.',
    fr: 'Le serveur produit trop d’exports à la fois ; réessayez dans une minute.',
    en: 'The server is making too many exports at once; try again in a minute.',
  },
  'export.failed': {
    nl: 'De export kon niet binnen de toegestane tijd en het toegestane geheugen worden gemaakt ({reason}); er is niets gewijzigd.',
    fr: 'L’export n’a pas pu être produit dans le temps et la mémoire permis ({reason}) ; rien n’a été modifié.',
    en: 'The export could not be made within its time and memory budget ({reason}); nothing was changed.',
  },
} as const satisfies Messages;
