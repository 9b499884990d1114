import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { ImportProposal } from '../../src/import/proposal';
import { changesBetween } from '../../src/tab/web/views/import-changes';
import { startTestServer, type TestServer } from '../support/server';

/** A report of 2 000 measures is reviewed and confirmed by sending only the decisions: no request body limit is hit. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function largeReport(): Promise<Buffer> {
  const children = [
    new Paragraph({ children: [new TextRun({ text: 'Verslag over de synergieën tussen de gemeente en het OCMW van Grootveld', bold: true })] }),
    new Paragraph('Bijlage bij de begroting 2026 van het OCMW van Grootveld.'),
    new Paragraph({ children: [new TextRun({ text: '1. Bestaande synergieën', bold: true })] }),
  ];
  for (let s = 1; s <= 20; s++) {
    children.push(new Paragraph({ children: [new TextRun({ text: `1.${s} Hoofdstuk ${s}`, bold: true })] }));
    for (let m = 1; m <= 100; m++) {
      children.push(
        new Paragraph({
          numbering: { reference: 'b', level: 0 },
          children: [
            new TextRun(
              `Gezamenlijke aanpak ${s}-${m} van gemeente en OCMW voor de dienstverlening aan de inwoners van wijk ${m}, met afspraken over opvolging, rapportering en evaluatie;`,
            ),
          ],
        }),
      );
    }
  }
  return Packer.toBuffer(
    new Document({
      numbering: { config: [{ reference: 'b', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }] },
      sections: [{ children }],
    }),
  );
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false });
});
afterAll(() => server.close());

test('2 000 measures: the whole proposal is over the body limit, the review’s changes are not, and confirming writes each measure once', async () => {
  const up = await server.api('/api/import?name=groot.docx', { method: 'POST', body: new Uint8Array(await largeReport()), headers: { 'content-type': DOCX } });
  expect(up.status).toBe(200);
  const { proposal } = (await up.json()) as { proposal: ImportProposal };
  expect(proposal.entries).toHaveLength(2000);
  expect(JSON.stringify(proposal).length).toBeGreaterThan(1024 * 1024);
  expect((await server.api('/api/import/confirm', { method: 'POST', json: proposal })).status).toBe(413);

  const reviewed = structuredClone(proposal);
  reviewed.entries[0].action = 'skip';
  reviewed.entries[1].title = 'Gezamenlijke aanpak, anders genoemd';
  const changes = changesBetween(proposal, reviewed);
  expect(JSON.stringify(changes).length).toBeLessThan(64 * 1024);
  const plan = (await (await server.api('/api/import/changes/plan', { method: 'POST', json: changes })).json()) as { create: number; skipped: number };
  expect(plan).toMatchObject({ create: 1999, skipped: 1 });
  const confirmed = await server.api('/api/import/changes/confirm', { method: 'POST', json: changes });
  expect(confirmed.status).toBe(201);
  expect(((await confirmed.json()) as { create: number }).create).toBe(1999);
  const again = (await (await server.api('/api/import/changes/confirm', { method: 'POST', json: changes })).json()) as {
    create: number;
    alreadyCreated: number;
  };
  expect(again).toMatchObject({ create: 0, alreadyCreated: 1999 });
  expect((await (await server.api('/api/entries?q=anders%20genoemd')).json()).total).toBe(1);
});

test('changes for a proposal this server does not keep are refused with 410, in the caller’s language', async () => {
  const res = await server.api('/api/import/changes/confirm', {
    method: 'POST',
    json: { importId: 'c'.repeat(32), order: [] },
    headers: { 'accept-language': 'fr' },
  });
  expect(res.status).toBe(410);
  expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
    code: 'expired',
    message: expect.stringMatching(/^Cette proposition n’est plus conservée/),
  });
});
