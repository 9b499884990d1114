import { presetTemplate } from '../../src/domain/template-presets';
import { templateWarnings } from '../../src/domain/template-rules';
import type { AnnualReport } from '../../src/domain/model';

/** What a template leaves out is accepted with a warning that says where those measures go (or not). */

const municipality = { nl: 'Rivelde', fr: 'Rivelde' };
const without = (template: AnnualReport, block: number, domain: string): AnnualReport => ({
  ...template,
  blocks: template.blocks.map((b, i) =>
    i !== block
      ? b
      : {
          ...b,
          sections: b.sections.map((s) =>
            s.gather.by === 'domain' ? { ...s, gather: { ...s.gather, domains: s.gather.domains.filter((d) => d !== domain) } } : s,
          ),
        },
  ),
});

test('a preset places every domain: no warning; a part without sections takes everything', () => {
  const template = presetTemplate('molenbeek-list', { budgetYear: 2027, municipality });
  expect(template.blocks[2].sections).toEqual([]);
  expect(templateWarnings(template)).toEqual([]);
});

test('a domain no section of a part gathers is named for that part', () => {
  const template = without(presetTemplate('molenbeek-list', { budgetYear: 2027, municipality }), 0, 'HR');
  expect(templateWarnings(template)).toEqual([{ code: 'domain_unplaced', block: 0, domains: ['HR'] }]);
});

test('in a part that also gathers by department, the warning says such sections may still take those measures', () => {
  const base = without(presetTemplate('molenbeek-list', { budgetYear: 2027, municipality }), 1, 'LEGAL');
  const byDepartment = { ...base.blocks[1].sections[0], key: 'juridische-dienst', gather: { by: 'department' as const, departments: ['Juridische dienst'] } };
  const template = { ...base, blocks: base.blocks.map((b, i) => (i === 1 ? { ...b, sections: [...b.sections, byDepartment] } : b)) };
  expect(templateWarnings(template)).toEqual([{ code: 'domain_unplaced_unless_listed', block: 1, domains: ['LEGAL'] }]);
});
