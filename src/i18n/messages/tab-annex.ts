import type { Messages } from '../types';

/** The tab's annex download screen (keys under "tab.annex."). French typography: \u00a0 before : ; ? ! */
export const tabAnnexMessages = {
  'nav.annex': { nl: 'Bijlage', fr: 'Annexe', en: 'Annex' },
  'annex.title': { nl: 'Bijlage bij de begroting', fr: 'Annexe au budget', en: 'Budget annex' },
  'annex.explain': {
    nl: 'Download de bijlage van een begrotingsjaar als Word-document, zoals het register ze nu toont. Kijk eerst de waarschuwingen na.',
    fr: 'Téléchargez l’annexe d’une année budgétaire en document Word, telle que le registre la présente maintenant. Vérifiez d’abord les avertissements.',
    en: 'Download the annex of a budget year as a Word document, as the register shows it now. Check the warnings first.',
  },
  'annex.year': { nl: 'Begrotingsjaar', fr: 'Année budgétaire', en: 'Budget year' },
  'annex.comingYear': { nl: '{year} (volgend begrotingsjaar)', fr: '{year} (prochaine année budgétaire)', en: '{year} (coming budget year)' },
  'annex.language': { nl: 'Taal van de bijlage', fr: 'Langue de l’annexe', en: 'Language of the annex' },
  'annex.lang.nl': { nl: 'Nederlands', fr: 'Néerlandais', en: 'Dutch' },
  'annex.lang.fr': { nl: 'Frans', fr: 'Français', en: 'French' },
  'annex.shape': { nl: 'Vorm', fr: 'Forme', en: 'Shape' },
  'annex.shape.template': { nl: 'Zoals het sjabloon van dat jaar', fr: 'Comme le modèle de cette année', en: 'As that year’s template' },
  'annex.shape.list': { nl: 'Lijst', fr: 'Liste', en: 'List' },
  'annex.shape.narrative': { nl: 'Verhalend', fr: 'Narrative', en: 'Narrative' },
  'annex.check': { nl: 'Controle vóór het downloaden', fr: 'Vérification avant le téléchargement', en: 'Check before downloading' },
  'annex.download': { nl: 'Bijlage downloaden (.docx)', fr: 'Télécharger l’annexe (.docx)', en: 'Download the annex (.docx)' },
  'annex.downloaded': { nl: 'Het bestand {file} is gedownload.', fr: 'Le fichier {file} a été téléchargé.', en: 'The file {file} has been downloaded.' },
  'annex.fileName': { nl: 'bijlage-synergieen-{year}-{lang}.docx', fr: 'annexe-synergies-{year}-{lang}.docx', en: 'synergy-annex-{year}-{lang}.docx' },
} as const satisfies Messages;
