import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { accessCodeKeyId } from '../../src/domains/referrals/access-code-hash.ts';
import { verifyPatientAccess } from '../../src/domains/referrals/patient-access.service.ts';
import { aHearingReferral, nhsNumberFrom } from '../support/referral-rows.ts';
import { demoPracticeReferrer } from '../support/demo-referrer.ts';
import { TEST_ACCESS_CODE_KEYS, type TestApp } from '../support/test-app.ts';

const BORN = '1950-07-04';
const NEW_KEY = 'the-key-this-deployment-rotated-to-at-least-32-characters';

describe('how a referral’s access code is kept (decision 0074)', () => {
  let t: TestApp;
  let token: string;
  let nhsCounter = 100;

  const aReferral = async (): Promise<{ ubrn: string; accessCode: string }> => {
    const body = aHearingReferral({ dateOfBirth: BORN, nhsNumber: nhsNumberFrom(`401028${++nhsCounter}`) });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const keptFor = async (ubrn: string) =>
    (await t.deps.db.selectFrom('referrals').select('access_code_hash').where('ubrn', '=', ubrn).executeTakeFirstOrThrow())
      .access_code_hash;
  const patient = (address: string) => ({ principal: null, clientAddress: address });

  beforeAll(async () => {
    ({ t, token } = await demoPracticeReferrer());
  });
  afterAll(() => t.close());

  it('keeps a new referral’s code as an HMAC under the configured key, naming the key and holding neither the code nor the key', async () => {
    const { ubrn, accessCode } = await aReferral();

    const kept = await keptFor(ubrn);

    expect(kept).toMatch(new RegExp(`^\\$hmac-sha256\\$k=${accessCodeKeyId(TEST_ACCESS_CODE_KEYS.current)}\\$`));
    expect(kept).not.toContain(accessCode.replace('-', ''));
    expect(kept).not.toContain(TEST_ACCESS_CODE_KEYS.current);
    await expect(verifyPatientAccess(t.deps, patient('203.0.113.60'), { reference: ubrn, accessCode, dateOfBirth: BORN })).resolves.toBe(
      ubrn,
    );
    await expect(
      verifyPatientAccess(t.deps, patient('203.0.113.60'), { reference: ubrn, accessCode: 'AAAA-AAAA', dateOfBirth: BORN }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
  });

  it('lets a patient in with a code kept with argon2id before the key, and keeps it under the key from then on', async () => {
    const { ubrn } = await aReferral();
    await t.deps.db
      .updateTable('referrals')
      .set({ access_code_hash: await hashPassword('CDEF7777') })
      .where('ubrn', '=', ubrn)
      .execute();

    await expect(
      verifyPatientAccess(t.deps, patient('203.0.113.61'), { reference: ubrn, accessCode: 'cdef-7777', dateOfBirth: BORN }),
    ).resolves.toBe(ubrn);

    expect(await keptFor(ubrn)).toMatch(/^\$hmac-sha256\$/);
    await expect(
      verifyPatientAccess(t.deps, patient('203.0.113.61'), { reference: ubrn, accessCode: 'CDEF-7777', dateOfBirth: BORN }),
    ).resolves.toBe(ubrn);
  });

  it('after the key is rotated, lets a patient in with a code kept under the previous key and moves it to the new one', async () => {
    const { ubrn, accessCode } = await aReferral();
    const rotated = { ...t.deps, accessCodeKeys: { current: NEW_KEY, previous: TEST_ACCESS_CODE_KEYS.current } };

    await expect(verifyPatientAccess(rotated, patient('203.0.113.62'), { reference: ubrn, accessCode, dateOfBirth: BORN })).resolves.toBe(
      ubrn,
    );

    expect(await keptFor(ubrn)).toMatch(new RegExp(`^\\$hmac-sha256\\$k=${accessCodeKeyId(NEW_KEY)}\\$`));
    const newKeyOnly = { ...t.deps, accessCodeKeys: { current: NEW_KEY } };
    await expect(
      verifyPatientAccess(newKeyOnly, patient('203.0.113.62'), { reference: ubrn, accessCode, dateOfBirth: BORN }),
    ).resolves.toBe(ubrn);
  });
});
