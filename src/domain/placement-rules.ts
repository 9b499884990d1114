import type { AnnualReport, SynergyEntry } from './model';
import { fold } from './queries';
import { namedSection, textKeys } from './section-names';
import { templateFor } from './template-rules';

/**
 * An entry's explicit section and its department must name something the template of its year knows, else the
 * measure would silently be left out of the annex: the answer names the values that exist. The year is each report
 * year the entry is mentioned in, or, for an entry not mentioned yet, the latest template's.
 */

export interface PlacementIssue {
  field: 'section' | 'department';
  code: 'unknown_section' | 'unknown_department';
  params: { year: number; values: string };
}

const MAX_LISTED = 40;

function listed(values: readonly string[]): string {
  const unique = [...new Set(values.filter(Boolean))];
  return unique.length > MAX_LISTED ? `${unique.slice(0, MAX_LISTED).join(' · ')} · …` : unique.join(' · ');
}

export function placementIssues(
  entry: Pick<SynergyEntry, 'section' | 'department' | 'mentions' | 'domain'>,
  templates: readonly AnnualReport[],
): PlacementIssue[] {
  if (!templates.length || (!entry.section && !textKeys(entry.department).length)) return [];
  const years = entry.mentions.length ? [...new Set(entry.mentions.map((m) => m.reportYear))] : [Math.max(...templates.map((t) => t.budgetYear))];
  const issues: PlacementIssue[] = [];
  for (const year of years) {
    const template = templateFor(templates, year);
    if (!template) continue;
    const sections = template.blocks.flatMap((b) => b.sections);
    if (entry.section && !namedSection(sections, entry.section) && !issues.some((i) => i.field === 'section')) {
      issues.push({
        field: 'section',
        code: 'unknown_section',
        params: { year: template.budgetYear, values: listed(sections.flatMap((s) => [s.title.nl ?? '', s.title.fr ?? ''])) },
      });
    }
    // departments matter only where a section gathers by department and none takes the entry by its domain
    const byDomain = sections.some(
      (s) => s.gather.by === 'domain' && (s.gather.domains.includes(entry.domain) || s.gather.domains.includes(entry.domain.split('.')[0] as never)),
    );
    const departments = byDomain ? [] : sections.flatMap((s) => (s.gather.by === 'department' ? s.gather.departments : []));
    const own = textKeys(entry.department);
    if (departments.length && own.length && !departments.some((d) => own.includes(fold(d.trim()))) && !issues.some((i) => i.field === 'department')) {
      issues.push({ field: 'department', code: 'unknown_department', params: { year: template.budgetYear, values: listed(departments) } });
    }
  }
  return issues;
}
