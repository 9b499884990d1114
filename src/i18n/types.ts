/** The languages of the product: Dutch and French for users and annexes, English as fallback. */
export type Language = 'nl' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

/** One text in the three languages. */
export interface Labelled {
  nl: string;
  fr: string;
  en: string;
}

/** A namespace of the catalogue: key → the text in each language, with {placeholders}. */
export type Messages = Record<string, Labelled>;

/** Values for the {placeholders} of a text. */
export type Params = Record<string, string | number>;
