/** Multipart uploads in tests: a body built by hand (as a browser sends it), and a signed-in page client that can post one. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { csrfTokenIn } from './web-client.ts';

export interface FilePart {
  field: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/** A multipart/form-data body with text fields and at most one file, and its content type with the boundary. */
export function multipartBody(fields: Record<string, string>, file?: FilePart): { payload: Buffer; contentType: string } {
  const boundary = `----aqp-test-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(file.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A signed-in person who loads a page and posts its form with a file, keeping the session cookie. */
export class UploadingClient {
  private cookie = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    const page = await this.get('/sign-in');
    const response = await this.send('POST', '/sign-in', {
      payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), email, password }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    if (response.statusCode !== 303) throw new Error(`Sign-in failed for ${email}: ${response.statusCode}`);
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.send('GET', url);
  }

  /** Posts the page's form as multipart with its CSRF token, the fields and the file. */
  async upload(pageUrl: string, fields: Record<string, string>, file?: FilePart): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    return this.send('POST', pageUrl, multipartBody({ _csrf: csrfTokenIn(page.body), ...fields }, file));
  }

  /** Posts a multipart body as it is, without adding the page's CSRF token (to prove forged posts are refused). */
  post(url: string, body: { payload: Buffer; contentType: string }): Promise<LightMyRequestResponse> {
    return this.send('POST', url, body);
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    body?: { payload: string | Buffer; contentType: string },
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      'sec-fetch-site': 'same-origin',
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(body ? { 'content-type': body.contentType } : {}),
    };
    const response = await this.app.inject({ method, url, headers, payload: body?.payload, remoteAddress: this.remoteAddress });
    const session = (response.cookies as { name: string; value: string }[]).find((cookie) => cookie.name === 'aqp_session');
    if (session) this.cookie = `aqp_session=${session.value}`;
    return response;
  }
}
