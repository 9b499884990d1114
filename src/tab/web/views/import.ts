import { DOMAINS, type Labelled, STATUSES } from '../../../domain/vocabulary';
import type { Reason } from '../../../import/classify';
import type { ImportResult, ImportSummary } from '../../../import/import-service';
import type { Candidate } from '../../../import/match-register';
import type { ImportProposal, ProposedEntry } from '../../../import/proposal';
import { describeIssues } from '../../../i18n/validation';
import { hasMessage, translate, translateKey } from '../../../i18n/catalogue';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import type { MessageKey } from '../i18n';
import { badge, button, errorText, field, roleNeeded, selectOf } from '../ui';

/**
 * Import of a report: choose the .docx, review the proposed template and every measure (title, domain,
 * status, decision: create / same as an existing entry / skip), check, confirm. Nothing is stored before
 * the confirmation; the server creates nothing twice if the clerk confirms again.
 */

interface Review {
  proposal: ImportProposal;
  candidates: Record<string, Candidate[]>;
}

/** An import refusal or a refused review in the page's language, from the server's codes; else the usual error text. */
function problemText(ctx: AppContext, error: unknown): string {
  if (error instanceof ApiError && hasMessage(`import.problem.${error.code}`)) return translateKey(ctx.lang, `import.problem.${error.code}`, error.issues[0]?.params);
  if (error instanceof ApiError && error.status === 400 && error.issues.length) return describeIssues(ctx.lang, error.issues);
  return errorText(ctx, error);
}

function reasonText(ctx: AppContext, reason: { code: string; detail?: string }): string {
  const key = `import.reason.${reason.code}` as MessageKey;
  const text = ctx.t(key, { detail: reason.detail ?? '' });
  return text === key ? reason.code : text;
}

function templatePanel(ctx: AppContext, review: Review, onChange: () => void): HTMLElement {
  const { proposal } = review;
  const year = h('input', { type: 'number', min: '2000', max: '2100', value: proposal.year ?? '', required: true, 'data-testid': 'import-year' });
  year.addEventListener('change', () => {
    proposal.year = year.value ? Number(year.value) : null;
    onChange();
  });
  const action = h(
    'select',
    { 'data-testid': 'import-template-action' },
    (['create', 'replace', 'keep'] as const).map((a) => h('option', { value: a, selected: proposal.templateAction === a }, ctx.t(`import.template.${a}`))),
  );
  action.addEventListener('change', () => {
    proposal.templateAction = action.value as ImportProposal['templateAction'];
    onChange();
  });
  const t = proposal.template;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'import-report' },
    h('h3', { id: 'import-report' }, ctx.t('import.report')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, ctx.t('import.fileName')),
      h('dd', null, proposal.fileName),
      h('dt', null, ctx.t('import.templateTitle')),
      h('dd', { lang: proposal.language }, t.title || '—'),
      h('dt', null, ctx.t('import.municipality')),
      h('dd', null, t.municipality ?? '—'),
      h('dt', null, ctx.t('import.language')),
      h('dd', null, translate(ctx.lang, `field.${proposal.language}`)),
      h('dt', null, ctx.t('import.shape')),
      h('dd', null, ctx.t(`import.shape.${proposal.shape}`)),
      t.legalCitation ? [h('dt', null, ctx.t('import.legal')), h('dd', { class: 'prewrap', lang: proposal.language }, t.legalCitation)] : null,
    ),
    field(ctx.t('import.year'), year, 'year', proposal.year === null ? ctx.t('import.needYear') : undefined).wrapper,
    field(ctx.t('import.templateAction'), action, 'templateAction').wrapper,
    proposal.warnings.length
      ? h('ul', { class: 'message message-info', 'data-testid': 'import-warnings' }, proposal.warnings.map((w) => h('li', null, translateKey(ctx.lang, `import.warning.${w.code}`, { ...w }))))
      : null,
    h('h4', null, ctx.t('import.sections')),
    h('ul', { class: 'import-sections', lang: proposal.language }, t.sections.map((s) => h('li', null, `${s.number ? `${s.number} ` : ''}${s.label}`))),
  );
}

