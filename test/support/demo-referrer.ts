/** A test app over the demo seed where the demo practice (B84001) refers through the API: real postcodes placed and a referrer API key of the practice. */
import { placePostcodes, tokenFor } from './referral-rows.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** The app and the practice referrer's API key, for tests that create referrals as a GP practice's system would. */
export async function demoPracticeReferrer(): Promise<{ t: TestApp; token: string }> {
  const t = await createTestApp({ seed: 'demo' });
  await placePostcodes(t.deps);
  const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
  return { t, token: await tokenFor(t.deps, practice.id, 'referrer') };
}
