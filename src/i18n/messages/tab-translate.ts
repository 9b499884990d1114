import type { Messages } from '../types';

/** Translation suggestions in the tab's bilingual-completeness view (keys under "tab."). */
export const tabTranslateMessages = {
  'suggest.one': { nl: 'Vertaling voorstellen', fr: 'Proposer une traduction', en: 'Suggest' },
  'suggest.oneOf': { nl: 'Vertaling voorstellen voor {field}', fr: 'Proposer une traduction pour {field}', en: 'Suggest a translation for {field}' },
  'suggest.page': { nl: 'Alles op deze pagina voorstellen', fr: 'Tout proposer sur cette page', en: 'Suggest all on this page' },
  'suggest.busy': { nl: 'Vertalingen worden opgevraagd…', fr: 'Traductions en cours de demande…', en: 'Asking for translations…' },
  'suggest.done.one': {
    nl: '{count} voorstel ingevuld: controleer het en sla het op om het te aanvaarden.',
    fr: '{count} suggestion remplie\u00a0: vérifiez-la et enregistrez-la pour l’accepter.',
    en: '{count} suggestion filled in: check it and save it to accept it.',
  },
  'suggest.done.other': {
    nl: '{count} voorstellen ingevuld: controleer ze en sla ze op om ze te aanvaarden.',
    fr: '{count} suggestions remplies\u00a0: vérifiez-les et enregistrez-les pour les accepter.',
    en: '{count} suggestions filled in: check them and save them to accept them.',
  },
  'suggest.skipped': {
    nl: '{count} vertrouwelijke tekst(en) niet verstuurd.',
    fr: '{count} texte(s) confidentiel(s) non envoyé(s).',
    en: '{count} confidential text(s) not sent.',
  },
  'suggest.machine': { nl: 'Machinevertaling, nog niet nagelezen', fr: 'Traduction automatique, pas encore relue', en: 'Machine translation, not reviewed' },
  'suggest.usage': {
    nl: '{used} van {budget} tekens gebruikt in {month}',
    fr: '{used} caractères utilisés sur {budget} en {month}',
    en: '{used} of {budget} characters used in {month}',
  },
  'suggest.usageNoBudget': { nl: '{used} tekens gebruikt in {month}', fr: '{used} caractères utilisés en {month}', en: '{used} characters used in {month}' },
  'suggest.unreviewed.one': {
    nl: '{count} maatregel met machinevertaalde teksten die nog niemand nalas:',
    fr: '{count} mesure avec des textes traduits automatiquement que personne n’a encore relus\u00a0:',
    en: '{count} measure with machine-translated texts nobody reviewed yet:',
  },
  'suggest.unreviewed.other': {
    nl: '{count} maatregelen met machinevertaalde teksten die nog niemand nalas:',
    fr: '{count} mesures avec des textes traduits automatiquement que personne n’a encore relus\u00a0:',
    en: '{count} measures with machine-translated texts nobody reviewed yet:',
  },
  'suggest.confidential': {
    nl: 'Vertrouwelijk: nooit ter vertaling versturen',
    fr: 'Confidentiel\u00a0: jamais envoyé pour traduction',
    en: 'Confidential: never sent for translation',
  },
  'suggest.review': { nl: 'nalezen', fr: 'relire', en: 'review' },
  'suggest.noSource': {
    nl: 'Geen opgeslagen tekst in de andere taal om te vertalen: vul die in en sla het sjabloon eerst op.',
    fr: 'Aucun texte enregistré dans l’autre langue à traduire : complétez-le et enregistrez d’abord le modèle.',
    en: 'No saved text in the other language to translate: fill it in and save the template first.',
  },
  'actionForm.titleIn.nl': { nl: 'Titel in het Nederlands', fr: 'Titre en néerlandais', en: 'Title in Dutch' },
  'actionForm.titleIn.fr': { nl: 'Titel in het Frans', fr: 'Titre en français', en: 'Title in French' },
  'actionForm.suggestHint': {
    nl: 'Het voorstel vertaalt de opgeslagen titel; sla de actie eerst op als u de titel wijzigde.',
    fr: 'La suggestion traduit le titre enregistré ; enregistrez d’abord l’action si vous avez modifié le titre.',
    en: 'The suggestion translates the saved title; save the action first if you changed the title.',
  },
  'suggest.confirm': { nl: 'Nagelezen', fr: 'Relu', en: 'Reviewed' },
  'suggest.confirmOf': { nl: 'De vertaling van {title} is nagelezen', fr: 'La traduction de {title} est relue', en: 'The translation of {title} is reviewed' },
  'import.suggestAll.nl': {
    nl: 'Nederlands voorstellen voor alle maatregelen zonder Nederlandse tekst',
    fr: 'Proposer le néerlandais pour toutes les mesures qui n’en ont pas',
    en: 'Suggest Dutch for all measures without it',
  },
  'import.suggestAll.fr': {
    nl: 'Frans voorstellen voor alle maatregelen zonder Franse tekst',
    fr: 'Proposer le français pour toutes les mesures qui n’en ont pas',
    en: 'Suggest French for all measures without it',
  },
  'import.suggestHint': {
    nl: 'De voorstellen komen pas in het register wanneer u de import bevestigt. Alleen nieuwe maatregelen worden verstuurd, geen overgeslagen maatregelen of vermeldingen.',
    fr: 'Les suggestions n’entrent dans le registre qu’à la confirmation de l’import. Seules les nouvelles mesures sont envoyées, ni les mesures ignorées, ni les mentions.',
    en: 'Suggestions go into the register only when you confirm the import. Only new entries are sent, not skipped measures or mentions.',
  },
  'import.suggestOf': {
    nl: 'Vertaling voorstellen voor maatregel {key}',
    fr: 'Proposer une traduction pour la mesure {key}',
    en: 'Suggest a translation for measure {key}',
  },
  'import.suggestDone.one': {
    nl: '{count} maatregel kreeg een voorstel: controleer het; het komt in het register wanneer u de import bevestigt.',
    fr: '{count} mesure a reçu une suggestion\u00a0: vérifiez-la\u00a0; elle entre dans le registre à la confirmation de l’import.',
    en: '{count} measure got a suggestion: check it; it goes into the register when you confirm the import.',
  },
  'import.suggestDone.other': {
    nl: '{count} maatregelen kregen een voorstel: controleer ze; ze komen in het register wanneer u de import bevestigt.',
    fr: '{count} mesures ont reçu une suggestion\u00a0: vérifiez-les\u00a0; elles entrent dans le registre à la confirmation de l’import.',
    en: '{count} measures got a suggestion: check them; they go into the register when you confirm the import.',
  },
  'import.suggestCost': {
    nl: '{characters} tekens verstuurd in {requests} aanvraag/aanvragen aan de vertaaldienst.',
    fr: '{characters} caractères envoyés en {requests} requête(s) au service de traduction.',
    en: '{characters} characters sent in {requests} request(s) to the translation service.',
  },
  'import.suggestNothing': {
    nl: 'Geen maatregel om te vertalen: de andere zijn overgeslagen of hebben al een tekst in die taal.',
    fr: 'Aucune mesure à traduire\u00a0: les autres sont ignorées ou ont déjà un texte dans cette langue.',
    en: 'No measure to translate: the others are skipped or already have a text in that language.',
  },
  'import.suggestSkipped': {
    nl: 'Alleen een maatregel die als nieuwe maatregel wordt aangemaakt, krijgt een voorstel (een overgeslagen maatregel of een vermelding niet): er wordt niets verstuurd.',
    fr: 'Seule une mesure créée comme nouvelle mesure reçoit une suggestion (ni une mesure ignorée, ni une mention)\u00a0: rien n’est envoyé.',
    en: 'Only a measure created as a new entry gets a suggestion (not a skipped one, nor a mention): nothing is sent.',
  },
  'import.suggestDiscard': { nl: 'Voorstel verwerpen', fr: 'Écarter la suggestion', en: 'Discard the suggestion' },
  'import.suggestDiscardOf': {
    nl: 'Voorstel voor maatregel {key} verwerpen',
    fr: 'Écarter la suggestion pour la mesure {key}',
    en: 'Discard the suggestion for measure {key}',
  },
  'glossary.title': { nl: 'Woordenlijst en budget voor vertalingen', fr: 'Glossaire et budget de traduction', en: 'Translation glossary and budget' },
  'glossary.terms': { nl: 'Woordenlijst van het bestuur', fr: 'Glossaire de l’administration', en: 'The administration’s glossary' },
  'glossary.hint': {
    nl: 'Eén paar per regel: Nederlands = Frans. Elke suggestie gebruikt deze woorden.',
    fr: 'Une paire par ligne\u00a0: néerlandais = français. Chaque suggestion utilise ces termes.',
    en: 'One pair a line: Dutch = French. Every suggestion uses these words.',
  },
  'glossary.budget': { nl: 'Maandbudget (tekens)', fr: 'Budget mensuel (caractères)', en: 'Monthly budget (characters)' },
  'glossary.budgetHint': { nl: 'Leeg: geen eigen limiet.', fr: 'Vide\u00a0: pas de limite propre.', en: 'Empty: no limit of our own.' },
  'glossary.save': { nl: 'Woordenlijst en budget opslaan', fr: 'Enregistrer le glossaire et le budget', en: 'Save glossary and budget' },
  'glossary.saved': { nl: 'Woordenlijst en budget opgeslagen.', fr: 'Glossaire et budget enregistrés.', en: 'Glossary and budget saved.' },
  'glossary.badLine': {
    nl: 'Regel {line} is geen paar "Nederlands = Frans".',
    fr: 'La ligne {line} n’est pas une paire «\u00a0néerlandais = français\u00a0».',
    en: 'Line {line} is not a pair "Dutch = French".',
  },
} as const satisfies Messages;