function decisionSelect(ctx: AppContext, entry: ProposedEntry, candidates: readonly Candidate[]): HTMLSelectElement {
  const current = entry.action === 'mention' ? `mention:${entry.entryId}` : entry.action;
  const options = [
    h('option', { value: 'create', selected: current === 'create' }, ctx.t('import.decision.create')),
    ...candidates.map((c) =>
      h('option', { value: `mention:${c.entryId}`, selected: current === `mention:${c.entryId}` }, ctx.t('import.decision.mention', { title: ctx.text(c.title).text, score: Math.round(c.score * 100) })),
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
function suggestion(ctx: AppContext, table: Record<string, Labelled>, value: string, reason: Reason, label: string, choose: (code: string) => void): HTMLElement[] {
  const select = selectOf(ctx, table, value);
  select.setAttribute('aria-label', label);
  const why = h('div', { class: 'muted small' }, reasonText(ctx, reason));
  select.addEventListener('change', () => {
    choose(select.value);
    why.textContent = reasonText(ctx, { code: 'clerk' });
  });
  return [select, why];
}

function measureRow(ctx: AppContext, entry: ProposedEntry, candidates: readonly Candidate[]): HTMLElement {
  const title = h('input', { type: 'text', value: entry.title, lang: entry.language, maxlength: '500', 'aria-label': ctx.t('import.titleLabel', { key: entry.key }) });
  title.addEventListener('change', () => (entry.title = title.value));
  const domain = suggestion(ctx, DOMAINS, entry.domain, entry.domainReason, `${ctx.t('import.col.domain')} ${entry.key}`, (code) => {
    entry.domain = code as ProposedEntry['domain'];
    entry.domainReason = { code: 'clerk' };
  });
  const status = suggestion(ctx, STATUSES, entry.status, entry.statusReason, `${ctx.t('import.col.status')} ${entry.key}`, (code) => {
    entry.status = code as ProposedEntry['status'];
    entry.statusReason = { code: 'clerk' };
  });
  return h(
    'tr',
    { 'data-key': entry.key },
    h('td', null, title, entry.section ? h('div', { class: 'muted small', lang: entry.language }, ctx.t(entry.block === 'meetings' ? 'import.meeting' : 'import.section', { section: entry.subheading ? `${entry.section} › ${entry.subheading}` : entry.section })) : null, entry.italic ? badge(ctx.t('import.italic'), 'info') : null),
    h('td', null, domain),
    h('td', null, status),
    h('td', null, decisionSelect(ctx, entry, candidates)),
  );
}

/** The register as a workbook, fetched with the caller's token and handed to the browser as a download. */
async function downloadWorkbook(ctx: AppContext): Promise<void> {
  try {
    const blob = await ctx.api.download(`/export.xlsx?lang=${ctx.lang}`);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: translate(ctx.lang, 'import.xlsx.file') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    ctx.announce(errorText(ctx, error), 'error');
  }
}

export function renderImport(ctx: AppContext, root: HTMLElement): void {
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'import-status' });
  const file = h('input', { type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'data-testid': 'import-file' });
  const reviewArea = h('div', { 'data-testid': 'import-review' });
  const say = (text: string, kind: 'info' | 'error' | 'success' = 'info') =>
    replaceChildren(status, h('div', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : undefined }, text));

  const showReview = (review: Review) => {
    const planText = h('p', { 'data-testid': 'import-plan' });
    const body = <T>(path: string) => ctx.api.send<T>('POST', path, review.proposal);
    const check = async () => {
      try {
        const plan = await body<ImportSummary>('/import/plan');
        planText.textContent = ctx.t('import.plan', { create: plan.create, added: plan.mentionAdded, updated: plan.mentionUpdated, unchanged: plan.unchanged, skipped: plan.skipped, template: ctx.t(`import.template.${plan.template}`) });
      } catch (error) {
        say(problemText(ctx, error), 'error');
      }
    };
    let busy = false;
    const confirm = async () => {
      if (busy) return;
      busy = true;
      say(ctx.t('import.confirming'));
      try {
        const r = await body<ImportResult>('/import/confirm');
        const done = ctx.t('import.done', { create: r.create, added: r.mentionAdded, updated: r.mentionUpdated, unchanged: r.unchanged });
        say(done, 'success');
        // also beside the button the clerk just pressed, at the foot of a long review
        replaceChildren(planText, h('span', { class: 'message message-success', 'data-testid': 'import-done' }, done));
      } catch (error) {
        say(problemText(ctx, error), 'error');
      } finally {
        busy = false;
      }
    };
    replaceChildren(
      reviewArea,
      templatePanel(ctx, review, () => void check()),
      h('h3', null, ctx.plural('import.measures', review.proposal.entries.length)),
      h(
        'table',
        { class: 'import-table' },
        h('thead', null, h('tr', null, ['import.col.measure', 'import.col.domain', 'import.col.status', 'import.col.decision'].map((k) => h('th', { scope: 'col' }, ctx.t(k as MessageKey))))),
        h('tbody', null, review.proposal.entries.map((e) => measureRow(ctx, e, review.candidates[e.key] ?? []))),
      ),
      h('div', { class: 'form-actions' }, button(ctx.t('import.check'), () => void check(), { testid: 'import-check' }), button(ctx.t('import.confirm'), () => void confirm(), { appearance: 'accent', testid: 'import-confirm' })),
      planText,
    );
    void check();
  };

  const read = async () => {
    const chosen = file.files?.[0];
    if (!chosen) return say(ctx.t('import.chooseFile'), 'error');
    say(ctx.t('import.reading', { name: chosen.name }));
    replaceChildren(reviewArea);
    try {
      const review = await ctx.api.upload<Review>(`/import?name=${encodeURIComponent(chosen.name)}`, chosen);
      replaceChildren(status);
      showReview(review);
    } catch (error) {
      say(problemText(ctx, error), 'error');
    }
  };

  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('import.title')), button(ctx.t('export.xlsx'), () => void downloadWorkbook(ctx), { testid: 'export-xlsx' })),
    h('p', null, ctx.t('import.intro')),
    ctx.can('import')
      ? h('div', { class: 'import-pick' }, field(ctx.t('import.file'), file, 'file').wrapper, button(ctx.t('import.read'), () => void read(), { appearance: 'accent', testid: 'import-read' }))
      : roleNeeded(ctx, 'import'),
    status,
    reviewArea,
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
