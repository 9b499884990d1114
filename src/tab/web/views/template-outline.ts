import type { AnnualReport } from '../../../domain';
import type { Lifecycle, TemplateSection } from '../../../domain';
import { DOMAINS } from '../../../domain';
import { translate } from '../../../i18n';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';

/** The annex's own default heading of a part, by its first lifecycle (as the annex prints it when the part has none). */
const DEFAULT_HEADING: Record<Lifecycle, 'synergies' | 'proposals' | 'stopped'> = { running: 'synergies', proposals: 'proposals', stopped: 'stopped' };

function partHeading(ctx: AppContext, work: AnnualReport, block: AnnualReport['blocks'][number]): string {
  const own = ctx.text(block.heading).text;
  if (own) return own;
  const first = block.lifecycles[0] ?? 'running';
  if (work.region === 'wallonia' && first !== 'stopped')
    return translate(ctx.lang, first === 'running' ? 'annex.wallonia.existing' : 'annex.wallonia.toDevelop');
  return translate(ctx.lang, `annex.${DEFAULT_HEADING[first]}`, { year: String(work.budgetYear) });
}

/** What a section gathers, in a few words: its domains, its departments or how many chosen measures. */
function gathers(ctx: AppContext, section: TemplateSection): string {
  const g = section.gather;
  if (g.by === 'domain') return g.domains.length ? g.domains.map((d) => ctx.label(DOMAINS, d)).join(', ') : '—';
  if (g.by === 'department') return g.departments.length ? g.departments.join(', ') : '—';
  return ctx.plural('tpl.outlineEntries', g.entryIds.length);
}

/**
 * The outline the annex will have, redrawn on every edit: each part's heading (its own, or the annex's wording
 * for its lifecycles) and its sections numbered as the annex numbers them, with what each gathers. The panel
 * scrolls on its own beside the form, so it takes the keyboard focus (tabindex 0) to be scrolled without a mouse.
 */
export function templateOutline(ctx: AppContext, work: AnnualReport): { el: HTMLElement; redraw(): void } {
  const list = h('ol', { class: 'template-outline', 'data-testid': 'template-outline' });
  const redraw = () =>
    replaceChildren(
      list,
      work.blocks.map((block, b) =>
        h(
          'li',
          null,
          h('strong', null, `${b + 1}. ${partHeading(ctx, work, block)}`),
          block.sections.length
            ? h(
                'ol',
                null,
                block.sections.map((s, i) =>
                  h(
                    'li',
                    null,
                    `${b + 1}.${i + 1} ${ctx.text(s.title).text || ctx.t('tpl.outlineUntitled')}`,
                    h('span', { class: 'muted' }, ` — ${gathers(ctx, s)}`),
                  ),
                ),
              )
            : h('p', { class: 'muted' }, ctx.t('tpl.outlineEmpty')),
        ),
      ),
    );
  redraw();
  return {
    el: h(
      'section',
      { class: 'panel outline-panel', 'aria-labelledby': 'tpl-outline-title', tabindex: '0' },
      h('h3', { id: 'tpl-outline-title' }, ctx.t('tpl.outline')),
      list,
    ),
    redraw,
  };
}
