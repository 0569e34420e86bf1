import { describe, expect, it } from 'vitest';
import { verifiedPatientFrom } from '../../src/domains/referrals/nhs-login.rules.ts';

const P9 = { sub: 'nhs-login-1', identity_proofing_level: 'P9', nhs_number: '9434765919', birthdate: '1950-05-17' };

describe('who NHS login proves a patient to be (decision 0065)', () => {
  it('trusts the NHS number and date of birth at P9', () => {
    expect(verifiedPatientFrom(P9)).toEqual({
      ok: true,
      patient: { subject: 'nhs-login-1', nhsNumber: '9434765919', dateOfBirth: '1950-05-17' },
    });
  });

  it('refuses identity proved to P5 or not at all', () => {
    expect(verifiedPatientFrom({ ...P9, identity_proofing_level: 'P5' })).toEqual({ ok: false, reason: 'below-p9' });
    expect(verifiedPatientFrom({ ...P9, identity_proofing_level: undefined })).toEqual({ ok: false, reason: 'below-p9' });
  });

  it('refuses an NHS number failing its check digit, or a date of birth that is not a date', () => {
    expect(verifiedPatientFrom({ ...P9, nhs_number: '9434765910' })).toEqual({ ok: false, reason: 'incomplete' });
    expect(verifiedPatientFrom({ ...P9, birthdate: '1950-02-30' })).toEqual({ ok: false, reason: 'incomplete' });
    expect(verifiedPatientFrom({ ...P9, birthdate: undefined })).toEqual({ ok: false, reason: 'incomplete' });
  });
});
