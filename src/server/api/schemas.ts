import './openapi-zod';
import { z } from 'zod';
import { languageCode } from '../../domain';
import * as model from '../../domain';
import { importProposal } from '../../import';
import { duplicateRequest, pollRequest } from '../../register/polls';

/** Shapes the routes answer with, for the OpenAPI document: a stored record carries its id and eTag. */
const stored = { id: z.string(), etag: z.string() };
export const record = <T extends z.ZodTypeAny>(schema: T) => schema.and(z.object(stored));
export const items = (schema: z.ZodTypeAny) => z.object({ items: z.array(schema) });
/** An answer whose shape the route's summary describes (not yet a schema of its own). */
export const free = z.object({}).passthrough();
/** A PATCH body: any of the record's fields. */
export const changesOf = (schema: z.ZodTypeAny) => (schema instanceof z.ZodObject ? schema.partial() : free);

/** The register's records and requests, named in the document's components. */
export const named = {
  entry: model.synergyEntry.openapi('SynergyEntry'),
  action: model.action.openapi('Action'),
  meeting: model.meeting.openapi('Meeting'),
  focusGroup: model.focusGroup.openapi('FocusGroup'),
  template: model.reportTemplate.openapi('ReportTemplate'),
  decision: model.decision.openapi('Decision'),
  pollRequest: pollRequest.openapi('PollRequest'),
  duplicateRequest: duplicateRequest.openapi('PollDuplicateRequest'),
  importProposal: importProposal.openapi('ImportProposal'),
};

/** Only the language of the answer's texts (else Accept-Language). */
export const languageQuery = z.object({ lang: languageCode.optional() }).strict();
