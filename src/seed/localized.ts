import type { LocalizedText } from '../domain';

/** Builders for the demo's localized texts. */

export const nl = (text: string): LocalizedText => ({ nl: text });
export const nlfr = (nlText: string, frText: string): LocalizedText => ({ nl: nlText, fr: frText });

/** Dutch as printed, French as translated (when there is a translation). */
export const both = (nlText: string, frText: string | null | undefined): LocalizedText => (frText?.trim() ? { nl: nlText, fr: frText } : { nl: nlText });
