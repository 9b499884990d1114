import type { Language } from '../domain';
import { ACCESSIBILITY_TEXTS } from './accessibility-texts';

/**
 * The privacy statement, the terms of use and the accessibility statement the Teams app and the Word add-in link to (manifest
 * privacyUrl / termsOfUseUrl, the Entra app's info URLs), in Dutch, French and English. `{municipality}`
 * is filled with the configured name in that language; every text is escaped when rendered.
 */

export type LegalPage = 'privacy' | 'terms' | 'accessibility';

export interface LegalDocument {
  title: string;
  intro: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  otherLanguages: string;
}

type Texts = Record<LegalPage, Record<Language, LegalDocument>>;

export const LEGAL_TEXTS: Texts = {
  privacy: {
    nl: {
      title: 'Privacyverklaring — Synergieregister',
      intro:
        'Het Synergieregister is een toepassing van {municipality} en haar OCMW voor het jaarlijkse verslag over de synergieën tussen beide besturen (artikel 26bis §5 van de organieke wet van 8 juli 1976 betreffende de OCMW’s). Deze verklaring zegt welke persoonsgegevens de toepassing verwerkt, waarom en hoe lang.',
      sections: [
        {
          heading: 'Verwerkingsverantwoordelijke',
          paragraphs: [
            '{municipality} is verwerkingsverantwoordelijke. Met vragen over uw gegevens kunt u terecht bij de functionaris voor gegevensbescherming (DPO) van het bestuur.',
          ],
        },
        {
          heading: 'Welke gegevens',
          paragraphs: [
            'Uw naam, uw e-mailadres en uw identificatie in Microsoft 365 (Entra ID), zoals Teams en Word ze doorgeven wanneer u de toepassing opent.',
            'Wat u in het register invoert of wijzigt (fiches, acties, beslissingen, vergaderingen), met uw naam en het tijdstip in de wijzigingsgeschiedenis.',
            'Uw stem in een stemming van een focusgroep. Bij een anonieme stemming wordt alleen de telling getoond; de toepassing bewaart uw stem wel om te verhinderen dat u twee keer stemt.',
          ],
        },
        {
          heading: 'Waarvoor',
          paragraphs: [
            'Uitsluitend om het synergieregister bij te houden, de stemmingen van de focusgroepen te organiseren en het jaarverslag op te maken dat bij de begrotingen van de gemeente en het OCMW wordt gevoegd. De rechtsgrond is de wettelijke verplichting van artikel 26bis §5 en de taak van algemeen belang van beide besturen.',
          ],
        },
        {
          heading: 'Waar de gegevens staan',
          paragraphs: [
            'In de SharePoint-lijsten van het bestuur in zijn eigen Microsoft 365-omgeving, of op de eigen server van het bestuur. De toepassing stuurt geen gegevens naar derden en gebruikt geen cookies voor statistieken of reclame. Microsoft treedt op als verwerker van het bestuur voor Microsoft 365 en Azure.',
          ],
        },
        {
          heading: 'Hoe lang',
          paragraphs: ['Zolang het register en de verslagen waarvoor ze dienen worden bewaard, volgens de archiefregels van het bestuur.'],
        },
        {
          heading: 'Uw rechten',
          paragraphs: [
            'U hebt recht op inzage, verbetering en, waar de wet het toelaat, wissing of beperking van uw gegevens. Richt uw verzoek aan de DPO van het bestuur. U kunt ook klacht indienen bij de Gegevensbeschermingsautoriteit (www.gegevensbeschermingsautoriteit.be).',
          ],
        },
      ],
      otherLanguages: 'Deze verklaring in een andere taal',
    },
    fr: {
      title: 'Déclaration de confidentialité — Registre des synergies',
      intro:
        'Le Registre des synergies est une application de {municipality} et de son CPAS destinée au rapport annuel sur les synergies entre les deux administrations (article 26bis, § 5, de la loi organique du 8 juillet 1976 des CPAS). La présente déclaration indique quelles données à caractère personnel l’application traite, pourquoi et pendant combien de temps.',
      sections: [
        {
          heading: 'Responsable du traitement',
          paragraphs: [
            '{municipality} est responsable du traitement. Pour toute question relative à vos données, adressez-vous au délégué à la protection des données (DPO) de l’administration.',
          ],
        },
        {
          heading: 'Données traitées',
          paragraphs: [
            'Votre nom, votre adresse e-mail et votre identifiant Microsoft 365 (Entra ID), tels que Teams et Word les transmettent lorsque vous ouvrez l’application.',
            'Ce que vous saisissez ou modifiez dans le registre (fiches, actions, décisions, réunions), avec votre nom et l’heure dans l’historique des modifications.',
            'Votre vote lors d’un sondage d’un groupe de travail. Pour un sondage anonyme, seul le décompte est affiché ; l’application conserve toutefois votre vote pour éviter que vous votiez deux fois.',
          ],
        },
        {
          heading: 'Finalités',
          paragraphs: [
            'Uniquement tenir le registre des synergies, organiser les sondages des groupes de travail et établir le rapport annuel joint aux budgets de la commune et du CPAS. Le traitement repose sur l’obligation légale de l’article 26bis, § 5, et sur la mission d’intérêt public des deux administrations.',
          ],
        },
        {
          heading: 'Lieu de conservation',
          paragraphs: [
            'Dans les listes SharePoint de l’administration, au sein de son propre environnement Microsoft 365, ou sur le serveur propre de l’administration. L’application ne transmet aucune donnée à des tiers et n’utilise aucun cookie de statistiques ni de publicité. Microsoft agit en tant que sous-traitant de l’administration pour Microsoft 365 et Azure.',
          ],
        },
        {
          heading: 'Durée de conservation',
          paragraphs: ['Aussi longtemps que le registre et les rapports qu’elles servent sont conservés, selon les règles d’archivage de l’administration.'],
        },
        {
          heading: 'Vos droits',
          paragraphs: [
            'Vous disposez d’un droit d’accès, de rectification et, dans les limites prévues par la loi, d’effacement ou de limitation. Adressez votre demande au DPO de l’administration. Vous pouvez également introduire une plainte auprès de l’Autorité de protection des données (www.autoriteprotectiondonnees.be).',
          ],
        },
      ],
      otherLanguages: 'Cette déclaration dans une autre langue',
    },
    en: {
      title: 'Privacy statement — Synergy Register',
      intro:
        'Synergy Register is an application of {municipality} and its public social welfare centre (OCMW/CPAS) for the yearly report on the synergies between the two administrations (article 26bis §5 of the organic law of 8 July 1976 on the OCMWs). This statement says which personal data the application processes, why and for how long.',
      sections: [
        {
          heading: 'Controller',
          paragraphs: ['{municipality} is the controller. For questions about your data, contact the administration’s data protection officer (DPO).'],
        },
        {
          heading: 'Which data',
          paragraphs: [
            'Your name, your e-mail address and your Microsoft 365 (Entra ID) identifier, as Teams and Word pass them on when you open the application.',
            'What you enter or change in the register (entries, actions, decisions, meetings), with your name and the time in the change history.',
            'Your vote in a focus group poll. For an anonymous poll only the count is shown; the application still keeps your vote so that you cannot vote twice.',
          ],
        },
        {
          heading: 'Purpose',
          paragraphs: [
            'Only to keep the synergy register, to run the focus groups’ polls and to draw up the yearly report annexed to the budgets of the municipality and the OCMW/CPAS. The legal basis is the legal obligation of article 26bis §5 and the public-interest task of both administrations.',
          ],
        },
        {
          heading: 'Where the data are kept',
          paragraphs: [
            'In the administration’s SharePoint lists in its own Microsoft 365 environment, or on the administration’s own server. The application sends no data to third parties and uses no cookies for statistics or advertising. Microsoft acts as the administration’s processor for Microsoft 365 and Azure.',
          ],
        },
        {
          heading: 'How long',
          paragraphs: ['As long as the register and the reports they serve are kept, under the administration’s archiving rules.'],
        },
        {
          heading: 'Your rights',
          paragraphs: [
            'You have the right of access, rectification and, where the law allows, erasure or restriction. Send your request to the administration’s DPO. You may also lodge a complaint with the Data Protection Authority (www.dataprotectionauthority.be).',
          ],
        },
      ],
      otherLanguages: 'This statement in another language',
    },
  },
  terms: {
    nl: {
      title: 'Gebruiksvoorwaarden — Synergieregister',
      intro: 'Deze voorwaarden gelden voor iedereen die het Synergieregister van {municipality} gebruikt in Microsoft Teams, in Word of in een browser.',
      sections: [
        {
          heading: 'Wie het mag gebruiken',
          paragraphs: [
            'Personeelsleden en mandatarissen van de gemeente en het OCMW, en de leden van de focusgroepen, met de rol die het bestuur hun toekent (lezer, redacteur, secretaris of beheerder).',
          ],
        },
        {
          heading: 'Wat u erin zet',
          paragraphs: [
            'U voert alleen gegevens in die nodig zijn voor het register en het jaarverslag, en geen gevoelige persoonsgegevens over burgers of cliënten van het OCMW. Elke wijziging wordt met uw naam in de geschiedenis bewaard.',
          ],
        },
        {
          heading: 'Stemmingen',
          paragraphs: [
            'De uitslag van een stemming in een focusgroep is een advies van die focusgroep. Ze wordt als dusdanig op de fiche vermeld en bindt de gemeenteraad of de raad voor maatschappelijk welzijn niet.',
          ],
        },
        {
          heading: 'Het jaarverslag',
          paragraphs: [
            'Het verslag dat de toepassing in Word opmaakt, is een ontwerp. Het bestuur blijft verantwoordelijk voor de tekst die bij de begrotingen wordt gevoegd; controleer in het bijzonder de wettekst en de cijfers.',
          ],
        },
        {
          heading: 'Beschikbaarheid',
          paragraphs: [
            'Het bestuur doet wat redelijk is om de toepassing beschikbaar en de gegevens juist te houden, maar kan geen ononderbroken werking waarborgen. Meld fouten aan de beheerder van de toepassing.',
          ],
        },
      ],
      otherLanguages: 'Deze voorwaarden in een andere taal',
    },
    fr: {
      title: 'Conditions d’utilisation — Registre des synergies',
      intro:
        'Les présentes conditions s’appliquent à toute personne qui utilise le Registre des synergies de {municipality} dans Microsoft Teams, dans Word ou dans un navigateur.',
      sections: [
        {
          heading: 'Qui peut l’utiliser',
          paragraphs: [
            'Les membres du personnel et les mandataires de la commune et du CPAS, ainsi que les membres des groupes de travail, avec le rôle que l’administration leur attribue (lecteur, rédacteur, secrétaire ou administrateur).',
          ],
        },
        {
          heading: 'Ce que vous y saisissez',
          paragraphs: [
            'Vous n’y saisissez que les données nécessaires au registre et au rapport annuel, et aucune donnée sensible concernant des citoyens ou des bénéficiaires du CPAS. Chaque modification est conservée dans l’historique, avec votre nom.',
          ],
        },
        {
          heading: 'Sondages',
          paragraphs: [
            'Le résultat d’un sondage d’un groupe de travail constitue un avis de ce groupe. Il est mentionné comme tel sur la fiche et ne lie ni le conseil communal ni le conseil de l’action sociale.',
          ],
        },
        {
          heading: 'Le rapport annuel',
          paragraphs: [
            'Le rapport que l’application rédige dans Word est un projet. L’administration reste responsable du texte joint aux budgets ; vérifiez en particulier le texte légal et les chiffres.',
          ],
        },
        {
          heading: 'Disponibilité',
          paragraphs: [
            'L’administration met tout en œuvre, dans une mesure raisonnable, pour que l’application reste disponible et les données exactes, mais ne peut garantir un fonctionnement ininterrompu. Signalez toute erreur au gestionnaire de l’application.',
          ],
        },
      ],
      otherLanguages: 'Ces conditions dans une autre langue',
    },
    en: {
      title: 'Terms of use — Synergy Register',
      intro: 'These terms apply to everyone who uses the Synergy Register of {municipality} in Microsoft Teams, in Word or in a browser.',
      sections: [
        {
          heading: 'Who may use it',
          paragraphs: [
            'Staff and elected members of the municipality and the OCMW/CPAS, and the members of the focus groups, with the role the administration gives them (reader, editor, secretary or administrator).',
          ],
        },
        {
          heading: 'What you enter',
          paragraphs: [
            'You enter only data needed for the register and the yearly report, and no sensitive personal data about citizens or clients of the OCMW/CPAS. Every change is kept in the history with your name.',
          ],
        },
        {
          heading: 'Polls',
          paragraphs: [
            'The outcome of a focus group poll is that focus group’s advice. It is recorded as such on the entry and does not bind the municipal council or the council for social welfare.',
          ],
        },
        {
          heading: 'The yearly report',
          paragraphs: [
            'The report the application drafts in Word is a draft. The administration remains responsible for the text annexed to the budgets; check the legal wording and the figures in particular.',
          ],
        },
        {
          heading: 'Availability',
          paragraphs: [
            'The administration does what is reasonable to keep the application available and the data correct, but cannot guarantee uninterrupted operation. Report errors to the application’s administrator.',
          ],
        },
      ],
      otherLanguages: 'These terms in another language',
    },
  },
  accessibility: ACCESSIBILITY_TEXTS,
};
