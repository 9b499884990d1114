import type { Messages } from '../types';

/** The tab's footer: the legal pages (keys under "tab.footer."). */
export const tabFooterMessages = {
  'footer.label': { nl: 'Over deze toepassing', fr: 'À propos de cette application', en: 'About this application' },
  'footer.privacy': { nl: 'Privacyverklaring', fr: 'Déclaration de confidentialité', en: 'Privacy statement' },
  'footer.terms': { nl: 'Gebruiksvoorwaarden', fr: 'Conditions d’utilisation', en: 'Terms of use' },
  'footer.accessibility': { nl: 'Toegankelijkheidsverklaring', fr: 'Déclaration d’accessibilité', en: 'Accessibility statement' },
} as const satisfies Messages;
