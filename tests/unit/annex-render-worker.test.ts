import { unzipSync, strFromU8 } from 'fflate';
import { AnnexRenderError, renderAnnexDocx } from '../../src/annex/docx/render-worker';
import type { AnnexModel } from '../../src/annex/model/types';

/** The annex .docx is built in a worker thread within a time budget. */
const model = {
  meta: { language: 'nl', year: 2026, municipality: 'Ukkel', shape: 'list' },
  blocks: [
    { kind: 'title', text: 'Synergieverslag 2026' },
    { kind: 'paragraph', runs: [{ text: 'Gezamenlijke aankoop & <onderhoud>' }] },
  ],
} as unknown as AnnexModel;

test('the worker answers the document', async () => {
  const bytes = await renderAnnexDocx(model);
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  expect(xml).toContain('Gezamenlijke aankoop &amp; &lt;onderhoud&gt;');
});

test('a build over its time budget is stopped with the reason', async () => {
  const error = await renderAnnexDocx(model, { timeMs: 1, heapMb: 128 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AnnexRenderError);
  expect((error as Error).message).toMatch(/took longer than 0 s and was stopped/);
});
