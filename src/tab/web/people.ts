import type { PersonRef } from '../../domain';
import type { AppContext } from './context';
import { h } from './dom';

/**
 * The people a clerk can pick as an action's owner without typing an address: the members of the focus
 * groups (the given group's first), with the Microsoft 365 (Entra) id and e-mail the group holds, and the
 * person using the tab. One entry per person (by id, else e-mail, else name).
 */
export function knownPeople(ctx: AppContext, firstGroupId?: string | null): PersonRef[] {
  const groups = [...ctx.focusGroups].sort((a, b) => Number(b.id === firstGroupId) - Number(a.id === firstGroupId));
  const out: PersonRef[] = [];
  const seen = new Set<string>();
  const add = (p: PersonRef) => {
    const key = (p.id ?? p.email ?? p.name).toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name: p.name, ...(p.id ? { id: p.id } : {}), ...(p.email ? { email: p.email } : {}) });
  };
  for (const g of groups) for (const m of g.members) add(m);
  if (ctx.me) add({ name: ctx.me.name, id: ctx.me.id, email: ctx.me.email });
  return out;
}

/** The picked person: the known one whose name (or e-mail) is typed, else a person known only by name and e-mail. */
export function personOf(people: readonly PersonRef[], name: string, email: string): PersonRef | undefined {
  const n = name.trim();
  if (!n) return undefined;
  const known = people.find((p) => p.name.toLowerCase() === n.toLowerCase() || (p.email && p.email.toLowerCase() === n.toLowerCase()));
  if (known && (!email.trim() || email.trim().toLowerCase() === (known.email ?? '').toLowerCase())) return known;
  return { name: n, ...(email.trim() ? { email: email.trim() } : {}) };
}

/** A <datalist> of the people, for an owner input's `list`. */
export function peopleList(id: string, people: readonly PersonRef[]): HTMLDataListElement {
  return h(
    'datalist',
    { id },
    people.map((p) => h('option', { value: p.name }, p.email ?? '')),
  );
}
