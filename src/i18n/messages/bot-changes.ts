import type { Messages } from '../types';

/** The bot's texts for "changes 2026" (keys under "bot.", spread into bot.ts); the card's headings come from "import.changes.*". */
export const botChangesMessages = {
  'help.changes': {
    nl: '**wijzigingen** ‹jaar› [vroeger jaar]: wat er in het verslag van dat jaar veranderde tegenover het jaar ervoor, bv. "wijzigingen 2026" of "wijzigingen 2026 2023"',
    fr: '**changements** ‹année› [année antérieure]\u00a0: ce qui a changé dans le rapport de cette année par rapport à l’année précédente, p.\u00a0ex. «\u00a0changements 2026\u00a0» ou «\u00a0changements 2026 2023\u00a0»',
    en: '**changes** ‹year› [earlier year]: what changed in that year\'s report since the year before, e.g. "changes 2026" or "changes 2026 2023"',
  },
  'changes.openYear': {
    nl: '{year} is het lopende jaar: de maatregelen zoals ze nu in het register staan.',
    fr: '{year} est l’année en cours\u00a0: les mesures telles qu’elles figurent aujourd’hui dans le registre.',
    en: '{year} is the open year: the measures as the register has them now.',
  },
  'changes.more.one': { nl: '… en nog {count} andere', fr: '… et {count}\u00a0autre', en: '… and {count} more' },
  'changes.more.other': { nl: '… en nog {count} andere', fr: '… et {count}\u00a0autres', en: '… and {count} more' },
  'error.changesNoYear': {
    nl: 'Voor welk verslagjaar? Bijvoorbeeld "{command} 2026".',
    fr: 'Pour quelle année de rapport\u00a0? Par exemple «\u00a0{command} 2026\u00a0».',
    en: 'For which report year? For example "{command} 2026".',
  },
  'error.changesBadYear': {
    nl: '"{word}" is geen verslagjaar: geef een jaar van 2000 tot 2100, bijvoorbeeld "{command} 2026".',
    fr: '«\u00a0{word}\u00a0» n’est pas une année de rapport\u00a0: indiquez une année de 2000 à 2100, par exemple «\u00a0{command} 2026\u00a0».',
    en: '"{word}" is not a report year: give a year from 2000 to 2100, for example "{command} 2026".',
  },
  'error.changesOrder': {
    nl: 'Het vroegere jaar ({from}) moet vóór {to} liggen.',
    fr: 'L’année antérieure ({from}) doit précéder {to}.',
    en: 'The earlier year ({from}) must come before {to}.',
  },
} as const satisfies Messages;
