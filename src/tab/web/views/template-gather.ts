import type { SectionGather, TemplateSection } from '../../../domain';
import { DOMAINS, SCOPE_CODES, SCOPES } from '../../../domain';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { field } from '../ui';

/** A measure the "explicit list" sections can pick. */
export interface EntryChoice {
  id: string;
  title: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A new gathering of the given kind, with nothing chosen yet (a domain gathering starts on the gemeente-ocmw scope). */
export function emptyGather(by: SectionGather['by']): SectionGather {
  if (by === 'department') return { by, departments: [] };
  if (by === 'entries') return { by, entryIds: [] };
  return { by: 'domain', domains: [], scopes: ['gemeente-ocmw'] };
}

function multiSelect(options: Array<{ value: string; label: string }>, selected: readonly string[], onChange: (values: string[]) => void): HTMLSelectElement {
  const select = h(
    'select',
    { multiple: true, size: Math.min(8, Math.max(3, options.length)) },
    options.map((o) => h('option', { value: o.value, selected: selected.includes(o.value) }, o.label)),
  );
  select.addEventListener('change', () => onChange(Array.from(select.selectedOptions).map((o) => o.value)));
  return select;
}

/**
 * The section's domains as removable chips and one select to add another (instead of a list of every domain):
 * a section of two domains takes two lines, not twenty-six. The select carries the field's name, so a 400
 * issue on the domains lands next to it.
 */
function domainPicker(ctx: AppContext, selected: string[], path: string, onChange: (values: string[]) => void): HTMLElement {
  const box = h('fieldset', { class: 'domain-picker', 'data-testid': 'domain-picker' });
  const draw = (focusAdd = false) => {
    const add = h(
      'select',
      { id: `${path}-add-domain`, name: `${path}.gather.domains` },
      h('option', { value: '' }, ctx.t('tpl.addDomainPick')),
      Object.keys(DOMAINS)
        .filter((code) => !selected.includes(code))
        .map((code) => h('option', { value: code }, ctx.label(DOMAINS, code))),
    );
    add.addEventListener('change', () => {
      if (!add.value) return;
      selected = [...selected, add.value];
      onChange(selected);
      draw(true);
    });
    replaceChildren(
      box,
      h('legend', null, ctx.t('tpl.domains')),
      selected.length
        ? h(
            'ul',
            { class: 'chips' },
            selected.map((code) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'chip',
                    'aria-label': ctx.t('tpl.removeDomain', { domain: ctx.label(DOMAINS, code) }),
                    on: {
                      click: () => {
                        selected = selected.filter((c) => c !== code);
                        onChange(selected);
                        draw(true);
                      },
                    },
                  },
                  ctx.label(DOMAINS, code),
                  h('span', { 'aria-hidden': 'true' }, ' ×'),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, ctx.t('tpl.noDomains')),
      h(
        'div',
        { class: 'field' },
        h('label', { for: add.id }, ctx.t('tpl.addDomain')),
        add,
        h('div', { class: 'field-errors', 'data-errors-for': `${path}.gather.domains` }),
      ),
    );
    if (focusAdd) add.focus();
  };
  draw();
  return box;
}

/** What a section gathers: its domains and scopes, its departments, or its chosen measures. */
export function gatherControls(
  ctx: AppContext,
  section: TemplateSection,
  path: string,
  choices: EntryChoice[],
  departments: string[],
  changed: () => void,
): HTMLElement[] {
  const g = section.gather;
  if (g.by === 'domain') {
    const domains = domainPicker(ctx, [...g.domains], path, (values) => {
      g.domains = values as typeof g.domains;
      changed();
    });
    const scopes = h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, ctx.t('tpl.scopes')),
      SCOPE_CODES.map((code) => {
        const box = h('input', { type: 'checkbox', id: `${path}-scope-${code}`, checked: g.scopes.includes(code) });
        box.addEventListener('change', () => {
          g.scopes = SCOPE_CODES.filter((c) => (c === code ? box.checked : g.scopes.includes(c)));
          changed();
        });
        return h('div', { class: 'check' }, box, h('label', { for: box.id }, ctx.label(SCOPES, code)));
      }),
    );
    return [domains, scopes];
  }
  if (g.by === 'department') {
    const area = h('textarea', { rows: 3, value: g.departments.join('\n') });
    area.addEventListener('input', () => {
      g.departments = lines(area.value);
      changed();
    });
    const known = departments.filter((d) => !g.departments.includes(d)).slice(0, 12);
    return [
      field(ctx.t('tpl.departments'), area, `${path}.gather.departments`, known.length ? ctx.t('tpl.knownDepartments', { names: known.join(', ') }) : undefined)
        .wrapper,
    ];
  }
  const picked = multiSelect(
    choices.map((c) => ({ value: c.id, label: c.title })),
    g.entryIds,
    (values) => {
      g.entryIds = values;
      changed();
    },
  );
  return [field(ctx.t('tpl.entries'), picked, `${path}.gather.entryIds`).wrapper];
}
