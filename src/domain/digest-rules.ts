import { DateTime } from 'luxon';
import type { Action, FocusGroup, SynergyEntry } from './model';
import { compareActions, isOpen, isOverdue } from './queries';

/**
 * Which actions a weekly digest names: open actions past their due date or due within the next few
 * days (Brussels calendar days). Who gets them: each owner with an Entra id (one 1:1 message), each
 * focus group with a channel (one summary of its entries' actions). Pure: no I/O, no clock.
 */

export const DUE_SOON_DAYS = 3;

type WithId<T> = T & { id: string };

export interface DigestLine {
  actionId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  entryId: string | null;
  ownerName: string;
  /** the language the title is written in, when the action says */
  language?: Action['language'];
}

/** Open, with a due date on or before today + `days`; earliest due first. */
export function actionsForDigest<A extends WithId<Action>>(actions: readonly A[], today: string, days = DUE_SOON_DAYS): A[] {
  const horizon = DateTime.fromISO(today).plus({ days }).toISODate()!;
  return actions.filter((a) => isOpen(a) && a.dueDate !== null && a.dueDate <= horizon).sort(compareActions);
}

export function digestLine(action: WithId<Action>, today: string): DigestLine {
  return {
    actionId: action.id,
    title: action.title,
    dueDate: action.dueDate!,
    overdue: isOverdue(action, today),
    entryId: action.entryId,
    ownerName: action.owner.name,
    ...(action.language ? { language: action.language } : {}),
  };
}

/** The digest's actions by owner (Entra id); owners without an id cannot get a 1:1 message and are listed apart. */
export function byOwner<A extends WithId<Action>>(actions: readonly A[]): { owners: Map<string, { name: string; actions: A[] }>; unreachable: A[] } {
  const owners = new Map<string, { name: string; actions: A[] }>();
  const unreachable: A[] = [];
  for (const a of actions) {
    if (!a.owner.id) {
      unreachable.push(a);
      continue;
    }
    const found = owners.get(a.owner.id) ?? { name: a.owner.name, actions: [] };
    found.actions.push(a);
    owners.set(a.owner.id, found);
  }
  return { owners, unreachable };
}

/** The digest's actions by the focus group of their entry; only groups bound to a channel. */
export function byFocusGroup<A extends WithId<Action>>(
  actions: readonly A[],
  entries: ReadonlyArray<WithId<SynergyEntry>>,
  groups: ReadonlyArray<WithId<FocusGroup>>,
): Map<string, A[]> {
  const groupOfEntry = new Map(entries.map((e) => [e.id, e.focusGroupId]));
  const withChannel = new Set(groups.filter((g) => g.channel).map((g) => g.id));
  const out = new Map<string, A[]>();
  for (const a of actions) {
    const groupId = a.entryId ? groupOfEntry.get(a.entryId) : null;
    if (!groupId || !withChannel.has(groupId)) continue;
    out.set(groupId, [...(out.get(groupId) ?? []), a]);
  }
  return out;
}
