import './import.css';
import type { ImportResult, ImportSummary } from '../../../import';
import type { Candidate } from '../../../import';
import type { ImportProposal } from '../../../import';
import { describeIssues } from '../../../i18n';
import { hasMessage, translate, translateKey } from '../../../i18n';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorText, field, roleNeeded } from '../ui';
import { changesBetween } from './import-changes';
import { measureCard } from './import-measure';
import { importSuggestions } from './import-suggest';
import { suggestionSettings } from './completeness-suggest';
import type { TranslationSettingsView } from '../../../translate';
import { templatePanel } from './import-template';
import { progressMessage, resumeText, watchConfirmation } from './import-progress';

/**
 * Import of a report: choose the .docx, review the proposed template (import-template.ts) and every measure as read
 * (import-measure.ts: full text, source, reasons, merge/split/move, decision), check, confirm. Nothing is stored
 * before the confirmation; the server creates nothing twice if the clerk confirms again.
 */

interface Review {
  proposal: ImportProposal;
  candidates: Record<string, Candidate[]>;
}

/** An import refusal or a refused review in the page's language, from the server's codes; else the usual error text. */
function problemText(ctx: AppContext, error: unknown): string {
  if (error instanceof ApiError && hasMessage(`import.problem.${error.code}`))
    return translateKey(ctx.lang, `import.problem.${error.code}`, error.issues[0]?.params);
  if (error instanceof ApiError && error.status === 400 && error.issues.length) return describeIssues(ctx.lang, error.issues);
  return errorText(ctx, error);
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
  const file = h('input', {
    type: 'file',
    accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'data-testid': 'import-file',
  });
  const reviewArea = h('div', { 'data-testid': 'import-review' });
  const say = (text: string, kind: 'info' | 'error' | 'success' = 'info') =>
    replaceChildren(status, h('div', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : undefined }, text));

  const showReview = (review: Review, settings: TranslationSettingsView | null) => {
    const suggestions = importSuggestions(ctx, review.proposal, settings);
    const planText = h('p', { 'data-testid': 'import-plan' });
    // only the clerk's decisions go back, against the proposal the server keeps; a server that no longer keeps it gets it whole
    const original = structuredClone(review.proposal);
    const body = async <T>(path: string): Promise<T> => {
      try {
        return await ctx.api.send<T>('POST', path.replace('/import/', '/import/changes/'), changesBetween(original, review.proposal));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'expired') return ctx.api.send<T>('POST', path, review.proposal);
        throw error;
      }
    };
    const check = async () => {
      try {
        const plan = await body<ImportSummary>('/import/plan');
        planText.textContent = ctx.t('import.plan', {
          create: plan.create,
          added: plan.mentionAdded,
          updated: plan.mentionUpdated,
          unchanged: plan.unchanged,
          skipped: plan.skipped,
          template: ctx.t(`import.template.${plan.template}`),
        });
      } catch (error) {
        say(problemText(ctx, error), 'error');
      }
    };
    let busy = false;
    const confirm = async () => {
      if (busy) return;
      busy = true;
      say(ctx.t('import.confirming'));
      const watch = watchConfirmation(ctx, review.proposal.importId, (progress) => replaceChildren(status, progressMessage(ctx, progress)));
      try {
        const r = await body<ImportResult>('/import/confirm');
        const done = ctx.t('import.done', { create: r.create, added: r.mentionAdded, updated: r.mentionUpdated, unchanged: r.unchanged });
        say(done, 'success');
        // also beside the button the clerk just pressed, at the foot of a long review
        replaceChildren(planText, h('span', { class: 'message message-success', 'data-testid': 'import-done' }, done));
      } catch (error) {
        const resume = resumeText(ctx, await watch.stop());
        say(resume ? `${problemText(ctx, error)} ${resume}` : problemText(ctx, error), 'error');
      } finally {
        await watch.stop();
        busy = false;
      }
    };
    const list = h('ol', { class: 'import-measures', 'data-testid': 'import-measures' });
    const heading = h('h3', null);
    const redraw = () => {
      heading.textContent = ctx.plural('import.measures', review.proposal.entries.length);
      replaceChildren(
        list,
        review.proposal.entries.map((e) =>
          measureCard(ctx, review.proposal, e, review.candidates[e.key] ?? [], redraw, { part: suggestions.part(e), edits: suggestions.suggested(e) }),
        ),
      );
      void check();
    };
    replaceChildren(
      reviewArea,
      templatePanel(ctx, review.proposal, () => void check()),
      heading,
      suggestions.bar,
      list,
      h(
        'div',
        { class: 'form-actions' },
        button(ctx.t('import.check'), () => void check(), { testid: 'import-check' }),
        button(ctx.t('import.confirm'), () => void confirm(), { appearance: 'accent', testid: 'import-confirm' }),
      ),
      planText,
    );
    redraw();
    return;
    void check();
  };

  const read = async () => {
    const chosen = file.files?.[0];
    if (!chosen) return say(ctx.t('import.chooseFile'), 'error');
    // a long report takes a while: the clerk sees it is being read and can stop it (the server then stops too)
    const stop = new AbortController();
    replaceChildren(
      status,
      h(
        'div',
        { class: 'message message-info', 'data-testid': 'import-reading' },
        h('fluent-progress-ring', { 'aria-hidden': 'true' }),
        ` ${ctx.t('import.reading', { name: chosen.name })} `,
        button(ctx.t('import.cancel'), () => stop.abort(), { testid: 'import-cancel', appearance: 'outline' }),
      ),
    );
    replaceChildren(reviewArea);
    // whether the server offers translation suggestions, asked while the report is read
    const settings = suggestionSettings(ctx);
    try {
      const review = await ctx.api.upload<Review>(`/import?name=${encodeURIComponent(chosen.name)}`, chosen, stop.signal);
      replaceChildren(status);
      showReview(review, await settings);
    } catch (error) {
      if (stop.signal.aborted) say(ctx.t('import.cancelled'));
      else say(problemText(ctx, error), 'error');
    }
  };

  replaceChildren(
    root,
    h(
      'div',
      { class: 'view-header' },
      h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('import.title')),
      button(ctx.t('export.xlsx'), () => void downloadWorkbook(ctx), { testid: 'export-xlsx' }),
    ),
    h('p', null, ctx.t('import.intro')),
    ctx.can('import')
      ? h(
          'div',
          { class: 'import-pick' },
          field(ctx.t('import.file'), file, 'file').wrapper,
          button(ctx.t('import.read'), () => void read(), { appearance: 'accent', testid: 'import-read' }),
        )
      : roleNeeded(ctx, 'import'),
    status,
    reviewArea,
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
