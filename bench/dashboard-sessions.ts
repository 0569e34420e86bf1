/** Signed-in sessions of the demo commissioner, provider and national users, for measuring the dashboards as they see them. */
import { DEMO_PASSWORD } from '../src/demo/region.demo-seed.ts';

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Signs a demo account in on the sign-in page with its CSRF token and returns the session cookie header. */
export async function demoSessionCookie(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error('The sign-in page has no CSRF token');
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: cookiesOf(page),
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      origin: base,
    },
    body: new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD }).toString(),
  });
  const cookie = cookiesOf(signedIn);
  if (signedIn.status !== 303 || !cookie.includes('aqp_session='))
    throw new Error(`Signing in as ${email} failed with HTTP ${signedIn.status}`);
  return cookie;
}
