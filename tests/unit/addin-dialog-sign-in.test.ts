import { officeTokenSource } from '../../addin/web/api';
import { dialogTokens, type OfficeDialogUi, TOKEN_MARGIN_MS } from '../../addin/web/dialog-sign-in';
import { AddinError } from '../../addin/word/errors';

/**
 * The Word pane's sign-in where Office SSO is not available: an Office dialog (faked here with office.js's own
 * shapes) sends the token back; the pane reuses it until shortly before it expires; Office SSO errors other
 * than "not supported" never open a dialog.
 */

type Handler = (event: { message: string; origin: string | undefined } | { error: number }) => void;

beforeAll(() => {
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  };
});
afterAll(() => delete (globalThis as Record<string, unknown>).Office);

/** A dialog API that opens dialogs and lets the test answer each as the dialog page or the user would. */
function fakeUi(options: { failWith?: number } = {}) {
  const opened: Array<{ url: string; handlers: Map<string, Handler>; closed: boolean }> = [];
  const ui = {
    displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
      if (options.failWith) return callback({ status: 'failed', error: { code: options.failWith, message: 'cannot open' } });
      const dialog = { url, handlers: new Map<string, Handler>(), closed: false };
      opened.push(dialog);
      callback({
        status: 'succeeded',
        value: { addEventHandler: (type: string, handler: Handler) => dialog.handlers.set(type, handler), close: () => (dialog.closed = true) },
      });
    },
  } as unknown as OfficeDialogUi;
  const answer = (message: unknown) => opened.at(-1)!.handlers.get('dialogMessageReceived')!({ message: JSON.stringify(message), origin: undefined });
  const closeByUser = () => opened.at(-1)!.handlers.get('dialogEventReceived')!({ error: 12006 });
  return { ui, opened, answer, closeByUser };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

test('the dialog’s token is returned and reused until shortly before it expires; then a new dialog', async () => {
  let now = 1_000_000;
  const fake = fakeUi();
  const tokens = dialogTokens(
    () => fake.ui,
    () => 'https://synergy.example.org/addin/auth-dialog.html',
    () => now,
  );
  const first = tokens();
  await flush();
  expect(fake.opened.map((d) => d.url)).toEqual(['https://synergy.example.org/addin/auth-dialog.html']);
  fake.answer({ token: 'token-1', expiresOn: now + 3_600_000 });
  await expect(first).resolves.toBe('token-1');
  expect(fake.opened[0].closed).toBe(true);
  now += 3_600_000 - TOKEN_MARGIN_MS - 1;
  await expect(tokens()).resolves.toBe('token-1');
  expect(fake.opened).toHaveLength(1);
  now += 1;
  const renewed = tokens();
  await flush();
  fake.answer({ token: 'token-2', expiresOn: now + 3_600_000 });
  await expect(renewed).resolves.toBe('token-2');
  expect(fake.opened).toHaveLength(2);
});

test('calls while the dialog is open share it: one dialog at a time', async () => {
  const fake = fakeUi();
  const tokens = dialogTokens(
    () => fake.ui,
    () => 'https://x.example/addin/auth-dialog.html',
  );
  const both = Promise.all([tokens(), tokens()]);
  await flush();
  fake.answer({ token: 't', expiresOn: Date.now() + 3_600_000 });
  await expect(both).resolves.toEqual(['t', 't']);
  expect(fake.opened).toHaveLength(1);
});

test.each([
  ['the user closes the dialog', (f: ReturnType<typeof fakeUi>) => f.closeByUser(), 'sso_cancelled'],
  ['the dialog page reports an MSAL error', (f: ReturnType<typeof fakeUi>) => f.answer({ error: 'user_cancelled' }), 'sso_failed'],
  [
    'the dialog sends something unreadable',
    (f: ReturnType<typeof fakeUi>) => f.opened[0].handlers.get('dialogMessageReceived')!({ message: 'not json', origin: undefined }),
    'sso_failed',
  ],
])('%s: the pane’s message says so (%s)', async (_case, act, code) => {
  const fake = fakeUi();
  const token = dialogTokens(
    () => fake.ui,
    () => 'https://x.example/addin/auth-dialog.html',
  )();
  await flush();
  act(fake);
  await expect(token).rejects.toMatchObject({ code });
});

test('a dialog that cannot open: busy (12007) or failed, and no dialog API at all: unsupported', async () => {
  await expect(
    dialogTokens(
      () => fakeUi({ failWith: 12007 }).ui,
      () => 'https://x',
    )(),
  ).rejects.toMatchObject({ code: 'sso_busy' });
  await expect(
    dialogTokens(
      () => fakeUi({ failWith: 12009 }).ui,
      () => 'https://x',
    )(),
  ).rejects.toMatchObject({ code: 'sso_failed' });
  await expect(
    dialogTokens(
      () => undefined,
      () => 'https://x',
    )(),
  ).rejects.toMatchObject({ code: 'sso_unsupported' });
});

describe('officeTokenSource with the dialog as fallback', () => {
  const office = (code?: number) => () => ({
    auth: { getAccessToken: code === undefined ? async () => 'sso-token' : async () => Promise.reject({ code, message: 'stubbed' }) },
  });

  test.each([13000, 13012, 50001])('Office SSO unsupported (%i): the dialog signs in, and is used from then on', async (code) => {
    let ssoCalls = 0;
    const auth = { getAccessToken: async () => (ssoCalls++, Promise.reject({ code, message: 'unsupported' })) };
    const fallback = jest.fn(async () => 'dialog-token');
    const source = officeTokenSource(
      { authMode: 'entra' },
      () => true,
      () => ({ auth }),
      fallback,
    );
    await expect(source()).resolves.toBe('dialog-token');
    await expect(source()).resolves.toBe('dialog-token');
    expect([ssoCalls, fallback.mock.calls.length]).toEqual([1, 2]);
  });

  test('no getAccessToken at all (older Office): the dialog signs in', async () => {
    const source = officeTokenSource(
      { authMode: 'entra' },
      () => true,
      () => ({}),
      async () => 'dialog-token',
    );
    await expect(source()).resolves.toBe('dialog-token');
  });

  test.each([13001, 13002, 13007, 13013])('any other SSO error (%i) is the user’s to act on: no dialog', async (code) => {
    const fallback = jest.fn(async () => 'dialog-token');
    const source = officeTokenSource({ authMode: 'entra' }, () => true, office(code), fallback);
    await expect(source()).rejects.toBeInstanceOf(AddinError);
    expect(fallback).not.toHaveBeenCalled();
  });

  test('where Office SSO works, it is used and no dialog opens', async () => {
    const fallback = jest.fn(async () => 'dialog-token');
    await expect(officeTokenSource({ authMode: 'entra' }, () => true, office(), fallback)()).resolves.toBe('sso-token');
    expect(fallback).not.toHaveBeenCalled();
  });
});

test('no dialog API either: the SSO error is the one shown', async () => {
  const source = officeTokenSource(
    { authMode: 'entra' },
    () => true,
    () => ({ auth: { getAccessToken: () => Promise.reject({ code: 13012, message: 'unsupported' }) } }),
    dialogTokens(
      () => undefined,
      () => 'https://x',
    ),
  );
  await expect(source()).rejects.toMatchObject({ code: 'sso_unsupported', message: '13012' });
});
