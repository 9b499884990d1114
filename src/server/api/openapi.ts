import { OpenApiGeneratorV3, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import './openapi-zod';
import { MAX_IDEMPOTENCY_KEY } from './idempotency';
import type { ApiRoute } from './route';

/**
 * The API's OpenAPI 3 document (GET /api/openapi.json), generated from the zod schemas the routes validate
 * with (@asteasolutions/zod-to-openapi, the zod 3 line), so a commune can script its register: list the
 * measures, create them, import a report. Built once, on first request.
 */

const FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().openapi({ example: 'invalid_input', description: 'What went wrong, as a stable code for scripts' }),
        message: z.string().openapi({ description: "in the caller's language (?lang= or Accept-Language)" }),
        issues: z
          .array(
            z
              .object({
                field: z.string().describe('The field concerned: its path in the request'),
                code: z.string().describe('What is wrong, as a stable code'),
                reason: z.string().describe('What is wrong, in English for scripts'),
                label: z.string().describe("The field's label in the caller's language"),
                message: z.string().describe("What is wrong, worded for a person in the caller's language"),
              })
              .partial(),
          )
          .optional()
          .openapi({ description: 'per field: its label and what is wrong, worded for a person; `reason` is English for scripts' }),
      })
      .describe('What went wrong'),
  })
  .openapi('Error');

/** "/entries/:id/export.:format" → "/api/entries/{id}/export.{format}" */
export const openApiPath = (expressPath: string) => `/api${expressPath.replace(/:([A-Za-z]+)/g, '{$1}')}`;

function content(what: z.ZodTypeAny | keyof typeof FILE_TYPES) {
  if (typeof what === 'string') return { [FILE_TYPES[what]]: { schema: z.string().openapi({ format: 'binary' }) } };
  return { 'application/json': { schema: what } };
}

function routeConfig(route: ApiRoute): RouteConfig {
  const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  const headers: z.ZodRawShape = {};
  if (route.ifMatch)
    headers['if-match'] = (route.ifMatch === 'required' ? z.string() : z.string().optional()).openapi({ description: "the record's etag as last read" });
  if (route.idempotent)
    headers['idempotency-key'] = z.string().max(MAX_IDEMPOTENCY_KEY).optional().openapi({
      description: 'the same key again with the same body answers the record the first request created (200); with another body, 422 idempotency_key_reused',
    });
  const ok = route.answer ? { description: 'OK', content: content(route.answer) } : { description: 'Done' };
  const responses: RouteConfig['responses'] = { [route.answer ? (route.created ? 201 : 200) : 204]: ok };
  if (route.created && route.answer)
    responses[200] = { description: 'Already created by an earlier request with the same key', content: content(route.answer) };
  const error = (description: string) => ({ description, content: { 'application/json': { schema: errorBody } } });
  if ((route.body && route.body !== 'none') || route.query || params.length) responses[400] = error('Bad input: the field and the reason');
  if (route.access !== 'public') responses[401] = error('No or an invalid token');
  if (route.access !== 'public' && route.access !== 'signedIn') responses[403] = error('The caller’s roles do not allow it');
  if (params.length) responses[404] = error('No such record');
  if (route.ifMatch) responses[409] = error('Changed meanwhile: read again');
  if (route.ifMatch === 'required') responses[428] = error('If-Match is required');
  return {
    method: route.method,
    path: openApiPath(route.path),
    tags: [route.tag],
    summary: route.summary,
    ...(route.access === 'public' ? { security: [] } : {}),
    request: {
      ...(params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
      ...(route.query ? { query: route.query instanceof z.ZodEffects ? route.query.innerType() : route.query } : {}),
      ...(Object.keys(headers).length ? { headers: z.object(headers) } : {}),
      ...(route.body && route.body !== 'none' ? { body: { required: true, content: content(route.body) } } : {}),
    },
    responses,
  };
}

export function openApiDocument(serverUrl: string, routes: readonly ApiRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'entra', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An Entra ID access token for the register app (Teams SSO); not needed on a local-development server',
  });
  for (const route of routes) registry.registerPath(routeConfig(route));
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Synergy Register API',
      version: '1',
      description:
        'The register of synergies between a municipality and its OCMW/CPAS (art. 26bis §5). Texts are {nl, fr, en}; errors answer in the caller’s language. Writes to an existing record need its etag in If-Match.',
    },
    servers: [{ url: serverUrl }],
    security: [{ entra: [] }],
  });
}
