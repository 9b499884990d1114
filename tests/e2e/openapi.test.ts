import { openApiPath } from '../../src/server/api/openapi';
import { startTestServer, type TestServer } from '../support/server';

/** The API documented: GET /api/openapi.json describes every route the server mounts under /api. */

interface Layer {
  rawPath?: string | RegExp;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the Express app answers, with its full path, found by walking its routers (Express 5 / router 2). */
function mountedRoutes(stack: Layer[], prefix = ''): Array<{ method: string; path: string }> {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((method) => ({ method, path: `${prefix}${layer.route!.path}` }));
    }
    if (!layer.handle?.stack) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return mountedRoutes(layer.handle.stack, `${prefix}${mount}`);
  });
}

type Operation = {
  summary?: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
  parameters?: Array<{ name: string; in: string }>;
};
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; allOf?: unknown[] }> };
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: Document;
  beforeAll(async () => {
    server = await startTestServer();
    const res = await server.api('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
  });
  afterAll(async () => server?.stop());

  test('every route mounted under /api is documented, and nothing that is not mounted', () => {
    const mounted = mountedRoutes((server.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((r) => r.path.startsWith('/api/'));
    expect(mounted.length).toBeGreaterThan(40);
    const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m, path)));
    const wanted = mounted.map((r) => key(r.method, openApiPath(r.path.slice('/api'.length))));
    expect([...new Set(wanted)].filter((w) => !documented.includes(w))).toEqual([]);
    expect(documented.filter((d) => !wanted.includes(d))).toEqual([]);
  });

  test('it is OpenAPI 3 with the entry schema from the zod model: formalisation optional (derived from the form)', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const entry = doc.components.schemas.SynergyEntry;
    const props = entry.properties ?? {};
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['title', 'domain', 'department', 'form', 'formalisation', 'endYear', 'benefits']));
    expect(entry.required).toEqual(expect.arrayContaining(['title', 'domain', 'status', 'kind']));
    expect(entry.required).not.toContain('formalisation');
    const create = doc.paths['/api/entries'].post;
    expect(JSON.stringify(create.requestBody)).toContain('#/components/schemas/SynergyEntry');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    const annex = doc.paths['/api/annex.docx'].get;
    expect(annex.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['year', 'lang', 'shape', 'table', 'columns']));
    expect(Object.keys((annex.responses['200'] as { content: object }).content)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const patch = doc.paths['/api/entries/{id}'].patch;
    expect(patch.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(expect.arrayContaining(['path id', 'header if-match']));
    // the queries are the routes' own schemas: every parameter a route reads is documented
    const query = (path: string, method: 'get' | 'post') =>
      doc.paths[path][method].parameters
        ?.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    expect(query('/api/import', 'post')).toEqual(['lang', 'name']);
    expect(query('/api/polls', 'get')).toEqual(['entryId', 'focusGroupId', 'status']);
    expect(query('/api/changes', 'get')).toEqual(['from', 'lang', 'to']);
    expect(query('/api/polls/{id}/export.{format}', 'get')).toEqual(['lang']);
  });

  test('a script can follow it: create a measure as documented, read it back at the documented path', async () => {
    const created = await server.api('/api/entries', {
      method: 'POST',
      json: {
        title: { nl: 'Gedeelde juridische dienst', fr: 'Service juridique partagé' },
        domain: 'HR',
        status: 'existing',
        kind: 'synergy',
        form: 'shared_service',
        startYear: 2026,
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const path = Object.keys(doc.paths).find((p) => p === '/api/entries/{id}')!;
    const read = await server.api(path.replace('{id}', encodeURIComponent(id)));
    expect(read.status).toBe(200);
  });

  test('every field of every named schema has a description, so a clerk or a script knows what to send', () => {
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node; allOf?: Node[]; $ref?: string };
    const undescribed: string[] = [];
    /** The properties of a schema, its allOf parts' included. */
    const propertiesOf = (node: Node | undefined): Array<[string, Node]> =>
      node ? [...Object.entries(node.properties ?? {}), ...(node.allOf ?? []).flatMap((part) => propertiesOf(part))] : [];
    const walk = (node: Node | undefined, path: string, depth: number) => {
      for (const [name, prop] of propertiesOf(node)) {
        const at = `${path}.${name}`;
        if (!prop.$ref && !prop.description?.trim()) undescribed.push(at);
        if (depth > 0) {
          walk(prop, at, depth - 1);
          walk(prop.items, `${at}[]`, depth - 1);
        }
      }
    };
    const schemas = Object.entries(doc.components.schemas) as Array<[string, Node]>;
    expect(schemas.length).toBeGreaterThan(10);
    for (const [name, schema] of schemas) walk(schema, name, 1);
    expect(undescribed).toEqual([]);
  });
});
