import type { Language } from '../domain';

/**
 * The privacy statement's section on translation suggestions: what is sent to Azure AI Translator, where it is
 * processed (the region of the administration's own Translator resource) and what never leaves the register.
 * `{region}` is the configured region; without a configured service the section says suggestions are off.
 */
export const TRANSLATION_PRIVACY: Record<Language, { heading: string; on: string[]; off: string }> = {
  nl: {
    heading: 'Vertaalsuggesties (Azure AI Translator)',
    on: [
      'Wanneer een medewerker om een vertaalsuggestie vraagt, stuurt de toepassing alleen de gevraagde teksten van de fiches (titel, tussentitel, dienst, beschrijving, kwalitatief voordeel) naar Azure AI Translator van het bestuur, samen met de woordenlijst van het bestuur. Namen, e-mailadressen, stemmen en de geschiedenis worden niet verstuurd.',
      'Microsoft verwerkt die teksten als verwerker van het bestuur in de Azure-regio {region}, die het bestuur koos voor zijn Translator-resource; Microsoft bewaart ze niet na de vertaling. Teksten die als vertrouwelijk gemarkeerd zijn, worden nooit verstuurd. Een suggestie wordt pas bewaard wanneer een medewerker ze aanvaardt, en blijft gemarkeerd als machinevertaling tot iemand ze naleest.',
    ],
    off: 'Vertaalsuggesties zijn niet ingeschakeld: de toepassing stuurt geen teksten naar een vertaaldienst.',
  },
  fr: {
    heading: 'Suggestions de traduction (Azure AI Translator)',
    on: [
      'Lorsqu’un agent demande une suggestion de traduction, l’application n’envoie à Azure AI Translator de l’administration que les textes demandés des fiches (titre, intertitre, service, description, gain qualitatif), avec le glossaire de l’administration. Les noms, adresses e-mail, votes et l’historique ne sont pas envoyés.',
      'Microsoft traite ces textes en tant que sous-traitant de l’administration dans la région Azure {region}, choisie par l’administration pour sa ressource Translator\u00a0; Microsoft ne les conserve pas après la traduction. Les textes marqués confidentiels ne sont jamais envoyés. Une suggestion n’est enregistrée que lorsqu’un agent l’accepte, et reste marquée comme traduction automatique jusqu’à ce que quelqu’un la relise.',
    ],
    off: 'Les suggestions de traduction ne sont pas activées\u00a0: l’application n’envoie aucun texte à un service de traduction.',
  },
  en: {
    heading: 'Translation suggestions (Azure AI Translator)',
    on: [
      'When a member of staff asks for a translation suggestion, the app sends only the requested texts of the measures (title, sub-heading, department, description, qualitative benefit) to the administration’s Azure AI Translator, with the administration’s glossary. Names, e-mail addresses, votes and the history are not sent.',
      'Microsoft processes these texts as the administration’s processor in the Azure region {region}, which the administration chose for its Translator resource; Microsoft does not keep them after translating. Texts marked confidential are never sent. A suggestion is saved only when a member of staff accepts it, and stays marked as a machine translation until someone reviews it.',
    ],
    off: 'Translation suggestions are not switched on: the app sends no text to a translation service.',
  },
};
