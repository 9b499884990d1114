import type { Messages } from '../types';

/** The task pane's "what changed" section (keys under "pane.", spread into pane.ts); its content comes from "import.changes.*". */
export const paneChangesMessages = {
  changesInsert: {
    nl: 'Wijzigingen tegenover het jaar ervoor invoegen',
    fr: 'Insérer les changements par rapport à l’année précédente',
    en: 'Insert what changed since the year before',
  },
  changesInserted: {
    nl: '„{title}” staat in het document ({items} alinea’s en tabellen).',
    fr: '«\u00a0{title}\u00a0» figure dans le document ({items}\u00a0paragraphes et tableaux).',
    en: '“{title}” is in the document ({items} paragraphs and tables).',
  },
  changesReplaced: {
    nl: '„{title}” is in het document bijgewerkt ({items} alinea’s en tabellen).',
    fr: '«\u00a0{title}\u00a0» a été mis à jour dans le document ({items}\u00a0paragraphes et tableaux).',
    en: '“{title}” was updated in the document ({items} paragraphs and tables).',
  },
} as const satisfies Messages;
