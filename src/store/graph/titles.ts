import type { CollectionName, CollectionRecord } from '../collections';

/** SharePoint's Title is a single line of at most 255 characters. */
const TITLE_MAX = 255;

type Localized = { nl?: string; fr?: string; en?: string };

function firstText(text: Localized | undefined): string {
  return text?.nl?.trim() || text?.fr?.trim() || text?.en?.trim() || '';
}

/** What people see when they open the list in SharePoint: one readable line per record. */
const TITLES: { [K in CollectionName]: (record: CollectionRecord<K>) => string } = {
  entries: (r) => firstText(r.title),
  actions: (r) => r.title,
  focusGroups: (r) => firstText(r.name),
  meetings: (r) => [r.body, r.date, firstText(r.title)].filter(Boolean).join(' '),
  polls: (r) => r.question,
  votes: (r) => r.ballotKey,
  history: (r) => `${r.kind} ${r.entryId}`,
  conversations: (r) => r.channelName ?? r.key,
  reports: (r) => `${firstText(r.municipality)} ${r.budgetYear}`.trim(),
  people: (r) => r.name,
  deliveries: (r) => r.key,
  settings: (r) => firstText(r.municipality),
  translation: (r) => r.key,
  tallies: (r) => `Counts of ${r.key}`,
};

export function titleOf(collection: CollectionName, record: object): string {
  const title = (TITLES[collection] as (r: object) => string)(record) || collection;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}
