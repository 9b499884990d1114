import type { Messages } from '../types';

/** The tab's versions, restore and deletion views and its role messages (keys under "tab.", merged with tab.ts). */
export const tabAccessMessages = {
  'nav.deleted': { nl: 'Verwijderd', fr: 'Supprimées', en: 'Deleted' },
  'history.restored': { nl: 'Teruggezet', fr: 'Rétablie', en: 'Restored' },
  'history.restoredAs': { nl: 'Teruggezet als een nieuwe maatregel', fr: 'Rétablie comme nouvelle mesure', en: 'Restored as a new entry' },

  'versions.link': { nl: 'Versies', fr: 'Versions', en: 'Versions' },
  'versions.title': { nl: 'Versies van “{title}”', fr: 'Versions de «\u00a0{title}\u00a0»', en: 'Versions of “{title}”' },
  'versions.intro': {
    nl: 'Elke wijziging maakt een nieuwe versie. Een oudere versie terugzetten maakt er de nieuwste versie van; de beslissingen en de vermeldingen in verslagen blijven zoals ze zijn.',
    fr: 'Chaque modification crée une nouvelle version. Rétablir une version antérieure en fait la version la plus récente\u00a0; les décisions et les mentions dans les rapports restent telles quelles.',
    en: 'Every change makes a new version. Restoring an earlier version makes it the newest one; the decisions and the mentions in reports stay as they are.',
  },
  'versions.number': { nl: 'Versie {number}', fr: 'Version {number}', en: 'Version {number}' },
  'versions.current': { nl: 'huidige versie', fr: 'version actuelle', en: 'current version' },
  'versions.byOn': { nl: '{date} — {name}', fr: '{date} — {name}', en: '{date} — {name}' },
  'versions.change': { nl: '{field}: {from} → {to}', fr: '{field}\u00a0: {from} → {to}', en: '{field}: {from} → {to}' },
  'versions.noFields': { nl: 'Geen velden gewijzigd.', fr: 'Aucun champ modifié.', en: 'No fields changed.' },
  'versions.empty': { nl: '(leeg)', fr: '(vide)', en: '(empty)' },
  'versions.items.one': { nl: '{count} item', fr: '{count} élément', en: '{count} item' },
  'versions.items.other': { nl: '{count} items', fr: '{count} éléments', en: '{count} items' },
  'versions.none': {
    nl: 'De geschiedenis beschrijft geen versies van deze maatregel.',
    fr: 'L’historique ne décrit aucune version de cette mesure.',
    en: 'The history describes no versions of this entry.',
  },
  'versions.restoreOf': { nl: 'Versie {number} terugzetten', fr: 'Rétablir la version {number}', en: 'Restore version {number}' },
  'versions.confirmTitle': { nl: 'Versie {number} terugzetten?', fr: 'Rétablir la version {number}\u00a0?', en: 'Restore version {number}?' },
  'versions.confirmChanges': { nl: 'Dit verandert: {fields}.', fr: 'Ceci modifie\u00a0: {fields}.', en: 'This changes: {fields}.' },
  'versions.confirmSame': {
    nl: 'Deze versie is gelijk aan de huidige: er verandert niets.',
    fr: 'Cette version est identique à l’actuelle\u00a0: rien ne change.',
    en: 'This version is the same as the current one: nothing changes.',
  },
  'versions.confirm': { nl: 'Terugzetten', fr: 'Rétablir', en: 'Restore' },
  'versions.cancel': { nl: 'Annuleren', fr: 'Annuler', en: 'Cancel' },
  'versions.restored': {
    nl: 'Versie {number} is teruggezet als nieuwe versie.',
    fr: 'La version {number} a été rétablie comme nouvelle version.',
    en: 'Version {number} was restored as a new version.',
  },
  'versions.conflict': {
    nl: 'Iemand heeft de maatregel intussen gewijzigd. De versies zijn opnieuw geladen: kijk ze na en probeer opnieuw.',
    fr: 'Quelqu’un a modifié la mesure entre-temps. Les versions ont été rechargées\u00a0: vérifiez-les et réessayez.',
    en: 'Someone changed the entry in the meantime. The versions were reloaded: check them and try again.',
  },

  'deleted.title': { nl: 'Verwijderde maatregelen', fr: 'Mesures supprimées', en: 'Deleted entries' },
  'deleted.intro': {
    nl: 'Een verwijderde maatregel kan {days} dagen lang worden teruggezet, met haar acties, stemmingen en geschiedenis.',
    fr: 'Une mesure supprimée peut être rétablie pendant {days} jours, avec ses actions, ses sondages et son historique.',
    en: 'A deleted entry can be restored for {days} days, with its actions, polls and history.',
  },
  'deleted.none': {
    nl: 'Geen verwijderde maatregelen in de voorbije {days} dagen.',
    fr: 'Aucune mesure supprimée ces {days} derniers jours.',
    en: 'No entries deleted in the last {days} days.',
  },
  'deleted.by': { nl: 'Verwijderd op {date} door {name}', fr: 'Supprimée le {date} par {name}', en: 'Deleted on {date} by {name}' },
  'deleted.until': { nl: 'Terug te zetten tot {date}', fr: 'Peut être rétablie jusqu’au {date}', en: 'Can be restored until {date}' },
  'deleted.restore': { nl: 'Terugzetten', fr: 'Rétablir', en: 'Restore' },
  'deleted.restoreOf': { nl: '“{title}” terugzetten', fr: 'Rétablir «\u00a0{title}\u00a0»', en: 'Restore “{title}”' },
  'deleted.restored': { nl: '“{title}” is teruggezet.', fr: '«\u00a0{title}\u00a0» a été rétablie.', en: '“{title}” was restored.' },
  'deleted.expired': {
    nl: 'Deze maatregel is meer dan {days} dagen geleden verwijderd en kan niet meer worden teruggezet.',
    fr: 'Cette mesure a été supprimée il y a plus de {days} jours et ne peut plus être rétablie.',
    en: 'This entry was deleted more than {days} days ago and can no longer be restored.',
  },
  'deleted.notDeleted': { nl: 'Deze maatregel is al teruggezet.', fr: 'Cette mesure a déjà été rétablie.', en: 'This entry has already been restored.' },

  'entry.delete': { nl: 'Verwijderen', fr: 'Supprimer', en: 'Delete' },
  'entry.deleteConfirm': {
    nl: '“{title}” verwijderen? Een secretaris kan de maatregel {days} dagen lang terugzetten.',
    fr: 'Supprimer «\u00a0{title}\u00a0»\u00a0? Un secrétaire peut rétablir la mesure pendant {days} jours.',
    en: 'Delete “{title}”? A secretary can restore the entry for {days} days.',
  },
  'entry.deleteYes': { nl: 'Ja, verwijderen', fr: 'Oui, supprimer', en: 'Yes, delete' },
  'entry.deleted': {
    nl: '“{title}” is verwijderd. Ze kan {days} dagen lang worden teruggezet onder “Verwijderd”.',
    fr: '«\u00a0{title}\u00a0» a été supprimée. Elle peut être rétablie pendant {days} jours sous «\u00a0Supprimées\u00a0».',
    en: '“{title}” was deleted. It can be restored for {days} days under “Deleted”.',
  },

  'role.reader': { nl: 'Lezer', fr: 'Lecteur', en: 'Reader' },
  'role.editor': { nl: 'Redacteur', fr: 'Rédacteur', en: 'Editor' },
  'role.secretary': { nl: 'Secretaris', fr: 'Secrétaire', en: 'Secretary' },
  'role.admin': { nl: 'Beheerder', fr: 'Administrateur', en: 'Administrator' },
  'role.readOnly': {
    nl: 'U kunt het register lezen en stemmen bij stemmingen. Om het te wijzigen hebt u de rol {role} nodig: vraag het aan uw beheerder.',
    fr: 'Vous pouvez lire le registre et voter dans les sondages. Pour le modifier, il vous faut le rôle {role}\u00a0: demandez-le à votre administrateur.',
    en: 'You can read the register and vote in polls. To change it you need the {role} role: ask your administrator.',
  },
  'role.none': {
    nl: 'U hebt nog geen rol in het register: vraag uw beheerder om u er een toe te wijzen.',
    fr: 'Vous n’avez pas encore de rôle dans le registre\u00a0: demandez à votre administrateur de vous en attribuer un.',
    en: 'You have no role in the register yet: ask your administrator to assign you one.',
  },
  'role.needed': {
    nl: 'Dit vraagt de rol {role}; u hebt de rol {yours}.',
    fr: 'Ceci demande le rôle {role}\u00a0; vous avez le rôle {yours}.',
    en: 'This needs the {role} role; yours is {yours}.',
  },
  'error.forbidden': {
    nl: 'Uw rol in het register laat dit niet toe; vraag het aan uw beheerder.',
    fr: 'Votre rôle dans le registre ne le permet pas\u00a0; demandez-le à votre administrateur.',
    en: 'Your role in the register does not allow this; ask your administrator.',
  },
  'error.conflict': {
    nl: 'Iemand anders heeft dit intussen gewijzigd; laad de pagina opnieuw en probeer nog eens.',
    fr: 'Quelqu’un d’autre l’a modifié entre-temps\u00a0; rechargez la page et réessayez.',
    en: 'Someone else changed this in the meantime; reload the page and try again.',
  },
} as const satisfies Messages;
