import { createFakeWord } from './index';

/**
 * The Word fake as a page's Office and Word globals, for browser tests of the real task pane: bundled by the
 * test (esbuild) and added as an init script, so the pane finds "Word" as it would inside Word. The test acts
 * as the clerk through window.fakeWord.
 */
const doc = createFakeWord({ paragraphs: ['Toelichting bij de begroting', 'De bijlage volgt hieronder.', 'Slot.'], cursor: 1 });
const language = (window as unknown as { fakeWordLanguage?: string }).fakeWordLanguage ?? 'fr-BE';

Object.assign(window, {
  fakeWord: doc,
  Office: {
    HostType: { Word: 'Word' },
    onReady: async () => ({ host: 'Word', platform: 'OfficeOnline' }),
    context: { displayLanguage: language, requirements: doc.requirements },
  },
  Word: { run: <T>(batch: (context: unknown) => Promise<T>) => batch(doc.context) },
});
