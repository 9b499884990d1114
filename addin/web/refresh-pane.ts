/// <reference types="office-js" />
import { DocumentError, type PartAction, type RefreshReport, type ReportedPart, resolvePart, selectPart } from '../word';
import type { RefreshTextKey, refreshTranslator } from './refresh-texts';

/**
 * The Word refresh in the task pane: the summary of what Refresh did, each part a link that selects it in
 * the document, conflicts with both texts side by side and "keep mine / take the register's", and the safe
 * action for a document Refresh would not touch. Every text from the register or the document is put on the
 * page with textContent, never as HTML.
 */

export interface RetryAnswer {
  afresh?: boolean;
  onlyFirst?: boolean;
  whole?: boolean;
  reinsert?: string[];
}

export interface RefreshPaneDeps {
  t: ReturnType<typeof refreshTranslator>;
  /** Word.run in Word; the fake's context in tests */
  runWord<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** the refresh options as the pane has them now */
  tracking(): { track: boolean; tracking: boolean };
  /** reports an error in the pane's status line */
  fail(error: unknown): void;
  /** runs Insert or Refresh again with the clerk's answer (to a bad document, or to put a deleted part back) */
  retry(answer: RetryAnswer): void;
}

const OUTCOME_TEXT: Record<ReportedPart['outcome'], RefreshTextKey> = {
  replaced: 'replaced',
  inserted: 'inserted',
  removed: 'removed',
  kept: 'kept',
  conflict: 'conflict',
  orphan: 'orphan',
  duplicate: 'duplicate',
  withdrawn: 'withdrawn',
  unchanged: 'kept',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function selectLink(controlId: number | undefined, label: string, deps: RefreshPaneDeps): HTMLElement {
  if (controlId === undefined) return element('span', { className: 'part-label', text: label });
  const link = element('a', { className: 'part-label', text: label || deps.t('select') });
  link.setAttribute('href', '#');
  link.dataset.control = String(controlId);
  link.title = deps.t('select');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    deps.runWord((context) => selectPart(context, Number(link.dataset.control))).catch(deps.fail);
  });
  return link;
}

function sideBySide(part: ReportedPart, deps: RefreshPaneDeps): HTMLElement {
  const column = (caption: string, text: string | undefined, className: string) =>
    element('figure', { className }, element('figcaption', { text: caption }), element('p', { text: text ?? '' }));
  return element('div', { className: 'side-by-side' }, column(deps.t('mine'), part.mine, 'mine'), column(deps.t('theirs'), part.register, 'theirs'));
}

/** The buttons under a conflict or an orphan; after the clerk's choice they give way to what was done. */
function actions(item: HTMLElement, part: ReportedPart, deps: RefreshPaneDeps): HTMLElement {
  const box = element('div', { className: 'part-actions' });
  const choices: Array<[RefreshTextKey, PartAction, RefreshTextKey]> =
    part.outcome === 'conflict' && part.unit
      ? [
          ['keepMine', { kind: 'keep-mine', unit: part.unit }, 'resolvedMine'],
          ['takeRegister', { kind: 'take-register', unit: part.unit }, 'resolvedRegister'],
        ]
      : [['removePart', { kind: 'remove' }, 'resolvedRemoved']];
  for (const [label, action, done] of choices) {
    const button = element('button', { text: deps.t(label) });
    button.type = 'button';
    button.dataset.action = action.kind;
    button.addEventListener('click', () => {
      const buttons = Array.from(box.querySelectorAll('button'));
      buttons.forEach((b) => (b.disabled = true));
      deps
        .runWord((context) => resolvePart(context, { controlId: part.controlId!, tag: part.tag! }, action, deps.tracking()))
        .then((result) => {
          const link = item.querySelector<HTMLElement>('[data-control]');
          if (link && result.controlId !== undefined) link.dataset.control = String(result.controlId);
          else link?.removeAttribute('data-control');
          box.replaceChildren(element('p', { className: 'resolved', text: deps.t(done) }));
          item.classList.add('resolved');
        })
        .catch((error: unknown) => {
          buttons.forEach((b) => (b.disabled = false));
          deps.fail(error);
        });
    });
    box.append(button);
  }
  return box;
}

/** A part the clerk deleted: Refresh leaves it out unless asked to put it back. */
function reinsertButton(part: ReportedPart, deps: RefreshPaneDeps): HTMLElement {
  const button = element('button', { text: deps.t('reinsert') });
  button.type = 'button';
  button.dataset.action = 'reinsert';
  button.addEventListener('click', () => deps.retry({ reinsert: [part.key] }));
  return element('div', { className: 'part-actions' }, button);
}

/** No summary (after an Insert, or before the first Refresh). */
export function clearReport(container: HTMLElement): void {
  container.replaceChildren();
  container.hidden = true;
}

/** The summary of a refresh, into `container`. */
export function renderReport(container: HTMLElement, report: RefreshReport, deps: RefreshPaneDeps): void {
  const list = element('ul', { className: 'parts' });
  for (const part of report.parts) {
    const item = element('li', { className: `part ${part.outcome}` });
    item.dataset.outcome = part.outcome;
    item.append(element('span', { className: 'badge', text: deps.t(OUTCOME_TEXT[part.outcome]) }), selectLink(part.controlId, part.label, deps));
    if (part.outcome === 'conflict') item.append(element('p', { className: 'explain', text: deps.t('conflictExplain') }), sideBySide(part, deps));
    if ((part.outcome === 'conflict' || part.outcome === 'orphan') && part.controlId !== undefined && part.tag) item.append(actions(item, part, deps));
    if (part.outcome === 'withdrawn') item.append(reinsertButton(part, deps));
    list.append(item);
  }
  container.replaceChildren(element('h2', { text: deps.t('summaryTitle') }), list);
  container.hidden = report.parts.length === 0;
}

const SAFE_ACTION: Partial<Record<string, [RefreshTextKey, RetryAnswer]>> = {
  annex_frame_missing: ['insertAfresh', { afresh: true }],
  annex_in_table: ['insertAfresh', { afresh: true }],
  several_annexes: ['onlyFirst', { onlyFirst: true }],
  annex_in_annex: ['onlyFirst', { onlyFirst: true }],
  duplicate_parts: ['onlyFirst', { onlyFirst: true }],
  parts_unreadable: ['whole', { whole: true }],
};

/** For a document Refresh would not touch: the parts concerned (links) and the one safe action offered. */
export function renderSafeAction(container: HTMLElement, error: unknown, deps: RefreshPaneDeps): boolean {
  const action = error instanceof DocumentError ? SAFE_ACTION[error.code] : undefined;
  if (!action || !(error instanceof DocumentError)) {
    container.replaceChildren();
    container.hidden = true;
    return false;
  }
  const [label, answer] = action;
  const button = element('button', { text: deps.t(label) });
  button.type = 'button';
  button.id = 'safe-action';
  button.addEventListener('click', () => deps.retry(answer));
  const parts = (error.details.parts ?? []).map((p) => element('li', { className: 'part duplicate' }, selectLink(p.controlId, p.label, deps)));
  container.replaceChildren(...(parts.length ? [element('ul', { className: 'parts' }, ...parts)] : []), element('p', {}, button));
  container.hidden = false;
  return true;
}
