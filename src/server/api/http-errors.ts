import type { ErrorRequestHandler, Request } from 'express';
import { languageOf } from '../../domain';
import type { Language } from '../../i18n';
import { describeIssue, describeIssues, fieldLabel } from '../../i18n';
import { fieldIssue, ValidationError } from '../../register';
import { FieldTooLongError, StoreUnavailableError } from '../../store';
import { CatalogueError } from '../../domain';
import { codeMessage, errorAnswer } from '../../i18n';
import type { Logger } from '../../host';

/** Maps the register's typed errors to HTTP answers with a message a person can act on; never a stack trace. */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof ValidationError || error instanceof FieldTooLongError || isJsonSyntaxError(error)) {
      const validation =
        error instanceof ValidationError
          ? error
          : error instanceof FieldTooLongError
            ? new ValidationError([fieldIssue(error.field, 'too_long', { max: error.limit })])
            : new ValidationError([fieldIssue('(body)', 'not_json')]);
      const language = callerLanguage(req);
      const issues = validation.issues.map((i) => ({ ...i, label: fieldLabel(language, i.field), message: describeIssue(language, i) }));
      res
        .status(400)
        .json({ error: { code: isJsonSyntaxError(error) ? 'invalid_json' : 'invalid_input', message: describeIssues(language, validation.issues), issues } });
    } else if (error instanceof CatalogueError) {
      if (error instanceof StoreUnavailableError) logger.error(`register storage failed: ${error.message}`);
      const { status, body } = errorAnswer(callerLanguage(req), error);
      res.status(status).json(body);
    } else if (clientErrorStatus(error) !== undefined) {
      const status = clientErrorStatus(error)!;
      res.status(status).json({ error: { code: CLIENT_ERROR_CODES[status] ?? 'bad_request', message: clientErrorMessage(status, error) } });
    } else if (error?.name === 'ConsentRequiredError') {
      res.status(403).json({ error: { code: 'consent_required', message: 'Microsoft Graph needs your consent first' } });
    } else {
      logger.error('unexpected error in the API', error);
      res.status(500).json({ error: { code: 'internal', message: codeMessage(callerLanguage(req), 'internal') } });
    }
  };
}

function isJsonSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && (error as { type?: string }).type === 'entity.parse.failed';
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * The request itself was malformed, as Express and its body parser saw it (a body over the limit, an unknown
 * Content-Encoding or charset, a broken percent-escape in the path): their error carries a 4xx status.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
  return value !== undefined && value >= 400 && value < 500 ? value : undefined;
}

function clientErrorMessage(status: number, error: unknown): string {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return 'The request body is larger than the 1 MB this API accepts';
  if (type === 'encoding.unsupported') return "The request body's Content-Encoding is not supported (send identity, gzip, deflate or br)";
  if (type === 'charset.unsupported') return "The request body's charset is not supported (send UTF-8)";
  if (status === 400 && error instanceof URIError) return 'The request path holds a malformed percent-escape';
  const message = (error as { expose?: boolean; message?: string }).expose ? (error as { message?: string }).message : undefined;
  return message || 'The request is malformed';
}

/** The caller's language for messages: ?lang=, else Accept-Language (nl, fr or en); English for scripts that send none. */
export function callerLanguage(req: Request): Language {
  const asked = typeof req.query?.lang === 'string' ? languageOf(req.query.lang) : undefined;
  if (asked) return asked;
  const header = req.get('accept-language')?.trim();
  if (!header || header === '*') return 'en';
  const accepted = req.acceptsLanguages('en', 'nl', 'fr');
  return accepted ? (languageOf(accepted) ?? 'en') : 'en';
}
