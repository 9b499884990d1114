/// <reference types="office-js" />
import type { AnnexBlock } from '../../src/annex/model';
import { insertBlocks } from '../word';
import { planBlocks } from '../word';
import type { TextKey } from './i18n';

/** The tag of the "what changed" section's content control: inserting it again replaces it. */
export const CHANGES_TAG = 'synergy-register-changes';

export interface ChangesSectionDeps {
  api: { getJson<T>(path: string): Promise<T> };
  /** the pane's budget year and report language */
  year(): string;
  language(): string;
  t(key: TextKey, params?: Record<string, string | number>): string;
  setStatus(text: string, kind?: 'info' | 'ok' | 'error'): void;
  describe(error: unknown): string;
  /** the checks Insert makes too (office.js present, WordApi) */
  ready(): void;
}

/**
 * "What changed since the year before" (GET /api/changes/annex) fetched for the pane's year and language,
 * then written into Word in one Word.run with a fixed number of syncs, in its own content control.
 */
export async function insertChanges(deps: ChangesSectionDeps): Promise<void> {
  deps.setStatus(deps.t('working'));
  try {
    deps.ready();
    const query = new URLSearchParams({ to: deps.year(), lang: deps.language() });
    const { blocks } = await deps.api.getJson<{ blocks: AnnexBlock[] }>(`/api/changes/annex?${query.toString()}`);
    const title = blocks[0]?.kind === 'heading' ? blocks[0].text : '';
    const result = await Word.run((context) => insertBlocks(context, CHANGES_TAG, title, planBlocks(blocks)));
    deps.setStatus(deps.t(result.replaced ? 'changesReplaced' : 'changesInserted', { title, items: result.items }), 'ok');
  } catch (error) {
    deps.setStatus(deps.describe(error), 'error');
  }
}
