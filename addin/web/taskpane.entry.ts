/// <reference types="office-js" />
import type { AnnexModel } from '../../src/annex/model';
import { createPaneApi, officeTokenSource, readPaneBoot } from './api';
import { AddinError, assertRequirements, capabilitiesOf, insertAnnex, refreshAnnex } from '../word';
import { planAnnex } from '../word';
import { translateKey } from '../../src/i18n';
import { renderPreview } from './annex-preview';
import { type AnnexOptions, fillOptions, query, updateDownloadLink } from './annex-form';
import { type PaneLanguage, paneLanguageOf, type TextKey, translator } from './i18n';
import { insertChanges } from './changes-section';
import { $, setNotes, setStatus } from './pane-dom';
import { describeError, refreshSummary } from './pane-messages';
import { recalledParts, rememberParts } from './part-memory';
import { clearReport, type RefreshPaneDeps, renderReport, renderSafeAction, type RetryAnswer } from './refresh-pane';
import { isRefreshTextKey, refreshTranslator } from './refresh-texts';
import { OFFICE_WAIT, type OfficeInfo, waitForOffice } from './office-ready';
import { saveBlob } from './save-file';
import { officeDialogTokens } from './dialog-sign-in';

/**
 * The task pane: choose year, language, shape, domains and table; Insert or Refresh the annex in Word.
 * Every text from the register is put on the page with textContent, never as HTML. In tenant mode (the
 * server says so in the page's boot block) every API call carries a fresh Office SSO token
 * (Office.auth.getAccessToken) and the .docx is fetched with it; in local mode the server needs none.
 */

let language: PaneLanguage = paneLanguageOf(navigator.language);
let t = translator(language);
let rt = refreshTranslator(language);
let inWord = false;
const boot = readPaneBoot(document.getElementById('addin-boot')?.textContent);
const api = createPaneApi(
  officeTokenSource(boot, () => inWord, undefined, officeDialogTokens()),
  undefined,
  () => language,
);

function translatePage() {
  t = translator(language);
  rt = refreshTranslator(language);
  document.documentElement.lang = language;
  $('heading').textContent = t('title');
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = t(el.dataset.i18n as TextKey);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-refresh-text]'))) {
    const key = el.dataset.refreshText ?? '';
    if (isRefreshTextKey(key)) el.textContent = rt(key);
  }
}

/** An error in the pane's language, as the texts are now. */
const describe = (error: unknown): string => describeError(error, t, rt);

/** The Word refresh's summary, conflicts and safe actions (refresh-pane.ts) wired to this pane. */
const refreshDeps: RefreshPaneDeps = {
  get t() {
    return rt;
  },
  runWord: (batch) => Word.run(batch),
  tracking: () => ({ track: $<HTMLInputElement>('track').checked, tracking: capabilitiesOf(Office.context.requirements).tracking }),
  fail: (error) => setStatus(describe(error), 'error'),
  retry: (answer) => void run(answer.afresh ? 'insert' : 'refresh', answer),
};

