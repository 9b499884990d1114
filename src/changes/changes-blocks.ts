import type { AnnexBlock, AnnexRun } from '../annex/model';
import { labelOf, type Language, STATUSES } from '../domain';
import { scoped } from '../i18n';
import { CHANGE_KINDS } from '../domain';
import type { Changes, ChangeKind, EntryChange } from './changes';
import { pickLocalized } from '../domain';

/**
 * "What changed since last year" as annex blocks: the section the Word pane inserts and any renderer
 * can show. Added and stopped measures as lists, status changes "from → to", a changed text with the
 * earlier one after it in italics. Texts from the catalogue ("import.changes.*").
 */

export { CHANGE_KINDS };

/** One change as the runs of a list item: "title (status)", "title: from → to", "new text (was: old text)". */
export function changeItemRuns(change: EntryChange, language: Language): AnnexRun[] {
  const t = scoped('import', language);
  const title = pickLocalized(change.to?.text ?? change.from?.text ?? change.title, language);
  const status = (s: string) => labelOf(STATUSES, s, language);
  switch (change.kind) {
    case 'added':
      return [{ text: title }, { text: ` (${status(change.to!.status)})` }];
    case 'stopped':
      return [{ text: title }, ...(change.to ? [{ text: ` (${status(change.to.status)})` }] : [])];
    case 'status':
      return [{ text: t('changes.statusOf', { title }) }, { text: `${status(change.from!.status)} → ${status(change.to!.status)}`, bold: true }];
    case 'text':
      return [
        { text: pickLocalized(change.to!.text, language) },
        { text: ` (${t('changes.was', { text: pickLocalized(change.from!.text, language) })})`, italic: true },
      ];
  }
}

/** The heading of one kind of change with its count: "Nieuwe maatregelen (3)". */
export function changeKindHeading(kind: ChangeKind, count: number, language: Language): string {
  return `${scoped('import', language)(`changes.kind.${kind}`)} (${count})`;
}

export function changesBlocks(changes: Changes, language: Language): AnnexBlock[] {
  const t = scoped('import', language);
  const blocks: AnnexBlock[] = [{ kind: 'heading', level: 1, numbering: null, text: t('changes.heading', { from: changes.from, to: changes.to }) }];
  if (changes.changes.length === 0) return [...blocks, { kind: 'paragraph', runs: [{ text: t('changes.none') }] }];
  for (const kind of CHANGE_KINDS) {
    const items = changes.changes.filter((c) => c.kind === kind);
    if (!items.length) continue;
    blocks.push({ kind: 'heading', level: 2, numbering: null, text: changeKindHeading(kind, items.length, language) });
    blocks.push({ kind: 'list', items: items.map((c) => ({ runs: changeItemRuns(c, language) })) });
  }
  return blocks;
}
