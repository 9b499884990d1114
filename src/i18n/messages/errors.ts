/** The error catalogue's messages (keys under "errors.", one per code of src/domain/errors.ts). */
export const errorMessages = {
  invalid_input: { nl: 'Ongeldige invoer', fr: 'Saisie non valable', en: 'Invalid input' },
  invalid_json: {
    nl: 'De inhoud van het verzoek is geen geldige JSON',
    fr: 'Le contenu de la requête n’est pas du JSON valable',
    en: 'The request body is not valid JSON',
  },
  unsupported_query: {
    nl: 'Deze zoekopdracht kan de opslag niet uitvoeren: {detail}',
    fr: 'Le stockage ne peut pas exécuter cette recherche : {detail}',
    en: 'The store cannot run this query: {detail}',
  },
  forbidden_no_role: {
    nl: 'U hebt geen rol in het register; vraag uw beheerder u er een toe te kennen ({needed} of hoger)',
    fr: 'Vous n’avez aucun rôle dans le registre ; demandez à votre administrateur de vous en attribuer un ({needed} ou plus)',
    en: 'You have no role in the register; ask your administrator to assign you one ({needed} or higher)',
  },
  forbidden_role_needed: {
    nl: 'Hiervoor is de rol {needed} nodig; u hebt {yours}',
    fr: 'Il faut pour cela le rôle {needed} ; vous avez {yours}',
    en: 'This needs the role {needed}; you have {yours}',
  },
  forbidden_poll_manager: {
    nl: 'Alleen wie de stemming startte, een voorzitter van de focusgroep of een secretaris kan dit doen',
    fr: 'Seuls la personne qui a lancé le sondage, un président du groupe de travail ou un secrétaire peuvent le faire',
    en: 'Only the person who started the poll, a chair of its focus group or a secretary can do this',
  },
  idempotency_key_reused: {
    nl: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek (anders: {fields}). Stuur voor een nieuw record een nieuwe sleutel; een herhaling stuurt hetzelfde verzoek opnieuw.',
    fr: 'Cette Idempotency-Key a déjà servi pour une autre requête (différent\u00a0: {fields}). Pour un nouvel enregistrement, envoyez une nouvelle clé\u00a0; une répétition renvoie la même requête.',
    en: 'This Idempotency-Key was already used for another request (different: {fields}). Send a new key for a new record; a retry sends the same request again.',
  },
  forbidden_cross_origin: {
    nl: 'Geweigerd: dit verzoek komt van een pagina van een andere oorsprong ({reason}). Zonder aanmelding aanvaardt de lokale modus wijzigingen alleen van zijn eigen pagina’s; open het register zelf om dit te doen.',
    fr: 'Refusé\u00a0: cette requête vient d’une page d’une autre origine ({reason}). Sans connexion, le mode local n’accepte de modifications que de ses propres pages\u00a0; ouvrez le registre lui-même pour le faire.',
    en: 'Refused: this request comes from a page of another origin ({reason}). Without sign-in, local mode accepts changes only from its own pages; open the register itself to do this.',
  },
  forbidden_sealed: {
    nl: 'De resultaten van deze stemming blijven verzegeld tot ze sluit',
    fr: 'Les résultats de ce sondage restent scellés jusqu’à sa clôture',
    en: 'The results of this poll are sealed until it closes',
  },
  not_found: {
    nl: 'Dit bestaat niet (meer): {collection} {id}',
    fr: 'Cet élément n’existe pas (ou plus) : {collection} {id}',
    en: '{collection} {id} does not exist',
  },
  conflict: {
    nl: 'Iemand anders heeft dit intussen gewijzigd ({collection} {id}): lees het opnieuw en breng uw wijziging opnieuw aan',
    fr: 'Quelqu’un d’autre l’a modifié entre-temps ({collection} {id}) : relisez-le et refaites votre modification',
    en: '{collection} {id} was changed by someone else in the meantime',
  },
  duplicate: {
    nl: '{collection} bevat al een record met {field} = {key}',
    fr: '{collection} contient déjà un enregistrement avec {field} = {key}',
    en: '{collection} already holds a record with {field} = {key}',
  },
  restored_elsewhere: {
    nl: 'Maatregel {id} werd teruggezet als maatregel {restoredAs}, die sindsdien verwijderd is: zet die terug',
    fr: 'La mesure {id} a été restaurée sous le numéro {restoredAs}, supprimée depuis : restaurez celle-là',
    en: 'Entry {id} was restored as entry {restoredAs}, which has been deleted since: restore that one',
  },
  not_deleted: { nl: 'Maatregel {id} is niet verwijderd', fr: 'La mesure {id} n’est pas supprimée', en: 'Entry {id} is not deleted' },
  restore_expired: {
    nl: 'Maatregel {id} werd verwijderd op {date}, meer dan {days} dagen geleden: u kunt ze niet meer terugzetten (haar geschiedenis bewaart ze)',
    fr: 'La mesure {id} a été supprimée le {date}, il y a plus de {days} jours : elle ne peut plus être restaurée (son historique la conserve)',
    en: 'Entry {id} was deleted on {date}, more than {days} days ago: it can no longer be restored (its history keeps it)',
  },
  record_too_large: {
    nl: 'Dit record is te groot om op te slaan: {size} tekens, hoogstens {limit}; maak de langste teksten korter',
    fr: 'Cet enregistrement est trop volumineux : {size} caractères, au maximum {limit} ; raccourcissez les textes les plus longs',
    en: 'This record is too large to store: {size} characters of data, at most {limit}; shorten its longest texts',
  },
  precondition_required: {
    nl: 'Stuur de eTag van de versie die u las mee in een If-Match-header (of * om te vervangen wat er bewaard is)',
    fr: 'Envoyez l’eTag de la version lue dans un en-tête If-Match (ou * pour remplacer ce qui est enregistré)',
    en: 'Send the eTag of the version you read in an If-Match header (or * to replace whatever is stored)',
  },
  internal: {
    nl: 'Er ging iets mis op de server; dit verzoek heeft niets gewijzigd',
    fr: 'Une erreur s’est produite sur le serveur ; cette requête n’a rien modifié',
    en: 'Something went wrong on the server; nothing was changed by this request',
  },
  store_lock_lost: {
    nl: 'Deze server beheert zijn gegevensmap {dir} niet meer (een ander proces nam ze over); er werd niets meer bewaard. Start hem opnieuw zodra het andere proces gestopt is.',
    fr: 'Ce serveur ne détient plus son dossier de données {dir} (un autre processus l’a repris)\u00a0; plus rien n’a été enregistré. Redémarrez-le une fois l’autre processus arrêté.',
    en: 'This server no longer holds its data folder {dir} (another process took it over); nothing more was saved. Restart it once the other process has stopped.',
  },
  store_unavailable: { nl: 'De opslag van het register antwoordt niet: {detail}', fr: 'Le stockage du registre ne répond pas : {detail}', en: '{detail}' },
  translation_unavailable: {
    nl: 'Vertaalsuggesties zijn op deze server niet ingesteld',
    fr: 'Les suggestions de traduction ne sont pas configurées sur ce serveur',
    en: 'Translation suggestions are not configured on this server',
  },
  unreviewed_translations: {
    nl: 'De bijlage wordt niet gemaakt: het sjabloon weigert niet-nagekeken machinevertalingen en {count} tekst(en) in deze taal moeten nog door iemand worden nagekeken (scherm ‘Tweetaligheid van het register’)',
    fr: 'L’annexe n’est pas produite : le modèle refuse les traductions automatiques non relues et {count} texte(s) dans cette langue doivent encore être relus par une personne (écran « Bilinguisme du registre »)',
    en: 'The annex is not produced: the template refuses unreviewed machine translations and {count} text(s) in this language still need review by a person (the ‘Bilingual completeness’ screen)',
  },
  translation_budget_exceeded: {
    nl: 'Het maandbudget voor vertalingen is bereikt: {used} van {budget} tekens gebruikt, deze vraag heeft er {needed} nodig',
    fr: 'Le budget mensuel de traduction est atteint\u00a0: {used} caractères utilisés sur {budget}, cette demande en demande {needed}',
    en: 'The monthly translation budget is reached: {used} of {budget} characters used, this request needs {needed}',
  },
  translation_failed: {
    nl: 'De vertaaldienst gaf geen suggesties: {detail}',
    fr: 'Le service de traduction n’a pas donné de suggestions\u00a0: {detail}',
    en: 'The translation service gave no suggestions: {detail}',
  },
  no_endpoint: { nl: 'Dit API-eindpunt bestaat niet', fr: 'Ce point d’accès de l’API n’existe pas', en: 'No such API endpoint' },
};
