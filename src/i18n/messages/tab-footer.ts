import type { Messages } from '../types';

/** The tab's footer (the legal pages) and the register's own history notes (keys under "tab."). */
export const tabFooterMessages = {
  'footer.label': { nl: 'Over deze toepassing', fr: 'À propos de cette application', en: 'About this application' },
  'footer.privacy': { nl: 'Privacyverklaring', fr: 'Déclaration de confidentialité', en: 'Privacy statement' },
  'footer.terms': { nl: 'Gebruiksvoorwaarden', fr: 'Conditions d’utilisation', en: 'Terms of use' },
  'footer.accessibility': { nl: 'Toegankelijkheidsverklaring', fr: 'Déclaration d’accessibilité', en: 'Accessibility statement' },
  'history.yearClosed': { nl: 'Verslag {year} afgesloten', fr: 'Rapport {year} clôturé', en: 'Report year {year} closed' },
} as const satisfies Messages;
