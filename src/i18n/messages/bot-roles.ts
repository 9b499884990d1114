import type { Messages } from '../types';

/** The bot's texts about register roles (keys under "bot.", spread into bot.ts). */
export const botRoleMessages = {
  'role.reader': { nl: 'lezer', fr: 'lecteur', en: 'reader' },
  'role.editor': { nl: 'redacteur', fr: 'rédacteur', en: 'editor' },
  'role.secretary': { nl: 'secretaris', fr: 'secrétaire', en: 'secretary' },
  'role.admin': { nl: 'beheerder', fr: 'administrateur', en: 'administrator' },
  'error.noRole': {
    nl: 'U hebt nog geen rol in het register, dus dit kan de bot niet voor u doen. Vraag uw beheerder om u de rol {role} ({value}) of hoger te geven in Synergy Register.',
    fr: 'Vous n’avez pas encore de rôle dans le registre\u00a0: le bot ne peut donc pas le faire pour vous. Demandez à votre administrateur de vous attribuer le rôle «\u00a0{role}\u00a0» ({value}) ou un rôle supérieur dans Synergy Register.',
    en: 'You have no role in the register yet, so the bot cannot do this for you. Ask your administrator to give you the {role} role ({value}) or higher in Synergy Register.',
  },
  'error.needsRole': {
    nl: 'Hiervoor is de rol {needed} nodig in het register; uw rol is {role}. Vraag het uw beheerder als u die nodig hebt.',
    fr: 'Cette action demande le rôle «\u00a0{needed}\u00a0» dans le registre\u00a0; votre rôle est «\u00a0{role}\u00a0». Adressez-vous à votre administrateur si vous en avez besoin.',
    en: 'This needs the {needed} role in the register; your role is {role}. Ask your administrator if you need it.',
  },
  'error.rolesUnavailable': {
    nl: 'De bot kan uw rol in het register nu niet nagaan, dus doet hij dit niet. Probeer het over een paar minuten opnieuw.',
    fr: 'Le bot ne peut pas vérifier votre rôle dans le registre pour le moment et ne le fait donc pas. Réessayez dans quelques minutes.',
    en: 'The bot cannot check your role in the register right now, so it does not do this. Try again in a few minutes.',
  },
} as const satisfies Messages;
