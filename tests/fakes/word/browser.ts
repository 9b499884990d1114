import { createFakeWord } from './index';

/**
 * The Word fake as a page's Office and Word globals, for browser tests of the real task pane: bundled by the
 * test (esbuild) and added as an init script, so the pane finds "Word" as it would inside Word. The test acts
 * as the clerk through window.fakeWord.
 */
const doc = createFakeWord({ paragraphs: ['Toelichting bij de begroting', 'De bijlage volgt hieronder.', 'Slot.'], cursor: 1 });
const language = (window as unknown as { fakeWordLanguage?: string }).fakeWordLanguage ?? 'fr-BE';
/** the add-in's document settings (Office.context.document.settings), saved with the document */
const stored = new Map<string, unknown>();
const settings = {
  get: (name: string) => stored.get(name) ?? null,
  set: (name: string, value: unknown) => void stored.set(name, structuredClone(value)),
  remove: (name: string) => void stored.delete(name),
  saveAsync: (callback?: (result: { status: string }) => void) => setTimeout(() => callback?.({ status: 'succeeded' }), 0),
};

Object.assign(window, {
  fakeWord: doc,
  fakeSettings: stored,
  Office: {
    HostType: { Word: 'Word' },
    onReady: async () => ({ host: 'Word', platform: 'OfficeOnline' }),
    context: { displayLanguage: language, requirements: doc.requirements, document: { settings } },
  },
  Word: { run: <T>(batch: (context: unknown) => Promise<T>) => batch(doc.context) },
});
