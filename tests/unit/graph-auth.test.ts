import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { ConsentRequiredError, createGraphAuthProvider, type TokenSource } from '../../src/store/graph/auth';
import { currentUserAssertion, runWithRequestContext } from '../../src/host/request-context';
import { startGraphFake } from '../fakes/graph-fake';
import { openGraphStoreOnFake } from '../fakes/graph/store-on-fake';

class FakeTokenSource implements TokenSource {
  calls: string[] = [];
  oboError: unknown;

  async appOnly(scopes: string[]): Promise<string> {
    this.calls.push(`app:${scopes.join(' ')}`);
    return 'app-token';
  }

  async onBehalfOf(assertion: string, scopes: string[]): Promise<string> {
    this.calls.push(`obo:${assertion}:${scopes.join(' ')}`);
    if (this.oboError) throw this.oboError;
    return `obo-token-for-${assertion}`;
  }
}

describe('Graph authentication provider', () => {
  test("by default always app-only, also inside a request (the server is the lists' only writer)", async () => {
    const provider = createGraphAuthProvider(new FakeTokenSource());
    expect(await runWithRequestContext({ userAssertion: 'sso-1' }, () => provider.getAccessToken())).toBe('app-token');
  });

  test('with onBehalfOf (the SSO token of the request): app-only without a user, on-behalf-of the caller inside a request', async () => {
    const source = new FakeTokenSource();
    const provider = createGraphAuthProvider(source, undefined, { onBehalfOf: currentUserAssertion });
    expect(await provider.getAccessToken()).toBe('app-token');
    expect(await runWithRequestContext({ userAssertion: 'sso-1' }, () => provider.getAccessToken())).toBe('obo-token-for-sso-1');
    expect(await runWithRequestContext({}, () => provider.getAccessToken())).toBe('app-token');
    expect(source.calls).toEqual([
      'app:https://graph.microsoft.com/.default',
      'obo:sso-1:https://graph.microsoft.com/.default',
      'app:https://graph.microsoft.com/.default',
    ]);
  });

  test.each([
    ['interaction_required', new InteractionRequiredAuthError('interaction_required', 'AADSTS65001: consent needed')],
    ['invalid_grant', new ServerError('invalid_grant', 'AADSTS50013: assertion expired')],
  ])('msal %s on OBO becomes ConsentRequiredError', async (code, error) => {
    const source = new FakeTokenSource();
    source.oboError = error;
    const provider = createGraphAuthProvider(source, undefined, { onBehalfOf: currentUserAssertion });
    const thrown = await runWithRequestContext({ userAssertion: 'sso' }, () => provider.getAccessToken()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ConsentRequiredError);
    expect((thrown as ConsentRequiredError).errorCode).toBe(code);
  });

  test('other token failures are not mistaken for consent', async () => {
    const source = new FakeTokenSource();
    source.oboError = new ServerError('invalid_client', 'AADSTS7000215: bad secret');
    const provider = createGraphAuthProvider(source, undefined, { onBehalfOf: currentUserAssertion });
    const thrown = await runWithRequestContext({ userAssertion: 'sso' }, () => provider.getAccessToken()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ServerError);
    expect(thrown).not.toBeInstanceOf(ConsentRequiredError);
  });

  test('ConsentRequiredError reaches the store caller with its type, and the OBO token reaches Graph', async () => {
    const fake = await startGraphFake();
    try {
      const source = new FakeTokenSource();
      const store = await openGraphStoreOnFake(fake, { authProvider: createGraphAuthProvider(source, undefined, { onBehalfOf: currentUserAssertion }) });
      await runWithRequestContext({ userAssertion: 'alice' }, () => store.entries.list());
      expect(fake.stats.authorizations.at(-1)).toBe('Bearer obo-token-for-alice');
      source.oboError = new InteractionRequiredAuthError('consent_required', 'AADSTS65001');
      await expect(runWithRequestContext({ userAssertion: 'bob' }, () => store.entries.list())).rejects.toBeInstanceOf(ConsentRequiredError);
    } finally {
      await fake.close();
    }
  });
});
