/**
 * A real OpenID Connect provider (oidc-provider 9) on a loopback port, for tests of signing in through NHS CIS2 and NHS
 * login: accounts with the claims a test gives, one confidential client registered with the test's redirect URIs, its own
 * sign-in form (any password) and consent granted for that client, so a browser or `signInThrough` only types the login.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOidc } from 'oidc-provider';

/** The claims each scope releases, as CIS2 gives them (brief §E1). */
export const CIS2_SCOPE_CLAIMS: Record<string, string[]> = {
  profile: ['name', 'family_name', 'given_name', 'uid'],
  email: ['email'],
  nhsperson: ['nhsid_useruid', 'title', 'idassurancelevel', 'display_name'],
  nationalrbacaccess: ['nhsid_nrbac_roles'],
  associatedorgs: ['nhsid_user_orgs'],
  selectedrole: ['selected_roleid'],
};

/** The claims each scope releases, as NHS login gives them (brief §E2). */
export const NHS_LOGIN_SCOPE_CLAIMS: Record<string, string[]> = {
  profile: ['nhs_number', 'family_name', 'birthdate', 'identity_proofing_level', 'vot'],
};

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by login; a test may add more before signing in. */
  accounts: Map<string, Record<string, unknown>>;
  /** The environment that turns this provider on for AQP, under the given prefix (`AQP_CIS2` or `AQP_NHS_LOGIN`). */
  envFor(prefix: string, redirectUri: string): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the provider on a free loopback port with these scopes' claims, accounts and redirect URIs. */
export async function startIdentityProvider(options: {
  scopeClaims: Record<string, string[]>;
  accounts: Record<string, Record<string, unknown>>;
  redirectUris: string[];
}): Promise<TestIdentityProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(Object.entries(options.accounts));
  const client = { clientId: 'aqp-test-client', clientSecret: 'aqp-test-client-secret-long-enough-for-hs256-use' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: options.redirectUris,
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: ['openid', ...Object.keys(options.scopeClaims)],
    claims: { openid: ['sub'], ...options.scopeClaims },
    acrValues: ['AAL3_ANY', 'AAL2_OR_AAL3_ANY'],
    extraParams: ['vtr'],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    cookies: { keys: ['test-identity-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_context: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    loadExistingGrant: grantEverythingAsked,
  });
  server.on('request', provider.callback());
  return {
    issuer,
    ...client,
    accounts,
    envFor: (prefix, redirectUri) => ({
      [`${prefix}_ISSUER`]: issuer,
      [`${prefix}_CLIENT_ID`]: client.clientId,
      [`${prefix}_CLIENT_SECRET`]: client.clientSecret,
      [`${prefix}_REDIRECT_URI`]: redirectUri,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** First-party consent: the test client gets every scope it asks for without a consent page. */
async function grantEverythingAsked(context: KoaContextWithOidc) {
  const { oidc } = context;
  const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
  grant.addOIDCScope(String(oidc.params.scope ?? 'openid'));
  await grant.save();
  return grant;
}

/**
 * Signs in at the provider as a person would without a browser: follows the authorization URL's redirects with a cookie jar,
 * posts the login to the provider's sign-in form, and returns the redirect back to the relying party (its callback URL).
 */
export async function signInThrough(provider: TestIdentityProvider, authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      ...(body ? { body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    body = undefined;
    if (location) {
      url = new URL(location, url);
      if (!url.href.startsWith(provider.issuer)) return url;
      continue;
    }
    if (response.status !== 200) throw new Error(`the identity provider answered ${response.status}: ${await response.text()}`);
    await response.text();
    body = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('the identity provider never sent the browser back');
}
