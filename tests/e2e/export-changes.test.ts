import ExcelJS from 'exceljs';
import type { AnnexBlock } from '../../src/annex/model/types';
import type { Changes } from '../../src/changes/changes';
import { startTestServer, type TestServer } from '../support/server';

/** The register as .xlsx and "what changed" over HTTP. */

describe('export and changes (server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('GET /api/export.xlsx: one sheet per list, headers in the language asked, a formula-like title stays text', async () => {
    const created = await server.api('/api/entries', {
      method: 'POST',
      json: {
        title: { fr: '=HYPERLINK("http://evil.example","cliquez")' },
        domain: 'HR',
        status: 'proposed',
        kind: 'synergy',
        formalisation: 'informal_exchange',
      },
    });
    expect(created.status).toBe(201);
    const res = await server.api('/api/export.xlsx?lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('registre-des-synergies.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Mesures', 'Actions', 'Réunions', 'Décisions']);
    const [entries, actions, meetings, decisions] = workbook.worksheets;
    const api = (await (await server.api('/api/entries')).json()) as { total: number };
    expect(entries.rowCount - 1).toBe(api.total);
    expect(entries.getRow(1).getCell(4).value).toBe('Domaine');
    const titles = (entries.getColumn(3).values as unknown[]).slice(2);
    // escaped as the ballots CSV escapes it: a leading apostrophe, so it stays text wherever the cell goes next
    const row = entries.getRow(titles.indexOf('\'=HYPERLINK("http://evil.example","cliquez")') + 2);
    expect(row.getCell(3).value).toBe('\'=HYPERLINK("http://evil.example","cliquez")');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).formula).toBeUndefined();
    expect(titles.filter((t) => typeof t === 'string' && /^[=+\-@]/.test(t))).toEqual([]);
    expect(actions.rowCount - 1).toBe(((await (await server.api('/api/actions')).json()) as { items: unknown[] }).items.length);
    expect(meetings.rowCount - 1).toBe(5);
    expect(meetings.getRow(2).getCell(3).value).toBeInstanceOf(Date);
    expect(decisions.rowCount).toBeGreaterThan(1);
    expect((await server.api('/api/export.xlsx?lang=de')).status).toBe(400);
  });

  test('GET /api/changes between the demo years, and the section for the Word pane', async () => {
    const res = await server.api('/api/changes?from=2023&to=2026');
    expect(res.status).toBe(200);
    const c = (await res.json()) as Changes;
    // the two demo reports are two communes: Ukkel's measures are new in 2026 (43, one rejected after study), Molenbeek's left the report
    expect(c).toMatchObject({ from: 2023, to: 2026, toIsOpen: false, counts: { added: 42 } });
    expect(c.counts.stopped).toBe(75);
    const annex = (await (await server.api('/api/changes/annex?to=2026&from=2023&lang=nl')).json()) as { blocks: AnnexBlock[] };
    expect(annex.blocks[0]).toMatchObject({ kind: 'heading', text: 'Wijzigingen 2026 ten opzichte van 2023' });
    const bad = await server.api('/api/changes?to=2026&from=2027');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0].field).toBe('from');
    expect((await server.api('/api/changes')).status).toBe(400);
  });
});
