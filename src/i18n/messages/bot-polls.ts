import type { Messages } from '../types';

/** The bot's texts for polls' chair settings, reminders and digests (keys under "bot.", spread into bot.ts). */
export const botPollMessages = {
  'poll.sealed': {
    nl: 'Uitslag verzegeld tot de stemming sluit. Uitgebrachte stemmen: {count}',
    fr: 'Résultats scellés jusqu’à la clôture. Bulletins déposés : {count}',
    en: 'Results sealed until the poll closes. Ballots cast: {count}',
  },
  'poll.sealedRule': { nl: 'Uitslag verzegeld tot sluiting', fr: 'Résultats scellés jusqu’à la clôture', en: 'Results sealed until closing' },
  'poll.opensAt': { nl: 'Opent {date}', fr: 'Ouverture le {date}', en: 'Opens {date}' },
  'poll.roster': {
    nl: 'Stemgerechtigden: {count} · gestemd: {voted}',
    fr: 'Votants inscrits : {count} · ont voté : {voted}',
    en: 'Roster: {count} · voted: {voted}',
  },
  'poll.quorum': { nl: 'Quorum: {count} stemmen', fr: 'Quorum : {count} bulletins', en: 'Quorum: {count} ballots' },
  'poll.export': { nl: 'Uitslag exporteren', fr: 'Exporter les résultats', en: 'Export the results' },
  'poll.everyoneVoted': {
    nl: 'Iedereen op de lijst heeft gestemd.',
    fr: 'Tous les votants inscrits ont voté.',
    en: 'Everyone on the roster has voted.',
  },
  'poll.notVotedList': {
    nl: 'Nog niet gestemd ({count}): {names}',
    fr: 'N’ont pas encore voté ({count}) : {names}',
    en: 'Not voted yet ({count}): {names}',
  },
  'poll.notOnRoster': {
    nl: 'U staat niet op de lijst van stemgerechtigden van deze stemming.',
    fr: 'Vous ne figurez pas parmi les votants inscrits de ce sondage.',
    en: 'You are not on this poll\'s roster.',
  },
  'poll.whoNotVoted': { nl: 'Wie stemde nog niet?', fr: 'Qui n’a pas voté ?', en: 'Who has not voted?' },
  'poll.remind': { nl: 'Herinnering sturen', fr: 'Envoyer un rappel', en: 'Send a reminder' },
  'poll.reminder': {
    nl: 'Herinnering: stemming {id} “{question}” wacht nog op uw stem.',
    fr: 'Rappel : le sondage {id} « {question} » attend encore votre vote.',
    en: 'Reminder: poll {id} “{question}” is still waiting for your vote.',
  },
  'poll.reminderCloses': { nl: 'Ze sluit {date}.', fr: 'Il se clôture le {date}.', en: 'It closes {date}.' },
  'poll.reminderMore': { nl: 'en {count} anderen', fr: 'et {count} autres personnes', en: 'and {count} others' },
  'poll.reminded': {
    nl: 'Herinnering gestuurd naar {count} personen die nog niet stemden.',
    fr: 'Rappel envoyé aux {count} personnes qui n’ont pas encore voté.',
    en: 'Reminder sent to the {count} people who have not voted.',
  },
  'poll.remindedAlready': {
    nl: 'Vandaag werd al een herinnering voor deze stemming gestuurd (één per dag).',
    fr: 'Un rappel a déjà été envoyé aujourd’hui pour ce sondage (un par jour).',
    en: 'A reminder for this poll was already sent today (one a day).',
  },
  'poll.remindNotOpen': {
    nl: 'Deze stemming is niet open: er gaat geen herinnering uit.',
    fr: 'Ce sondage n’est pas ouvert : aucun rappel n’est envoyé.',
    en: 'This poll is not open: no reminder is sent.',
  },
  'poll.remindNoRoster': {
    nl: 'Deze stemming heeft geen lijst van stemgerechtigden: een herinnering weet niet wie ze moet vermelden.',
    fr: 'Ce sondage n’a pas de liste de votants : un rappel ne saurait pas qui mentionner.',
    en: 'This poll has no roster: a reminder would not know whom to mention.',
  },
  'poll.remindNotPosted': {
    nl: 'De kaart van deze stemming staat in geen Teams-kanaal: er is geen draad om een herinnering in te plaatsen.',
    fr: 'La carte de ce sondage n’est publiée dans aucun canal Teams : il n’y a pas de fil où poster un rappel.',
    en: 'This poll\'s card is in no Teams conversation: there is no thread to post a reminder in.',
  },
  'poll.remindFailed': {
    nl: 'Teams weigerde de herinnering; ze wordt later opnieuw geprobeerd.',
    fr: 'Teams a refusé le rappel ; il sera réessayé plus tard.',
    en: 'Teams refused the reminder; it will be tried again later.',
  },
  'poll.rosterSkipped': {
    nl: 'Niet op de lijst (geen Entra-id in de focusgroep): {names}.',
    fr: 'Pas sur la liste (sans identifiant Entra dans le groupe de travail) : {names}.',
    en: 'Left off the roster (no Entra id in the focus group): {names}.',
  },
  'poll.scheduled': {
    nl: 'Stemming {id} is gepland: ze wordt geplaatst wanneer ze opent.',
    fr: 'Le sondage {id} est programmé : il sera publié à son ouverture.',
    en: 'Poll {id} is scheduled: it is posted when it opens.',
  },
  'results.leading': { nl: 'Voorlopig vooraan: {options}', fr: 'En tête pour l’instant : {options}', en: 'Leading so far: {options}' },
  'error.notManager': {
    nl: 'Alleen {name}, die de stemming startte, een voorzitter van de focusgroep of het secretariaat kan dit doen.',
    fr: 'Seul·e {name}, qui a lancé le sondage, un·e président·e du groupe de travail ou le secrétariat peut le faire.',
    en: 'Only {name}, who started the poll, a chair of the focus group or the secretariat can do this.',
  },
  'error.ballot.not_open': { nl: 'Deze stemming is nog niet open.', fr: 'Ce sondage n’est pas encore ouvert.', en: 'This poll is not open yet.' },
  'error.ballot.not_on_roster': {
    nl: 'U staat niet op de lijst van stemgerechtigden: uw stem werd niet geteld.',
    fr: 'Vous ne figurez pas parmi les votants inscrits : votre vote n’a pas été compté.',
    en: 'You are not on this poll\'s roster: your vote was not counted.',
  },
  'error.badQuorum': {
    nl: '“{value}” is geen quorum (schrijf een aantal stemmen, bv. 4, of een percentage, bv. 50%).',
    fr: '« {value} » n’est pas un quorum (indiquez un nombre de bulletins, p. ex. 4, ou un pourcentage, p. ex. 50 %).',
    en: '“{value}” is not a quorum (write a number of ballots, e.g. 4, or a percentage, e.g. 50%).',
  },
  'form.sealed': {
    nl: 'Uitslag verbergen tot de stemming sluit',
    fr: 'Masquer les résultats jusqu’à la clôture',
    en: 'Hide the results until the poll closes',
  },
  'form.roster': { nl: 'Wie mag stemmen', fr: 'Qui peut voter', en: 'Who may vote' },
  'form.roster.anyone': { nl: 'Iedereen in het gesprek', fr: 'Toute personne de la conversation', en: 'Anyone in the conversation' },
  'form.roster.focusGroup': { nl: 'De leden van de focusgroep', fr: 'Les membres du groupe de travail', en: 'The focus group\'s members' },
  'form.roster.channel': { nl: 'De leden van het kanaal', fr: 'Les membres du canal', en: 'The channel\'s members' },
  'form.quorum': {
    nl: 'Quorum (aantal stemmen of %, optioneel)',
    fr: 'Quorum (nombre de bulletins ou %, facultatif)',
    en: 'Quorum (number of ballots or %, optional)',
  },
  'form.opensAt': { nl: 'Openingsdatum (optioneel)', fr: 'Date d’ouverture (facultatif)', en: 'Opening date (optional)' },
  'form.opensTime': { nl: 'Openingsuur (optioneel)', fr: 'Heure d’ouverture (facultatif)', en: 'Opening time (optional)' },
  'form.reminderTime': { nl: 'Dagelijkse herinnering om (optioneel)', fr: 'Rappel quotidien à (facultatif)', en: 'Daily reminder at (optional)' },
  'digest.title': {
    nl: 'Uw acties: achterstallig of binnenkort te doen',
    fr: 'Vos actions : en retard ou bientôt à échéance',
    en: 'Your actions: overdue or due soon',
  },
  'digest.channelTitle': {
    nl: '{group}: acties achterstallig of binnenkort te doen',
    fr: '{group} : actions en retard ou bientôt à échéance',
    en: '{group}: actions overdue or due soon',
  },
  'digest.intro': {
    nl: '{count} open acties op {date} (wekelijks overzicht).',
    fr: '{count} actions ouvertes au {date} (récapitulatif hebdomadaire).',
    en: '{count} open actions on {date} (weekly digest).',
  },
  'digest.overdue': { nl: 'Achterstallig sinds {date}', fr: 'En retard depuis le {date}', en: 'Overdue since {date}' },
  'digest.due': { nl: 'Te doen tegen {date}', fr: 'À faire pour le {date}', en: 'Due {date}' },
  'digest.more': { nl: 'En nog {count} andere in het register.', fr: 'Et {count} autres dans le registre.', en: 'And {count} more in the register.' },
  'digest.unreachable': {
    nl: '{count} ervan hebben een eigenaar zonder Teams-account in het register.',
    fr: '{count} d’entre elles ont un responsable sans compte Teams dans le registre.',
    en: '{count} of them have an owner without a Teams account in the register.',
  },
  'digest.open': { nl: 'Acties openen in het register', fr: 'Ouvrir les actions dans le registre', en: 'Open the actions in the register' },
  'actions.countOne': { nl: '1 actie', fr: '1 action', en: '1 action' },
  'poll.namedSealed': {
    nl: 'Op naam: wie wat stemde, wordt getoond wanneer de stemming sluit',
    fr: 'Nominatif : qui a voté quoi sera affiché à la clôture',
    en: 'Named: who voted what is shown when the poll closes',
  },
} as const satisfies Messages;