async function run(action: 'insert' | 'refresh', answer: RetryAnswer = {}) {
  const buttons = [$<HTMLButtonElement>('insert'), $<HTMLButtonElement>('refresh')];
  buttons.forEach((b) => (b.disabled = true));
  setStatus(t('working'));
  renderSafeAction($('safe-action-box'), undefined, refreshDeps);
  try {
    if (typeof Office === 'undefined' || typeof Word === 'undefined') throw new AddinError('office_absent', 'office.js');
    assertRequirements(Office.context.requirements);
    // the whole annex is fetched and planned before Word is touched: one Word.run, a fixed number of syncs
    const model = await api.getJson<AnnexModel>(`/api/annex?${query().toString()}`);
    const plan = planAnnex(model);
    if (action === 'insert') {
      const result = await Word.run((context) => insertAnnex(context, plan, { afresh: answer.afresh }));
      await rememberParts(Office.context.document?.settings, result.present);
      setStatus(t('inserted', { items: result.items, syncs: result.syncs }), 'ok');
      clearReport($('report'));
    } else {
      const { track, tracking } = refreshDeps.tracking();
      const settings = Office.context.document?.settings;
      const present = recalledParts(settings);
      const report = await Word.run((context) =>
        refreshAnnex(context, plan, { track, tracking, onlyFirst: answer.onlyFirst, whole: answer.whole, present, reinsert: answer.reinsert }),
      );
      await rememberParts(settings, report.present);
      setStatus(refreshSummary(report, rt), 'ok');
      renderReport($('report'), report, refreshDeps);
    }
    const notes = model.meta.toVerify.map((key) => t('toVerify', { detail: translateKey(language, key) }));
    if (model.meta.counts.fallbackTexts)
      notes.push(t(model.meta.counts.fallbackTexts === 1 ? 'fallbackTexts.one' : 'fallbackTexts.other', { count: model.meta.counts.fallbackTexts }));
    setNotes(notes);
  } catch (error) {
    setStatus(describe(error), 'error');
    renderSafeAction($('safe-action-box'), error, refreshDeps);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

let downloading = false;

/**
 * In tenant mode a plain link cannot carry the token: fetch the .docx with it, then save the Blob through
 * an object URL. In local mode the link downloads by itself.
 */
async function downloadWithToken(event: MouseEvent) {
  if (boot.authMode !== 'entra') return;
  event.preventDefault();
  if (downloading) return;
  downloading = true;
  setStatus(t('working'));
  try {
    const { blob, fileName } = await api.getFile(`/api/annex.docx?${query().toString()}`);
    saveBlob(blob, fileName);
    setStatus(t('downloaded', { file: fileName }), 'ok');
  } catch (error) {
    setStatus(describe(error), 'error');
  } finally {
    downloading = false;
  }
}

/** Office's answer to which host this is: in Word, the pane works in Word's display language. */
function applyOfficeInfo(info: OfficeInfo | null) {
  inWord = Boolean(info && info.host === Office.HostType.Word);
  if (inWord && Office.context.displayLanguage) language = paneLanguageOf(Office.context.displayLanguage);
}

async function start() {
  if (typeof Office !== 'undefined') {
    const info = await waitForOffice(() => Office.onReady(), {
      ...OFFICE_WAIT,
      onSlow: () => setStatus(translator(language)('wordStarting')),
      // Word answered after all: the pane becomes the Word pane (buttons on, Word's language)
      onLate: (late) => {
        applyOfficeInfo(late);
        if (!inWord) return;
        translatePage();
        return $('options').hidden ? void loadOptions() : applyHost();
      },
    });
    applyOfficeInfo(info);
  }
  translatePage();
  $('retry').addEventListener('click', () => void loadOptions());
  await loadOptions();
}

/** What cannot get better by trying again in this pane. */
const FINAL: ReadonlySet<string> = new Set(['sso_outside_word', 'sso_unsupported']);

/**
 * Reads the options (in tenant mode this is where Office signs the user in). On failure the message says
 * why and a Try again button appears: retrying is the user's choice, never a loop (Office throttles those).
 */
async function loadOptions() {
  const retry = $<HTMLButtonElement>('retry');
  retry.hidden = true;
  setStatus(t('loading'));
  try {
    fillOptions(await api.getJson<AnnexOptions>('/api/annex/options'), language);
  } catch (error) {
    setStatus(describe(error), 'error');
    retry.hidden = error instanceof AddinError && FINAL.has(error.code);
    document.body.dataset.office = inWord ? 'word' : 'absent';
    return;
  }
  showOptions();
}

let previewAsked = 0;

/** Before inserting: what the annex for these options holds, its fallback texts and the measures it cannot place. */
async function updatePreview() {
  const asked = ++previewAsked;
  try {
    const model = await api.getJson<AnnexModel>(`/api/annex?${query().toString()}`);
    if (asked === previewAsked) renderPreview($('preview'), model.meta, language, (id) => `/tab#/entry/${encodeURIComponent(id)}/edit`);
  } catch (error) {
    if (asked === previewAsked) setStatus(describe(error), 'error');
  }
}

function showOptions() {
  $('options').hidden = false;
  const changed = () => {
    updateDownloadLink();
    void updatePreview();
  };
  for (const id of ['year', 'lang', 'shape', 'table']) $(id).addEventListener('change', changed);
  $('domains').addEventListener('change', changed);
  changed();
  $('download').addEventListener('click', (event) => void downloadWithToken(event));
  $('insert').addEventListener('click', () => void run('insert'));
  $('refresh').addEventListener('click', () => void run('refresh'));
  const year = () => $<HTMLSelectElement>('year').value;
  const lang = () => $<HTMLSelectElement>('lang').value;
  const ready = () => assertRequirements(Office.context.requirements);
  $('insert-changes').addEventListener('click', () => void insertChanges({ api, year, language: lang, t, setStatus, describe, ready }));
  applyHost();
}

/** The Word buttons and the status for where the pane runs: in Word, or outside it (download only). */
function applyHost() {
  for (const id of ['insert', 'refresh', 'insert-changes']) $<HTMLButtonElement>(id).disabled = !inWord;
  if (!inWord) {
    setStatus(t('officeAbsent'), 'info');
    document.body.dataset.office = 'absent';
    return;
  }
  try {
    assertRequirements(Office.context.requirements);
    setStatus(t('ready'));
  } catch (error) {
    setStatus(describe(error), 'error');
  }
  // tracked changes need WordApi 1.4: elsewhere the option is off and says why
  const tracking = capabilitiesOf(Office.context.requirements).tracking;
  $<HTMLInputElement>('track').disabled = !tracking;
  $<HTMLInputElement>('track').checked = tracking;
  $('track-note').hidden = tracking;
  document.body.dataset.office = 'word';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
