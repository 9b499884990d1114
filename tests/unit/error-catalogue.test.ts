import { ForbiddenError, requireCapability } from '../../src/domain/authorization';
import { CatalogueError, ERROR_STATUS } from '../../src/domain/errors';
import { LANGUAGES } from '../../src/domain/languages';
import { errorAnswer, errorMessage } from '../../src/i18n/errors';
import { hasMessage } from '../../src/i18n/catalogue';
import { NotDeletedError, RestoreExpiredError } from '../../src/register/errors';
import { PreconditionRequiredError } from '../../src/server/api/preconditions';
import { ConflictError, DuplicateKeyError, NotFoundError, RecordTooLargeError, StoreUnavailableError, UnsupportedQueryError } from '../../src/store/errors';

/** Every catalogued error has a status and a wording in each language; the API and the bot read the same words. */
const samples: CatalogueError[] = [
  new NotFoundError('entries', '12'),
  new ConflictError('entries', '12', { id: '12', etag: '"2"' }),
  new DuplicateKeyError('polls', 'requestKey', 'k'),
  new UnsupportedQueryError('filter on a column that is not indexed'),
  new StoreUnavailableError('SharePoint did not answer'),
  new RecordTooLargeError('entries', 70000, 63999),
  new RestoreExpiredError('12', '2026-01-01T10:00:00Z', 30),
  new NotDeletedError('12'),
  new NotDeletedError('12', '40'),
  new PreconditionRequiredError(),
  new ForbiddenError('sealed', undefined, 'sealed'),
];

test.each(samples.map((e) => [e.name, e.messageKey(), e] as const))('%s (%s) has a status and a message in nl, fr and en', (_name, key, error) => {
  expect(ERROR_STATUS[error.code]).toBeGreaterThanOrEqual(400);
  expect(hasMessage(`errors.${key}`)).toBe(true);
  for (const language of LANGUAGES) {
    const message = errorMessage(language, error);
    expect(message).not.toMatch(/\{\w+\}/);
    expect(message.length).toBeGreaterThan(5);
  }
  expect(errorMessage('nl', error)).not.toBe(errorMessage('fr', error));
});

test('a refusal says which role is needed, in the reader language', () => {
  let refusal: unknown;
  try {
    requireCapability(['reader'], 'edit');
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(ForbiddenError);
  const { status, body } = errorAnswer('fr', refusal as ForbiddenError);
  expect(status).toBe(403);
  expect(body.error).toMatchObject({ code: 'forbidden', capability: 'edit' });
  expect(body.error.message).toBe('Il faut pour cela le rôle Register.Editor ; vous avez Register.Reader');
});

test('a conflict carries the stored version beside the error', () => {
  const { status, body } = errorAnswer('nl', new ConflictError('entries', '12', { id: '12', etag: '"3"' }));
  expect(status).toBe(409);
  expect(body.current).toEqual({ id: '12', etag: '"3"' });
  expect(body.error.message).toContain('Iemand anders heeft dit intussen gewijzigd');
});
