/** This service as an OpenID Connect relying party (openid-client): the authorization code flow with PKCE, state and nonce, and the claims of the ID token and userinfo once the provider sends the person back. */
import * as oidc from 'openid-client';
import type { OidcClientConfig } from '../../../config/oidc-config.ts';

/** What the session keeps between sending a person to the provider and their return: the checks the answer must pass. */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface RelyingParty {
  issuer: string;
  /** The provider's sign-in address for a new attempt, with the checks to keep for its return. */
  start(parameters: Record<string, string>): Promise<{ url: string; pending: PendingAuthorization }>;
  /** The claims of the ID token merged over userinfo's, once the answer (the callback's query) passes every check. */
  finish(query: string, pending: PendingAuthorization): Promise<Record<string, unknown>>;
}

/** A relying party for one provider; discovery happens on first use and is retried after a failure. */
export function relyingParty(config: OidcClientConfig, scope: string): RelyingParty {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= discover(config).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return {
    issuer: config.issuer,
    async start(parameters) {
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
        ...parameters,
      });
      return { url: url.href, pending };
    },
    async finish(query, pending) {
      const answer = new URL(config.redirectUri);
      answer.search = query;
      const tokens = await oidc.authorizationCodeGrant(await configuration(), answer, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      const userinfo = await oidc.fetchUserInfo(await configuration(), tokens.access_token, idToken.sub);
      return { ...userinfo, ...idToken };
    },
  };
}

/** Reads the provider's metadata; plain http is allowed only for a provider on this machine (the config refuses it elsewhere). */
function discover(config: OidcClientConfig): Promise<oidc.Configuration> {
  const issuer = new URL(config.issuer);
  const insecure = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {};
  return oidc.discovery(issuer, config.clientId, config.clientSecret, undefined, { ...insecure, timeout: 10 });
}
