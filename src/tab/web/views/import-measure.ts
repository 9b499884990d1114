import { DOMAINS, type Labelled, STATUSES } from '../../../domain';
import type { Reason } from '../../../import';
import type { Candidate } from '../../../import';
import type { ImportProposal, ProposedEntry } from '../../../import';
import type { AppContext } from '../context';
import { h } from '../dom';
import type { MessageKey } from '../i18n';
import { badge, button, selectOf } from '../ui';
import { mergeWithNext, moveTo, sourceText, split, splitPoint } from './import-edit';

/**
 * One proposed measure on the review screen, as a card that reads at 400 px: its title (editable), the full text it
 * was read from and the section it stood under, the domain and status with the reason for each, the decision, and
 * what the clerk can do to it — merge with the next one, split in two, move to another section.
 */

export function reasonText(ctx: AppContext, reason: { code: string; detail?: string }): string {
  const key = `import.reason.${reason.code}` as MessageKey;
  const text = ctx.t(key, { detail: reason.detail ?? '' });
  return text === key ? reason.code : text;
}

function decisionSelect(ctx: AppContext, entry: ProposedEntry, candidates: readonly Candidate[]): HTMLSelectElement {
  const current = entry.action === 'mention' ? `mention:${entry.entryId}` : entry.action;
  const options = [
    h('option', { value: 'create', selected: current === 'create' }, ctx.t('import.decision.create')),
    ...candidates.map((c) =>
      h(
        'option',
        { value: `mention:${c.entryId}`, selected: current === `mention:${c.entryId}` },
        ctx.t('import.decision.mention', { title: ctx.text(c.title).text, score: Math.round(c.score * 100) }),
      ),
    ),
    h('option', { value: 'skip', selected: current === 'skip' }, ctx.t('import.decision.skip')),
  ];
  const select = h('select', { 'data-testid': `decision-${entry.key}`, 'aria-label': `${ctx.t('import.col.decision')} ${entry.key}` }, options);
  select.addEventListener('change', () => {
    const [action, entryId] = select.value.split(':');
    entry.action = action as ProposedEntry['action'];
    entry.entryId = entryId ?? null;
  });
  return select;
}

/** A suggested code with the reason it was suggested; choosing another one says "chosen by you". */
function suggestion(
  ctx: AppContext,
  table: Record<string, Labelled>,
  value: string,
  reason: Reason,
  label: string,
  choose: (code: string) => void,
): HTMLElement {
  const select = selectOf(ctx, table, value);
  select.setAttribute('aria-label', label);
  const why = h('div', { class: 'muted small import-reason' }, reasonText(ctx, reason));
  select.addEventListener('change', () => {
    choose(select.value);
    why.textContent = reasonText(ctx, { code: 'clerk' });
  });
  return h('div', { class: 'import-choice' }, h('span', { class: 'import-choice-label' }, label.replace(/ m\d+$/, '')), select, why);
}

function sourceLine(ctx: AppContext, entry: ProposedEntry): HTMLElement | null {
  if (!entry.section) return null;
  const where = entry.subheading ? `${entry.section} › ${entry.subheading}` : entry.section;
  return h(
    'div',
    { class: 'muted small', lang: entry.language, 'data-testid': `source-${entry.key}` },
    ctx.t(entry.block === 'meetings' ? 'import.meeting' : 'import.section', { section: where }),
  );
}

function moveSelect(ctx: AppContext, proposal: ImportProposal, entry: ProposedEntry, redraw: () => void): HTMLElement | null {
  const sections = proposal.template.sections;
  if (!sections.length) return null;
  const current = sections.findIndex((s) => s.label === entry.section && s.block === entry.block);
  const select = h(
    'select',
    { 'data-testid': `move-${entry.key}`, 'aria-label': ctx.t('import.moveLabel', { key: entry.key }), lang: proposal.language },
    current < 0 ? h('option', { value: '', selected: true }, ctx.t('import.moveChoose')) : null,
    sections.map((s, i) => h('option', { value: String(i), selected: i === current }, `${s.number ? `${s.number} ` : ''}${s.label}`)),
  );
  select.addEventListener('change', () => {
    if (select.value !== '' && moveTo(proposal, entry.key, Number(select.value))) redraw();
  });
  return h('div', { class: 'import-choice' }, h('span', { class: 'import-choice-label' }, ctx.t('import.move')), select);
}

export function measureCard(
  ctx: AppContext,
  proposal: ImportProposal,
  entry: ProposedEntry,
  candidates: readonly Candidate[],
  redraw: () => void,
  /** the measure's translation suggestion (import-suggest.ts); `edits`: it shows the translation, editable */
  translation: { part: HTMLElement | null; edits: boolean } = { part: null, edits: false },
): HTMLElement {
  const index = proposal.entries.indexOf(entry);
  const title = h('input', {
    type: 'text',
    value: entry.title,
    lang: entry.language,
    maxlength: '500',
    'aria-label': ctx.t('import.titleLabel', { key: entry.key }),
    class: 'import-title',
  });
  title.addEventListener('change', () => (entry.title = title.value));
  const text = sourceText(entry);
  const full = h(
    'details',
    { class: 'import-text', 'data-testid': `text-${entry.key}`, open: text.length <= 400 ? true : undefined },
    h('summary', null, ctx.t('import.fullText')),
    h('div', { class: 'prewrap', lang: entry.language }, text),
    entry.translation && !translation.edits
      ? h(
          'div',
          { class: 'prewrap import-translation', lang: entry.translation.language },
          `${entry.translation.title}\n${entry.translation.description}`.trim(),
        )
      : null,
  );
  const domain = suggestion(ctx, DOMAINS, entry.domain, entry.domainReason, `${ctx.t('import.col.domain')} ${entry.key}`, (code) => {
    entry.domain = code as ProposedEntry['domain'];
    entry.domainReason = { code: 'clerk' };
  });
  const status = suggestion(ctx, STATUSES, entry.status, entry.statusReason, `${ctx.t('import.col.status')} ${entry.key}`, (code) => {
    entry.status = code as ProposedEntry['status'];
    entry.statusReason = { code: 'clerk' };
  });
  const tools = h(
    'div',
    { class: 'import-tools' },
    index < proposal.entries.length - 1
      ? button(ctx.t('import.merge'), () => mergeWithNext(proposal, entry.key) && redraw(), {
          testid: `merge-${entry.key}`,
          appearance: 'outline',
          ariaLabel: ctx.t('import.mergeLabel', { key: entry.key }),
        })
      : null,
    splitPoint(text)
      ? button(ctx.t('import.split'), () => split(proposal, entry.key) && redraw(), {
          testid: `split-${entry.key}`,
          appearance: 'outline',
          ariaLabel: ctx.t('import.splitLabel', { key: entry.key }),
        })
      : null,
  );
  return h(
    'li',
    { class: 'import-measure', 'data-key': entry.key },
    h(
      'div',
      { class: 'import-head' },
      h('span', { class: 'import-key muted small' }, entry.key),
      title,
      entry.italic ? badge(ctx.t('import.italic'), 'info') : null,
    ),
    sourceLine(ctx, entry),
    full,
    translation.part,
    h(
      'div',
      { class: 'import-choices' },
      domain,
      status,
      moveSelect(ctx, proposal, entry, redraw),
      h('div', { class: 'import-choice' }, h('span', { class: 'import-choice-label' }, ctx.t('import.col.decision')), decisionSelect(ctx, entry, candidates)),
    ),
    tools,
  );
}
