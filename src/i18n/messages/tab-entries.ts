import type { Messages } from '../types';

/** The tab's bilingual-completeness view and the entry form's annex fields (keys under "tab."). */
export const tabEntryMessages = {
  'nav.translations': { nl: 'Tweetaligheid', fr: 'Bilinguisme', en: 'Bilingual texts' },
  'complete.title': { nl: 'Tweetaligheid van het register', fr: 'Bilinguisme du registre', en: 'Bilingual completeness' },
  'complete.explain': {
    nl: 'De bijlage wordt in het Nederlands en in het Frans neergelegd. Hier staan de maatregelen waarvan een tekst maar in één taal bestaat; vul de andere taal in naast de bestaande tekst.',
    fr: 'L’annexe est déposée en néerlandais et en français. Voici les mesures dont un texte n’existe que dans une langue\u00a0; complétez l’autre langue à côté du texte existant.',
    en: 'The annex is filed in Dutch and in French. These measures have a text in one language only; fill in the other language beside the existing text.',
  },
  'complete.show': { nl: 'Tonen', fr: 'Afficher', en: 'Show' },
  'complete.missing.fr': { nl: 'Franse tekst ontbreekt', fr: 'Texte français manquant', en: 'French text missing' },
  'complete.missing.nl': { nl: 'Nederlandse tekst ontbreekt', fr: 'Texte néerlandais manquant', en: 'Dutch text missing' },
  'complete.count.fr.one': { nl: '{count} maatregel zonder Franse tekst', fr: '{count} mesure sans texte français', en: '{count} measure without French text' },
  'complete.count.fr.other': { nl: '{count} maatregelen zonder Franse tekst', fr: '{count} mesures sans texte français', en: '{count} measures without French text' },
  'complete.count.nl.one': { nl: '{count} maatregel zonder Nederlandse tekst', fr: '{count} mesure sans texte néerlandais', en: '{count} measure without Dutch text' },
  'complete.count.nl.other': { nl: '{count} maatregelen zonder Nederlandse tekst', fr: '{count} mesures sans texte néerlandais', en: '{count} measures without Dutch text' },
  'complete.ofTotal.one': { nl: '(van {count} maatregel)', fr: '(sur {count} mesure)', en: '(of {count} measure)' },
  'complete.ofTotal.other': { nl: '(van {count} maatregelen)', fr: '(sur {count} mesures)', en: '(of {count} measures)' },
  'complete.none.fr': { nl: 'Elke maatregel heeft zijn teksten ook in het Frans.', fr: 'Chaque mesure a aussi ses textes en français.', en: 'Every measure has its texts in French too.' },
  'complete.none.nl': { nl: 'Elke maatregel heeft zijn teksten ook in het Nederlands.', fr: 'Chaque mesure a aussi ses textes en néerlandais.', en: 'Every measure has its texts in Dutch too.' },
  'complete.field.title': { nl: 'Titel', fr: 'Titre', en: 'Title' },
  'complete.field.subheading': { nl: 'Tussentitel', fr: 'Intertitre', en: 'Sub-heading' },
  'complete.field.department': { nl: 'Dienst', fr: 'Service', en: 'Department' },
  'complete.field.description': { nl: 'Beschrijving', fr: 'Description', en: 'Description' },
  'complete.field.qualitativeBenefit': { nl: 'Kwalitatief voordeel', fr: 'Gain qualitatif', en: 'Qualitative benefit' },
  'complete.in.nl': { nl: '{field} in het Nederlands', fr: '{field} en néerlandais', en: '{field} in Dutch' },
  'complete.in.fr': { nl: '{field} in het Frans', fr: '{field} en français', en: '{field} in French' },
  'complete.save': { nl: 'Opslaan', fr: 'Enregistrer', en: 'Save' },
  'complete.saveOf': { nl: 'Teksten opslaan van {title}', fr: 'Enregistrer les textes de {title}', en: 'Save the texts of {title}' },
  'complete.saved': { nl: 'Teksten van “{title}” opgeslagen.', fr: 'Textes de «\u00a0{title}\u00a0» enregistrés.', en: 'Texts of “{title}” saved.' },
  'complete.nothingTyped': { nl: 'Er is nog niets ingevuld.', fr: 'Rien n’a encore été saisi.', en: 'Nothing has been typed yet.' },
  'complete.conflict': {
    nl: 'Iemand anders wijzigde deze maatregel intussen; er werd niets opgeslagen. Laad de pagina opnieuw.',
    fr: 'Quelqu’un d’autre a modifié cette mesure entre-temps\u00a0; rien n’a été enregistré. Rechargez la page.',
    en: 'Someone else changed this measure meanwhile; nothing was saved. Reload the page.',
  },
} as const satisfies Messages;
