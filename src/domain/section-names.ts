import type { LocalizedText } from './model';
import { fold } from './queries';
import type { TemplateSection } from './template';

/**
 * How an entry names a template section or department: one rule for the annex (which places the entry there) and for
 * the API (which refuses a name no section answers to). Case, accents and a printed number ("3.1 ") are ignored.
 */

/** A text's values in every language, folded. */
export function textKeys(text: LocalizedText | undefined): string[] {
  if (!text) return [];
  return [text.nl, text.fr, text.en].filter((v): v is string => Boolean(v?.trim())).map((v) => fold(v.trim()));
}

/** The section an explicit placement names: its key, or its title in any language. */
export function namedSection<S extends Pick<TemplateSection, 'key' | 'title'>>(sections: readonly S[], name: string): S | undefined {
  const wanted = fold(name.trim().replace(/^\d+(\.\d+)*\.?\s+/, ''));
  return sections.find((s) => s.key === name.trim() || textKeys(s.title).includes(wanted));
}
