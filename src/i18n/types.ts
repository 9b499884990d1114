import type { Labelled } from '../domain';

export { type Labelled, type Language, LANGUAGES } from '../domain';

/** A namespace of the catalogue: key → the text in each language, with {placeholders}. */
export type Messages = Record<string, Labelled>;

/** Values for the {placeholders} of a text. */
export type Params = Record<string, string | number>;
