import type { Language } from '../domain';
import type { LegalDocument } from './texts';

/**
 * The accessibility statement (EN 301 549 / WCAG 2.1 level AA, the standard Belgian public bodies must meet for
 * their websites and applications), in the model the European Commission set for such statements: the status,
 * what is not yet accessible, how it was assessed, how to report a problem and where to complain.
 */
export const ACCESSIBILITY_TEXTS: Record<Language, LegalDocument> = {
  nl: {
    title: 'Toegankelijkheidsverklaring — Synergieregister',
    intro:
      '{municipality} wil het Synergieregister (de tab in Microsoft Teams, de bot en de invoegtoepassing in Word) toegankelijk maken voor iedereen, volgens de norm EN 301 549 en de richtlijnen WCAG 2.1 op niveau AA.',
    sections: [
      {
        heading: 'Stand van de naleving',
        paragraphs: ['De toepassing voldoet gedeeltelijk aan WCAG 2.1 niveau AA: de hieronder genoemde punten voldoen nog niet.'],
      },
      {
        heading: 'Wat nog niet toegankelijk is',
        paragraphs: [
          'De kaarten van de bot in Teams worden door Microsoft Teams getoond; hun weergave met een schermlezer hangt af van Teams zelf.',
          'Het Word-document van de bijlage volgt de koppen en lijsten van Word; tabellen met veel kolommen zijn op een smal scherm moeilijk te lezen.',
        ],
      },
      {
        heading: 'Hoe dit werd beoordeeld',
        paragraphs: [
          'Elk scherm van de tab, het Word-paneel, het scherm voor sjablonen en het importscherm wordt bij elke wijziging automatisch getoetst met axe-core, in het lichte, donkere en contrastthema en op 1280 en 400 pixels breed. Een ernstige of kritieke fout houdt de wijziging tegen.',
          'Een maatregel met een actie toevoegen en stemmen in de tab worden bovendien met alleen het toetsenbord getest.',
        ],
      },
      {
        heading: 'Een probleem melden',
        paragraphs: [
          'Loopt u vast op iets dat niet toegankelijk is? Meld het aan de beheerder van de toepassing bij {municipality}: u krijgt binnen de wettelijke termijn een antwoord en, waar nodig, de informatie in een andere vorm.',
        ],
      },
      {
        heading: 'Klacht',
        paragraphs: [
          'Bent u niet tevreden met het antwoord, dan kunt u zich wenden tot de ombudsman van uw gewest: in Brussel de Brusselse Ombudsman, in Wallonië de Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles.',
        ],
      },
    ],
    otherLanguages: 'Deze verklaring in een andere taal',
  },
  fr: {
    title: 'Déclaration d’accessibilité — Registre des synergies',
    intro:
      '{municipality} veut rendre le Registre des synergies (l’onglet dans Microsoft Teams, le bot et le complément Word) accessible à toutes et à tous, selon la norme EN 301 549 et les règles WCAG 2.1 au niveau AA.',
    sections: [
      {
        heading: 'État de conformité',
        paragraphs: ['L’application est partiellement conforme aux WCAG 2.1 niveau AA\u00a0: les points cités ci-dessous ne le sont pas encore.'],
      },
      {
        heading: 'Ce qui n’est pas encore accessible',
        paragraphs: [
          'Les cartes du bot dans Teams sont affichées par Microsoft Teams\u00a0; leur restitution par un lecteur d’écran dépend de Teams lui-même.',
          'Le document Word de l’annexe suit les titres et les listes de Word\u00a0; les tableaux à nombreuses colonnes sont difficiles à lire sur un écran étroit.',
        ],
      },
      {
        heading: 'Comment cela a été évalué',
        paragraphs: [
          'Chaque écran de l’onglet, le volet Word, l’écran des modèles et l’écran d’import sont vérifiés automatiquement avec axe-core à chaque modification, dans les thèmes clair, sombre et contraste, à 1280 et 400 pixels de large. Une erreur grave ou critique bloque la modification.',
          'Ajouter une mesure avec une action et voter dans l’onglet sont en outre testés au clavier seul.',
        ],
      },
      {
        heading: 'Signaler un problème',
        paragraphs: [
          'Vous êtes bloqué par un élément inaccessible\u00a0? Signalez-le à l’administrateur de l’application auprès de {municipality}\u00a0: vous recevrez une réponse dans le délai légal et, si nécessaire, l’information sous une autre forme.',
        ],
      },
      {
        heading: 'Réclamation',
        paragraphs: [
          'Si la réponse ne vous satisfait pas, vous pouvez vous adresser au médiateur de votre région\u00a0: à Bruxelles, le Médiateur bruxellois\u00a0; en Wallonie, le Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles.',
        ],
      },
    ],
    otherLanguages: 'Cette déclaration dans une autre langue',
  },
  en: {
    title: 'Accessibility statement — Synergy register',
    intro:
      '{municipality} wants the Synergy register (the tab in Microsoft Teams, the bot and the Word add-in) to be accessible to everyone, following the EN 301 549 standard and the WCAG 2.1 guidelines at level AA.',
    sections: [
      {
        heading: 'Compliance status',
        paragraphs: ['The application partially conforms to WCAG 2.1 level AA: the points listed below do not conform yet.'],
      },
      {
        heading: 'What is not accessible yet',
        paragraphs: [
          'The bot’s cards in Teams are shown by Microsoft Teams; how a screen reader reads them depends on Teams itself.',
          'The annex’s Word document follows Word’s headings and lists; tables with many columns are hard to read on a narrow screen.',
        ],
      },
      {
        heading: 'How this was assessed',
        paragraphs: [
          'Every screen of the tab, the Word pane, the templates screen and the import screen is checked automatically with axe-core on every change, in the light, dark and contrast themes, 1280 and 400 pixels wide. A serious or critical error stops the change.',
          'Adding a measure with an action and voting in the tab are also tested with the keyboard alone.',
        ],
      },
      {
        heading: 'Reporting a problem',
        paragraphs: [
          'Stuck on something that is not accessible? Report it to the application’s administrator at {municipality}: you will get an answer within the legal time limit and, where needed, the information in another form.',
        ],
      },
      {
        heading: 'Complaints',
        paragraphs: [
          'If the answer does not satisfy you, you can turn to the ombudsman of your region: in Brussels the Brussels Ombudsman, in Wallonia the Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles.',
        ],
      },
    ],
    otherLanguages: 'This statement in another language',
  },
};
