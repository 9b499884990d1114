import type { Action, SynergyEntry } from '../../domain';
import { fold } from '../../domain';
import type { Language } from '../../domain';

type WithId<T> = T & { id: string };

/** What the actions view narrows down in the page, on top of what the API filters (open, overdue, mine, domain). */
export interface ActionRefinement {
  /** an owner's key (ownerKey), or '' for everyone */
  owner: string;
  /** a department's key (folded name), or '' for every department */
  department: string;
  /** an action status, or '' for every status */
  status: string;
  /** words that must all appear in the action's title, owner, measure or department */
  q: string;
  sort: 'asc' | 'desc';
}

export const noRefinement = (): ActionRefinement => ({ owner: '', department: '', status: '', q: '', sort: 'asc' });

/** One key per person: the Microsoft 365 id when known, else the e-mail, else the name (ignoring case and accents). */
export function ownerKey(owner: Action['owner']): string {
  return owner.id ? `id:${owner.id}` : owner.email ? `mail:${owner.email.toLowerCase()}` : `name:${fold(owner.name)}`;
}

/** The department keys of a measure: its department in each language, folded ("Financiën" = "financien"). */
export function departmentKeys(entry: Pick<SynergyEntry, 'department'> | undefined): string[] {
  return Object.values(entry?.department ?? {})
    .filter((d): d is string => typeof d === 'string' && d.trim() !== '')
    .map((d) => fold(d.trim()));
}

/** The owners and departments the list can be narrowed to, each once, with the label to show. */
export function refinementChoices<A extends WithId<Action>>(
  actions: readonly A[],
  entryOf: (id: string) => WithId<Pick<SynergyEntry, 'department'>> | undefined,
  pickText: (value: Partial<Record<Language, string>> | undefined) => string,
): { owners: Array<{ key: string; label: string }>; departments: Array<{ key: string; label: string }> } {
  const owners = new Map<string, string>();
  const departments = new Map<string, string>();
  for (const a of actions) {
    if (!owners.has(ownerKey(a.owner))) owners.set(ownerKey(a.owner), a.owner.name);
    const entry = a.entryId ? entryOf(a.entryId) : undefined;
    const label = pickText(entry?.department).trim();
    if (label && !departments.has(fold(label))) departments.set(fold(label), label);
  }
  const sorted = (m: Map<string, string>) => [...m].map(([key, label]) => ({ key, label })).sort((x, y) => x.label.localeCompare(y.label));
  return { owners: sorted(owners), departments: sorted(departments) };
}

/**
 * The actions that pass the refinement, by due date (earliest or latest first; actions without a date
 * last either way, then by title).
 */
export function refineActions<A extends WithId<Action>>(
  actions: readonly A[],
  r: ActionRefinement,
  entryOf: (id: string) => WithId<Pick<SynergyEntry, 'department' | 'title'>> | undefined,
): A[] {
  const words = fold(r.q).split(/\s+/).filter(Boolean);
  const direction = r.sort === 'desc' ? -1 : 1;
  return actions
    .filter((a) => {
      const entry = a.entryId ? entryOf(a.entryId) : undefined;
      if (r.owner && ownerKey(a.owner) !== r.owner) return false;
      if (r.status && a.status !== r.status) return false;
      if (r.department && !departmentKeys(entry).includes(r.department)) return false;
      if (words.length) {
        const haystack = fold(
          [a.title, a.owner.name, a.owner.email ?? '', ...Object.values(entry?.title ?? {}), ...Object.values(entry?.department ?? {})].join('\n'),
        );
        if (!words.every((w) => haystack.includes(w))) return false;
      }
      return true;
    })
    .sort((x, y) => {
      if (x.dueDate === y.dueDate) return x.title.localeCompare(y.title);
      if (x.dueDate === null) return 1;
      if (y.dueDate === null) return -1;
      return direction * x.dueDate.localeCompare(y.dueDate);
    });
}
