import type { HistoryEvent, LocalizedText, SynergyEntry } from '../domain';
import { mentionIn } from '../domain';
import { CLOSED_STATUSES, type DomainCode, type EntryStatus, type Language } from '../domain';

/**
 * What changed between two report years (pure): measures added, stopped (left the report or closed),
 * changed status, changed text — with the words that differ. A year the register has rolled over reads
 * the entries' frozen mentions; the open year reads their current state.
 */

type WithId<T> = T & { id: string };

export interface YearState {
  status: EntryStatus;
  section?: string;
  text: LocalizedText;
}

export { type ChangeKind } from '../domain';
import type { ChangeKind } from '../domain';
import { LANGUAGES } from '../domain';

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface EntryChange {
  entryId: string;
  kind: ChangeKind;
  domain: DomainCode;
  title: LocalizedText;
  from?: YearState;
  to?: YearState;
  /** per language present on both sides, the words that differ (text changes) */
  diff?: Partial<Record<Language, DiffPart[]>>;
}

export interface Changes {
  from: number;
  to: number;
  /** true when `to` is the register's open year (its entries as they are now) */
  toIsOpen: boolean;
  changes: EntryChange[];
  counts: Record<ChangeKind, number>;
}

function latestMentionYear(entries: readonly SynergyEntry[]): number | undefined {
  let latest: number | undefined;
  for (const e of entries) for (const m of e.mentions) if (latest === undefined || m.reportYear > latest) latest = m.reportYear;
  return latest;
}

/** The entry's title when the year was closed: the current title with later title edits undone. */
function titleAt(entry: SynergyEntry, events: readonly HistoryEvent[], year: number): LocalizedText {
  const closed = events.find((e) => e.kind === 'rolled_over' && e.note === `Report year ${year} closed`);
  if (!closed) return entry.title;
  const later = events.filter((e) => e.at > closed.at).flatMap((e) => e.changes.filter((c) => c.field === 'title'));
  return later.length ? (later[0].from as LocalizedText) : entry.title;
}

function stateIn(entry: SynergyEntry, year: number, open: boolean, events: readonly HistoryEvent[]): YearState | undefined {
  const mention = mentionIn(entry, year);
  if (mention) {
    if (mention.listed === false) return undefined;
    return {
      status: mention.status,
      ...(mention.section ? { section: mention.section } : {}),
      text: { ...titleAt(entry, events, year), ...mention.textOverride },
    };
  }
  return open ? { status: entry.status, text: entry.title } : undefined;
}

function present(state: YearState | undefined): state is YearState {
  return state !== undefined && !CLOSED_STATUSES.includes(state.status);
}

/** Word-level difference (longest common subsequence of words). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return parts;
}

function textDiff(from: LocalizedText, to: LocalizedText): EntryChange['diff'] | undefined {
  const diff: EntryChange['diff'] = {};
  for (const lang of LANGUAGES) {
    const a = from[lang]?.trim();
    const b = to[lang]?.trim();
    if (a && b && a !== b) diff[lang] = diffWords(a, b);
  }
  return Object.keys(diff).length ? diff : undefined;
}

/**
 * Changes from report year `from` to report year `to`. `history` (the entries' change events) lets a
 * rolled-over year show the title it had then; without it the current title stands for every year.
 */
export function changesBetween(entries: readonly WithId<SynergyEntry>[], from: number, to: number, history: readonly HistoryEvent[] = []): Changes {
  const latest = latestMentionYear(entries);
  const isOpen = (year: number) => latest === undefined || year > latest;
  const eventsOf = new Map<string, HistoryEvent[]>();
  for (const e of [...history].sort((x, y) => x.at.localeCompare(y.at))) eventsOf.set(e.entryId, [...(eventsOf.get(e.entryId) ?? []), e]);
  const changes: EntryChange[] = [];
  for (const entry of entries) {
    const events = eventsOf.get(entry.id) ?? [];
    const before = stateIn(entry, from, isOpen(from), events);
    const after = stateIn(entry, to, isOpen(to), events);
    const base = { entryId: entry.id, domain: entry.domain as DomainCode, title: entry.title };
    if (!present(before) && present(after)) changes.push({ ...base, kind: 'added', to: after });
    else if (present(before) && !present(after)) changes.push({ ...base, kind: 'stopped', from: before, ...(after ? { to: after } : {}) });
    else if (present(before) && present(after)) {
      // "new" becoming "existing" a year later is the roll-over itself, not news
      if (before.status !== after.status && !(before.status === 'new' && after.status === 'existing'))
        changes.push({ ...base, kind: 'status', from: before, to: after });
      const diff = textDiff(before.text, after.text);
      if (diff) changes.push({ ...base, kind: 'text', from: before, to: after, diff });
    }
  }
  const counts: Record<ChangeKind, number> = { added: 0, stopped: 0, status: 0, text: 0 };
  for (const c of changes) counts[c.kind]++;
  return { from, to, toIsOpen: isOpen(to), changes, counts };
}
