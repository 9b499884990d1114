import type { LocalizedText, SynergyEntry } from '../../domain';
import { fold } from '../../domain';
import { namedSection, textKeys } from '../../domain';
import type { TemplateBlock, TemplateSection } from '../../domain';
import type { Placement, WithId } from './placement';

/** A template section with the measures it holds in one year's report. */
export interface SectionSlot {
  key: string;
  title: LocalizedText;
  items: Placement[];
}

function parentOf(domain: string): string | undefined {
  const dot = domain.indexOf('.');
  return dot > 0 ? domain.slice(0, dot) : undefined;
}

/** A filter on a parent domain (SOC) also takes its children (SOC.HOUS …). */
export function inDomains(domain: string, filter: readonly string[]): boolean {
  const parent = parentOf(domain);
  return filter.includes(domain) || (parent !== undefined && filter.includes(parent));
}

/** Whether a section's gathering rule takes an entry (explicit placement aside). */
export function gathers(section: TemplateSection, entry: Pick<WithId<SynergyEntry>, 'id' | 'domain' | 'scope' | 'department'>): boolean {
  const g = section.gather;
  if (g.by === 'domain') return inDomains(entry.domain, g.domains) && g.scopes.includes(entry.scope);
  if (g.by === 'department') {
    const own = textKeys(entry.department);
    return g.departments.some((d) => own.includes(fold(d.trim())));
  }
  return g.entryIds.includes(entry.id);
}

/**
 * Distributes a block's placements over its sections, in the template's order: a named section first, else
 * the first section whose rule takes the entry. A block without sections is one plain list. What no section
 * takes is returned as unplaced, never dropped silently.
 */
export function distribute(placements: readonly Placement[], block: TemplateBlock): { slots: SectionSlot[]; unplaced: Placement[] } {
  if (block.sections.length === 0) return { slots: placements.length ? [{ key: '', title: {}, items: [...placements] }] : [], unplaced: [] };
  const slots: SectionSlot[] = block.sections.map((s) => ({ key: s.key ?? '', title: s.title, items: [] }));
  const unplaced: Placement[] = [];
  for (const p of placements) {
    const named = p.section ? namedSection(block.sections, p.section) : undefined;
    const section = named ?? block.sections.find((s) => gathers(s, p.entry));
    if (section) slots[block.sections.indexOf(section)].items.push(p);
    else unplaced.push(p);
  }
  return { slots: slots.filter((s) => s.items.length > 0), unplaced };
}

/** Existing first, then the new ones (italic), each in register order (ids compared numerically). */
export function orderItems(items: readonly Placement[]): Placement[] {
  return [...items].sort((a, b) => Number(a.italic) - Number(b.italic) || a.entry.id.localeCompare(b.entry.id, 'en', { numeric: true }));
}
