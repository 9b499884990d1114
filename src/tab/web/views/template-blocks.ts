import type { AnnualReport, LocalizedText } from '../../../domain';
import { LIFECYCLES, type SectionGather, type TemplateBlock, type TemplateSection } from '../../../domain';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, field } from '../ui';
import { type EntryChoice, emptyGather, gatherControls } from './template-gather';
import { BILINGUAL_LANGUAGES } from '../../../domain';

export type { EntryChoice } from './template-gather';

/**
 * Two inputs (Dutch, French) bound to `holder[key]`: typing writes the text, clearing deletes the language.
 * `path` names the controls after the API field, so a 400 issue finds its control.
 */
export function textPair(
  ctx: AppContext,
  holder: Record<string, unknown>,
  key: string,
  label: string,
  path: string,
  options: { multiline?: boolean; placeholder?: LocalizedText; onInput?: () => void } = {},
): HTMLElement[] {
  return BILINGUAL_LANGUAGES.map((lang) => {
    const current = (holder[key] as LocalizedText | undefined)?.[lang] ?? '';
    const control = options.multiline
      ? h('textarea', { rows: 4, value: current, lang, placeholder: options.placeholder?.[lang] })
      : h('input', { type: 'text', value: current, lang, placeholder: options.placeholder?.[lang] });
    control.addEventListener('input', () => {
      const text = { ...((holder[key] as LocalizedText | undefined) ?? {}) };
      if (control.value.trim()) text[lang] = control.value;
      else delete text[lang];
      holder[key] = text;
      options.onInput?.();
    });
    return field(ctx.t(lang === 'nl' ? 'tpl.inNl' : 'tpl.inFr', { label }), control, `${path}.${lang}`).wrapper;
  });
}

function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
}

/**
 * The template's blocks (lifecycles, heading) and their sections in order (title NL/FR, gathering), edited
 * in place on `work`. `changed` runs after every edit (warnings); structural edits re-draw the list.
 */
export function blocksEditor(ctx: AppContext, work: AnnualReport, choices: EntryChoice[], departments: string[], changed: () => void): HTMLElement {
  const container = h('div', { class: 'template-blocks' });
  const t = ctx.t;
  const redraw = () => {
    const focusName = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    replaceChildren(
      container,
      work.blocks.map((block, b) => blockPanel(block, b)),
      button(
        t('tpl.addBlock'),
        () => {
          work.blocks.push({ lifecycles: ['proposals'], sections: [] } as TemplateBlock);
          structural();
        },
        { testid: 'add-block' },
      ),
    );
    if (focusName) container.querySelector<HTMLElement>(`[data-focus-key="${focusName}"]`)?.focus();
  };
  const structural = () => {
    redraw();
    changed();
  };

  const blockPanel = (block: TemplateBlock, b: number): HTMLElement => {
    const name = t('tpl.block', { n: String(b + 1) });
    const lifecycles = h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, t('tpl.lifecycles')),
      LIFECYCLES.map((lc) => {
        const box = h('input', { type: 'checkbox', id: `block-${b}-${lc}`, checked: block.lifecycles.includes(lc) });
        box.addEventListener('change', () => {
          block.lifecycles = LIFECYCLES.filter((c) => (c === lc ? box.checked : block.lifecycles.includes(c)));
          changed();
        });
        return h('div', { class: 'check' }, box, h('label', { for: box.id }, t(`tpl.lifecycle.${lc}`)));
      }),
    );
    const holder = block as unknown as Record<string, unknown>;
    return h(
      'section',
      { class: 'panel template-block', 'aria-labelledby': `block-${b}-title`, 'data-block': String(b) },
      h(
        'div',
        { class: 'view-header' },
        h('h4', { id: `block-${b}-title` }, name),
        button(t('tpl.removeBlock', { n: String(b + 1) }), () => {
          work.blocks.splice(b, 1);
          structural();
        }),
      ),
      lifecycles,
      h('div', { class: 'pair' }, textPair(ctx, holder, 'heading', t('tpl.heading'), `blocks.${b}.heading`, { onInput: changed })),
      block.sections.length
        ? h(
            'ol',
            { class: 'section-list' },
            block.sections.map((s, i) => sectionItem(block, b, s, i)),
          )
        : h('p', { class: 'empty' }, t('tpl.noSections')),
      button(
        t('tpl.addSection'),
        () => {
          block.sections.push({ title: {}, gather: emptyGather('domain') } as TemplateSection);
          structural();
          container.querySelector<HTMLElement>(`[data-block="${b}"] .section-item:last-child input`)?.focus();
        },
        { testid: `add-section-${b}` },
      ),
    );
  };

  const sectionItem = (block: TemplateBlock, b: number, section: TemplateSection, i: number): HTMLElement => {
    const path = `blocks.${b}.sections.${i}`;
    const name = t('tpl.section', { n: String(i + 1) });
    const by = h(
      'select',
      null,
      (['domain', 'department', 'entries'] as const).map((k) => h('option', { value: k, selected: section.gather.by === k }, t(`tpl.by.${k}`))),
    );
    by.addEventListener('change', () => {
      section.gather = emptyGather(by.value as SectionGather['by']);
      structural();
    });
    const holder = section as unknown as Record<string, unknown>;
    // the heading names the section by its title as it is typed
    const heading = h('h5');
    const headingText = () => {
      const title = ctx.text(section.title).text;
      heading.textContent = title ? `${name}: ${title}` : name;
    };
    headingText();
    const tool = (label: string, key: string, run: () => void, disabled = false) => {
      const el = button(label, () => {
        run();
        structural();
      });
      el.dataset.focusKey = `${path}-${key}`;
      if (disabled) el.setAttribute('disabled', '');
      return el;
    };
    return h(
      'li',
      { class: 'section-item', 'data-section': path },
      heading,
      h(
        'div',
        { class: 'pair' },
        textPair(ctx, holder, 'title', t('tpl.sectionTitle'), `${path}.title`, {
          onInput: () => {
            headingText();
            changed();
          },
        }),
      ),
      field(t('tpl.gatherBy'), by, `${path}.gather.by`).wrapper,
      gatherControls(ctx, section, path, choices, departments, changed),
      h(
        'div',
        { class: 'button-row' },
        tool(t('tpl.moveUp', { n: String(i + 1) }), 'up', () => move(block.sections, i, i - 1), i === 0),
        tool(t('tpl.moveDown', { n: String(i + 1) }), 'down', () => move(block.sections, i, i + 1), i === block.sections.length - 1),
        tool(t('tpl.removeSection', { n: String(i + 1) }), 'remove', () => block.sections.splice(i, 1)),
      ),
    );
  };

  redraw();
  return container;
}
