/** Signed-in web sessions for page benchmarks: any account, or a new referrer at a practice, signed in over HTTP as a browser would. */
import type { Deps } from '../src/domains/deps.ts';
import { hashPassword } from '../src/domains/identity/password.ts';
import { insertMembership, insertUser } from '../src/domains/identity/user.repo.ts';

const PASSWORD = 'choice-list-benchmark-password';

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Signs an account in on the sign-in page with its CSRF token, as a browser would, and returns the session cookie header. */
export async function sessionCookie(base: string, email: string, password: string): Promise<string> {
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
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  const cookie = cookiesOf(signedIn);
  if (signedIn.status !== 303 || !cookie.includes('aqp_session='))
    throw new Error(`Signing in as ${email} failed with HTTP ${signedIn.status}`);
  return cookie;
}

/** Creates a referrer at the practice, signs in and returns the session cookie header. */
export async function referrerSessionCookie(deps: Deps, base: string, practiceId: string): Promise<string> {
  const email = `choice-list-bench-${practiceId.slice(0, 8)}@example.nhs.uk`;
  const userId = await insertUser(deps.db, { email, displayName: 'Benchmark Referrer', passwordHash: await hashPassword(PASSWORD) });
  await insertMembership(deps.db, { userId, organisationId: practiceId, role: 'referrer' });
  return sessionCookie(base, email, PASSWORD);
}
