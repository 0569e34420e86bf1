/** The OpenID Connect relying parties read from the environment: NHS CIS2 for staff and NHS login for patients, each off unless all four settings are given (decision 0065). */

/** One identity provider this service signs people in through. */
export interface OidcClientConfig {
  /** The issuer URL; its `/.well-known/openid-configuration` is read on first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back; its path must be this service's callback for that provider. */
  redirectUri: string;
}

/** The callback path each provider must redirect to, fixed by the routes. */
export const OIDC_CALLBACK_PATHS = { cis2: '/sign-in/cis2/callback', nhsLogin: '/referral-status/nhs-login/callback' } as const;

type Provider = keyof typeof OIDC_CALLBACK_PATHS;
const PREFIXES: Record<Provider, string> = { cis2: 'AQP_CIS2', nhsLogin: 'AQP_NHS_LOGIN' };
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** The provider's settings, undefined when none is set; some but not all, or a bad address, stops start-up with `fail`'s error. */
export function oidcClientFrom(provider: Provider, env: NodeJS.ProcessEnv, fail: (message: string) => Error): OidcClientConfig | undefined {
  const prefix = PREFIXES[provider];
  const names = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI'].map((name) => `${prefix}_${name}`);
  const values = names.map((name) => env[name]?.trim() || undefined);
  if (values.every((value) => value === undefined)) return undefined;
  const missing = names.filter((_, index) => values[index] === undefined);
  if (missing.length) throw fail(`${missing.join(', ')} must also be set to sign in through ${prefix}_ISSUER (or unset them all).`);
  const [issuer, clientId, clientSecret, redirectUri] = values as string[];
  checkAddress(`${prefix}_ISSUER`, issuer!, fail);
  const redirect = checkAddress(`${prefix}_REDIRECT_URI`, redirectUri!, fail);
  if (redirect.pathname !== OIDC_CALLBACK_PATHS[provider] || redirect.search)
    throw fail(`${prefix}_REDIRECT_URI must end in ${OIDC_CALLBACK_PATHS[provider]}, not "${redirectUri}".`);
  return { issuer: issuer!, clientId: clientId!, clientSecret: clientSecret!, redirectUri: redirect.href };
}

/** An https address, or http on this machine only (a test identity provider). */
function checkAddress(name: string, text: string, fail: (message: string) => Error): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const allowed = url && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname)));
  if (!url || !allowed || url.hash || url.username)
    throw fail(`${name} must be an https address (http only on this machine), not "${text}".`);
  return url;
}
