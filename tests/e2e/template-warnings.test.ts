import type { AnnualReport } from '../../src/domain/model';
import { presetTemplate } from '../../src/domain/template-presets';
import { startTestServer, type TestServer } from '../support/server';

/** A template that leaves something out is saved all the same; a script asks what, in its language. */

type Stored = AnnualReport & { id: string; etag: string };
type Warnings = { warnings: Array<{ code: string; block?: number; domains?: string[]; lifecycle?: string; message: string }> };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false });
});
afterAll(async () => {
  await server?.stop();
});

async function warnings(id: string, query = '', headers: Record<string, string> = {}): Promise<Warnings> {
  const res = await server.api(`/api/reports/${id}/warnings${query}`, { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as Warnings;
}

test('a preset leaves nothing out; without HR in part 1 and without a part for stopped measures, both are said, in French or Dutch', async () => {
  const created = await server.api('/api/reports', {
    method: 'POST',
    json: presetTemplate('molenbeek-list', { budgetYear: 2027, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }),
  });
  expect(created.status).toBe(201);
  const template = (await created.json()) as Stored;
  expect(await warnings(template.id)).toEqual({ warnings: [] });

  const blocks = template.blocks
    .filter((b) => !b.lifecycles.includes('stopped'))
    .map((b, i) =>
      i !== 0
        ? b
        : {
            ...b,
            sections: b.sections
              .filter((s) => !(s.gather.by === 'domain' && s.gather.domains.join() === 'HR'))
              .map((s) => (s.gather.by === 'domain' ? { ...s, gather: { ...s.gather, domains: s.gather.domains.filter((d) => d !== 'HR') } } : s)),
          },
    );
  const patched = await server.api(`/api/reports/${template.id}`, { method: 'PATCH', json: { blocks }, headers: { 'if-match': template.etag } });
  expect([patched.status, patched.status === 200 ? '' : await patched.text()]).toEqual([200, '']);

  const fr = await warnings(template.id, '?lang=fr');
  expect(fr.warnings.map(({ message: _m, ...w }) => w)).toEqual([
    { code: 'domain_unplaced', block: 0, domains: ['HR'] },
    { code: 'lifecycle_missing', lifecycle: 'stopped' },
  ]);
  expect(fr.warnings[0].message).toBe(
    'Partie 1\u00a0: aucune section ne reprend ces domaines\u00a0; leurs mesures sont signalées «\u00a0non placées\u00a0» dans le volet\u00a0: Ressources humaines',
  );
  const nl = await warnings(template.id, '', { 'accept-language': 'nl-BE' });
  expect(nl.warnings[0].message).toMatch(/^Deel 1: geen enkele sectie neemt deze domeinen op/);
});

test('a language the app does not speak is a 400 naming the field; an unknown template a 404', async () => {
  const created = (await (
    await server.api('/api/reports', {
      method: 'POST',
      json: presetTemplate('ukkel-narrative', { budgetYear: 2028, municipality: { nl: 'Rivelde', fr: 'Rivelde' } }),
    })
  ).json()) as Stored;
  const bad = await server.api(`/api/reports/${created.id}/warnings?lang=de`);
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0].field).toBe('lang');
  expect((await server.api('/api/reports/99999/warnings')).status).toBe(404);
});
