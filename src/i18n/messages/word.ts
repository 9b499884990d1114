import type { Messages } from '../types';

/**
 * The Word refresh in the task pane (keys under "word."): the summary of what Refresh did, conflicts, and the
 * documents Refresh will not touch on its own with their safe action.
 */
export const wordMessages = {
  track: {
    nl: 'Wijzigingen van Bijwerken bijhouden (Wijzigingen bijhouden in Word)',
    fr: 'Suivre les modifications de la mise à jour (Suivi des modifications de Word)',
    en: 'Make the refresh’s edits tracked changes',
  },
  trackUnavailable: {
    nl: 'Deze versie van Word laat de invoegtoepassing Wijzigingen bijhouden niet instellen (WordApi 1.4 nodig): Bijwerken volgt de instelling in Word zelf.',
    fr: 'Cette version de Word ne permet pas au complément de régler le suivi des modifications (WordApi 1.4 requis)\u00a0: la mise à jour suit le réglage de Word.',
    en: 'This version of Word does not let the add-in set change tracking (needs WordApi 1.4): Refresh follows Word’s own setting.',
  },
  summaryTitle: { nl: 'Wat Bijwerken deed', fr: 'Ce que la mise à jour a fait', en: 'What Refresh did' },
  refreshedParts: {
    nl: 'De bijlage is bijgewerkt. Vervangen: {replaced}, toegevoegd: {inserted}, verwijderd: {removed}, door u aangepast en behouden: {kept}, conflicten: {conflicts}, door u geschrapt: {withdrawn}. Al actueel: {unchanged} delen.',
    fr: 'L’annexe est à jour. Remplacées\u00a0: {replaced}, ajoutées\u00a0: {inserted}, supprimées\u00a0: {removed}, modifiées par vous et conservées\u00a0: {kept}, conflits\u00a0: {conflicts}, retirées par vous\u00a0: {withdrawn}. Déjà à jour\u00a0: {unchanged} parties.',
    en: 'The annex is up to date. Replaced: {replaced}, inserted: {inserted}, removed: {removed}, edited by you and kept: {kept}, conflicts: {conflicts}, deleted by you: {withdrawn}. Already current: {unchanged} parts.',
  },
  trackedOn: {
    nl: 'De wijzigingen staan als bijgehouden wijzigingen in het document: aanvaard of weiger ze in het tabblad Controleren.',
    fr: 'Les modifications figurent comme modifications suivies\u00a0: acceptez-les ou refusez-les dans l’onglet Révision.',
    en: 'The edits are tracked changes: accept or reject them in the Review tab.',
  },
  refreshedWhole: {
    nl: 'De hele bijlage is opnieuw geschreven ({items} alinea’s en tabellen): ze bestond nog niet uit delen per maatregel. Vanaf nu werkt Bijwerken deel per deel en blijven uw eigen aanpassingen staan.',
    fr: 'Toute l’annexe a été réécrite ({items} paragraphes et tableaux)\u00a0: elle n’était pas encore découpée par mesure. Désormais la mise à jour se fait partie par partie et vos modifications sont conservées.',
    en: 'The whole annex was rewritten ({items} paragraphs and tables): it was not yet made of parts per measure. From now on Refresh works part by part and keeps your own edits.',
  },
  refreshedWholeAsked: {
    nl: 'De hele bijlage is opnieuw geschreven ({items} alinea’s en tabellen), zoals gevraagd.',
    fr: 'Toute l’annexe a été réécrite ({items} paragraphes et tableaux), comme demandé.',
    en: 'The whole annex was rewritten ({items} paragraphs and tables), as asked.',
  },
  replaced: { nl: 'Vervangen', fr: 'Remplacé', en: 'Replaced' },
  inserted: { nl: 'Toegevoegd', fr: 'Ajouté', en: 'Inserted' },
  removed: { nl: 'Verwijderd (niet meer in het register)', fr: 'Supprimé (plus dans le registre)', en: 'Removed (no longer in the register)' },
  kept: { nl: 'Door u aangepast, behouden', fr: 'Modifié par vous, conservé', en: 'Edited by you, kept' },
  conflict: { nl: 'Conflict', fr: 'Conflit', en: 'Conflict' },
  orphan: {
    nl: 'Niet meer in het register, maar door u aangepast: behouden',
    fr: 'Plus dans le registre, mais modifié par vous\u00a0: conservé',
    en: 'No longer in the register, but edited by you: kept',
  },
  duplicate: { nl: 'Dubbel: niet bijgewerkt', fr: 'En double\u00a0: non mis à jour', en: 'Duplicate: not refreshed' },
  withdrawn: {
    nl: 'Door u uit het document geschrapt: niet opnieuw ingevoegd',
    fr: 'Retirée du document par vous\u00a0: pas réinsérée',
    en: 'Deleted by you in the document: not inserted again',
  },
  reinsert: { nl: 'Opnieuw invoegen', fr: 'Réinsérer', en: 'Insert it again' },
  conflictExplain: {
    nl: 'U paste dit deel aan, en intussen veranderde het ook in het register.',
    fr: 'Vous avez modifié cette partie, et entre-temps elle a aussi changé dans le registre.',
    en: 'You edited this part, and meanwhile it also changed in the register.',
  },
  mine: { nl: 'Uw tekst', fr: 'Votre texte', en: 'Your text' },
  theirs: { nl: 'Het register', fr: 'Le registre', en: 'The register' },
  keepMine: { nl: 'Mijn tekst houden', fr: 'Garder mon texte', en: 'Keep mine' },
  takeRegister: { nl: 'Tekst van het register nemen', fr: 'Prendre le texte du registre', en: 'Take the register’s' },
  removePart: { nl: 'Toch verwijderen', fr: 'Supprimer quand même', en: 'Remove it' },
  select: { nl: 'Tonen in het document', fr: 'Afficher dans le document', en: 'Show in the document' },
  resolvedMine: {
    nl: 'Uw tekst blijft; het register geldt als gezien.',
    fr: 'Votre texte reste\u00a0; le registre est considéré comme vu.',
    en: 'Your text stays; the register counts as seen.',
  },
  resolvedRegister: {
    nl: 'De tekst van het register staat nu in het document.',
    fr: 'Le texte du registre figure maintenant dans le document.',
    en: 'The register’s text is now in the document.',
  },
  resolvedRemoved: { nl: 'Het deel is verwijderd.', fr: 'La partie a été supprimée.', en: 'The part was removed.' },
  // documents Refresh will not touch without the clerk's say, and the safe action offered
  cursor_in_annex: {
    nl: 'De cursor staat in de synergiebijlage. Plaats hem waar de nieuwe bijlage moet komen, buiten de bijlage, en probeer opnieuw.',
    fr: 'Le curseur se trouve dans l’annexe synergies. Placez-le à l’endroit de la nouvelle annexe, hors de l’annexe, et réessayez.',
    en: 'The cursor is inside the synergy annex. Put it where the new annex goes, outside the annex, and try again.',
  },
  annex_frame_missing: {
    nl: 'Het kader rond de synergiebijlage is verwijderd; delen ervan staan nog los in het document ({count}). Bijwerken weet niet meer waar de bijlage begint en eindigt; er is niets gewijzigd. U kunt een nieuwe bijlage invoegen op de plaats van de cursor; de losse delen blijven staan zodat u ze zelf kunt wissen.',
    fr: 'Le cadre de l’annexe synergies a été supprimé\u00a0; des parties restent isolées dans le document ({count}). La mise à jour ne sait plus où l’annexe commence et finit\u00a0; rien n’a été modifié. Vous pouvez insérer une nouvelle annexe à l’endroit du curseur\u00a0; les parties isolées restent, à vous de les effacer.',
    en: 'The frame around the synergy annex was removed; parts of it remain loose in the document ({count}). Refresh no longer knows where the annex begins and ends; nothing was changed. You can insert a new annex at the cursor; the loose parts stay for you to delete.',
  },
  annex_in_table: {
    nl: 'De synergiebijlage staat in een tabel. Word kan ze daar niet betrouwbaar deel per deel bijwerken; er is niets gewijzigd. Verplaats de bijlage uit de tabel (knippen en plakken), of plaats de cursor onder de tabel en voeg een nieuwe bijlage in: de oude blijft als gewone tekst staan.',
    fr: 'L’annexe synergies se trouve dans un tableau. Word ne peut pas l’y mettre à jour partie par partie de façon fiable\u00a0; rien n’a été modifié. Déplacez l’annexe hors du tableau (couper-coller), ou placez le curseur sous le tableau et insérez une nouvelle annexe\u00a0: l’ancienne reste comme simple texte.',
    en: 'The synergy annex sits inside a table. Word cannot refresh it there part by part reliably; nothing was changed. Move the annex out of the table (cut and paste), or put the cursor below the table and insert a new annex: the old one stays as plain text.',
  },
  several_annexes: {
    nl: 'Het document bevat {count} synergiebijlagen (een kopie werd geplakt?). Er is niets gewijzigd. U kunt alleen de eerste bijwerken; de andere blijven zoals ze zijn.',
    fr: 'Le document contient {count} annexes synergies (une copie a été collée\u00a0?). Rien n’a été modifié. Vous pouvez ne mettre à jour que la première\u00a0; les autres restent telles quelles.',
    en: 'The document holds {count} synergy annexes (was a copy pasted?). Nothing was changed. You can refresh only the first; the others stay as they are.',
  },
  annex_in_annex: {
    nl: 'Er werd een synergiebijlage in de bijlage zelf geplakt. Er is niets gewijzigd. U kunt alleen de eerste versie van elk deel bijwerken; de geplakte kopie blijft staan zodat u ze zelf kunt wissen.',
    fr: 'Une annexe synergies a été collée dans l’annexe elle-même. Rien n’a été modifié. Vous pouvez ne mettre à jour que la première version de chaque partie\u00a0; la copie collée reste, à vous de l’effacer.',
    en: 'A synergy annex was pasted inside the annex itself. Nothing was changed. You can refresh only the first copy of each part; the pasted copy stays for you to delete.',
  },
  duplicate_parts: {
    nl: 'Sommige delen van de bijlage staan er twee keer in (gekopieerd?): {count}. Er is niets gewijzigd. U kunt alleen het eerste exemplaar van elk deel bijwerken; de kopieën hieronder blijven zoals ze zijn.',
    fr: 'Certaines parties de l’annexe y figurent deux fois (copiées\u00a0?)\u00a0: {count}. Rien n’a été modifié. Vous pouvez ne mettre à jour que le premier exemplaire de chaque partie\u00a0; les copies ci-dessous restent telles quelles.',
    en: 'Some parts of the annex appear twice (copied?): {count}. Nothing was changed. You can refresh only the first of each part; the copies below stay as they are.',
  },
  parts_unreadable: {
    nl: 'Word kon de delen van de bijlage niet lezen ({detail}); er is niets gewijzigd. U kunt de hele bijlage opnieuw laten schrijven, zoals vroeger: uw eigen aanpassingen in de bijlage gaan dan verloren (met Wijzigingen bijhouden ziet u ze als bijgehouden wijzigingen).',
    fr: 'Word n’a pas pu lire les parties de l’annexe ({detail})\u00a0; rien n’a été modifié. Vous pouvez faire réécrire toute l’annexe, comme avant\u00a0: vos propres modifications dans l’annexe seront alors perdues (avec le suivi des modifications, vous les voyez comme modifications suivies).',
    en: 'Word could not read the parts of the annex ({detail}); nothing was changed. You can have the whole annex rewritten, as before: your own edits inside it are then lost (with tracked changes on you see them as tracked changes).',
  },
  part_changed: {
    nl: 'Dit deel veranderde sinds het bijwerken. Klik opnieuw op Bijwerken.',
    fr: 'Cette partie a changé depuis la mise à jour. Cliquez à nouveau sur Mettre à jour.',
    en: 'This part changed since the refresh. Click Refresh again.',
  },
  part_gone: {
    nl: 'Dit deel staat niet meer in het document. Klik opnieuw op Bijwerken.',
    fr: 'Cette partie ne se trouve plus dans le document. Cliquez à nouveau sur Mettre à jour.',
    en: 'This part is no longer in the document. Click Refresh again.',
  },
  insertAfresh: { nl: 'Nieuwe bijlage invoegen bij de cursor', fr: 'Insérer une nouvelle annexe au curseur', en: 'Insert a new annex at the cursor' },
  onlyFirst: { nl: 'Alleen de eerste bijwerken', fr: 'Ne mettre à jour que la première', en: 'Refresh only the first' },
  whole: { nl: 'Hele bijlage opnieuw schrijven', fr: 'Réécrire toute l’annexe', en: 'Rewrite the whole annex' },
} satisfies Messages;
