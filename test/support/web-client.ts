/** A small browser stand-in over app.inject: keeps cookies, reads CSRF tokens and submits forms. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';

export class WebClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  async get(url: string, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers = { ...this.headers(), ...extraHeaders };
    return this.remember(await this.app.inject({ method: 'GET', url, headers, remoteAddress: this.remoteAddress }));
  }

  /** Posts a urlencoded form as a browser would, same-origin; pairs allow a repeated field (checkboxes). */
  async post(
    url: string,
    form: Record<string, string> | [string, string][],
    extraHeaders: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          ...this.headers(),
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
          ...extraHeaders,
        },
        payload: new URLSearchParams(form).toString(),
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Posts an already-encoded urlencoded body, for forms whose bytes a browser would not send (broken percent-escapes). */
  async postEncoded(url: string, payload: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        payload,
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Loads a page and posts its form with the page's CSRF token, as a person filling it in would. */
  async submit(pageUrl: string, form: Record<string, string>, actionUrl = pageUrl): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    return this.post(actionUrl, { _csrf: csrfTokenIn(page.body), ...form });
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    return this.submit('/sign-in', { email, password });
  }

  get hasSessionCookie(): boolean {
    return this.cookies.has('aqp_session');
  }

  private headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
}

/** Signs in as a demo person and creates an API key on the API keys page, as that person would; returns the token shown once. */
export async function apiKeyFor(app: FastifyInstance, email: string, role: string, name = `${role} tools`): Promise<string> {
  const client = new WebClient(app);
  await client.signIn(email);
  const created = await client.submit('/api-keys', { name, role });
  const token = /id="api-key-token">([^<]+)</.exec(created.body)?.[1];
  if (!token) throw new Error(`No API key was shown to ${email} for the role ${role}`);
  return token;
}

/** The value of the first `_csrf` hidden field on a page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1]!;
}
