import type { AnnexBlock, AnnexRun } from '../domain/annex/types';
import { labelOf, type Language, STATUSES } from '../domain/vocabulary';
import type { Changes, ChangeKind, EntryChange } from './changes';
import { pickLocalized } from './localized';

/**
 * "What changed since last year" as annex blocks: the section the Word pane inserts and any renderer
 * can show. Added and stopped measures as lists, status changes "from → to", a changed text with the
 * earlier one after it in italics.
 */

interface ChangesTexts {
  heading(from: number, to: number): string;
  kinds: Record<ChangeKind, string>;
  none: string;
  arrow: string;
  was: string;
}

export const CHANGES_TEXTS: Record<Language, ChangesTexts> = {
  nl: {
    heading: (from, to) => `Wijzigingen ${to} ten opzichte van ${from}`,
    kinds: { added: 'Nieuwe maatregelen', stopped: 'Stopgezette of verdwenen maatregelen', status: 'Gewijzigde status', text: 'Gewijzigde tekst' },
    none: 'Geen wijzigingen.',
    arrow: '→',
    was: 'was',
  },
  fr: {
    heading: (from, to) => `Changements ${to} par rapport à ${from}`,
    kinds: { added: 'Nouvelles mesures', stopped: 'Mesures arrêtées ou disparues', status: 'Statut modifié', text: 'Texte modifié' },
    none: 'Aucun changement.',
    arrow: '→',
    was: 'avant',
  },
  en: {
    heading: (from, to) => `Changes ${to} compared with ${from}`,
    kinds: { added: 'New measures', stopped: 'Stopped or dropped measures', status: 'Status changed', text: 'Text changed' },
    none: 'No changes.',
    arrow: '→',
    was: 'was',
  },
};

const ORDER: ChangeKind[] = ['added', 'stopped', 'status', 'text'];


function itemRuns(change: EntryChange, language: Language, texts: ChangesTexts): AnnexRun[] {
  const title = pickLocalized(change.to?.text ?? change.from?.text ?? change.title, language);
  const status = (s: string) => labelOf(STATUSES, s, language);
  switch (change.kind) {
    case 'added':
      return [{ text: title }, { text: ` (${status(change.to!.status)})` }];
    case 'stopped':
      return [{ text: title }, ...(change.to ? [{ text: ` (${status(change.to.status)})` }] : [])];
    case 'status':
      return [{ text: `${title}: ` }, { text: `${status(change.from!.status)} ${texts.arrow} ${status(change.to!.status)}`, bold: true }];
    case 'text':
      return [{ text: pickLocalized(change.to!.text, language) }, { text: ` (${texts.was}: ${pickLocalized(change.from!.text, language)})`, italic: true }];
  }
}

export function changesBlocks(changes: Changes, language: Language): AnnexBlock[] {
  const texts = CHANGES_TEXTS[language];
  const blocks: AnnexBlock[] = [{ kind: 'heading', level: 1, numbering: null, text: texts.heading(changes.from, changes.to) }];
  if (changes.changes.length === 0) return [...blocks, { kind: 'paragraph', runs: [{ text: texts.none }] }];
  for (const kind of ORDER) {
    const items = changes.changes.filter((c) => c.kind === kind);
    if (!items.length) continue;
    blocks.push({ kind: 'heading', level: 2, numbering: null, text: `${texts.kinds[kind]} (${items.length})` });
    blocks.push({ kind: 'list', items: items.map((c) => ({ runs: itemRuns(c, language, texts) })) });
  }
  return blocks;
}
