import { describe, expect, it } from 'vitest';
import {
  type CurrentEvidence,
  EVIDENCE_KINDS,
  type EvidenceKind,
  isAssuranceComplete,
  isAssuranceValid,
  summariseEvidence,
} from '../../src/domains/providers/evidence-kinds.rules.ts';

const TODAY = '2027-06-01';

function evidence(kind: EvidenceKind, overrides: Partial<CurrentEvidence> = {}): CurrentEvidence {
  return {
    id: `id-${kind}`,
    kind,
    verificationStatus: 'verified',
    expiresOn: '2028-06-01',
    cqcStatus: kind === 'cqc-registration' ? 'registered' : null,
    ...overrides,
  };
}

function summary(rows: CurrentEvidence[], today = TODAY) {
  return EVIDENCE_KINDS.map((kind) =>
    summariseEvidence(
      kind,
      rows.find((row) => row.kind === kind),
      today,
    ),
  );
}

/** A provider holds CQC registration or, where it does not apply, another professional registration: never both. */
const allButMonitor = EVIDENCE_KINDS.filter((kind) => !kind.startsWith('monitor-') && kind !== 'cqc-not-applicable').map((kind) =>
  evidence(kind),
);

describe('an evidence item', () => {
  it('is missing, with no expiry, when the provider has recorded nothing of its kind', () => {
    expect(summariseEvidence('safeguarding', undefined, TODAY)).toMatchObject({
      state: 'missing',
      expiresOn: null,
      expired: false,
      dueWithinDays: null,
      evidenceId: null,
    });
  });

  it('is due in 20 days when it expires 20 days from today, and not yet expired', () => {
    expect(summariseEvidence('indemnity-insurance', evidence('indemnity-insurance', { expiresOn: '2027-06-21' }), TODAY)).toMatchObject({
      expired: false,
      dueWithinDays: 20,
    });
  });

  it('is still valid on its expiry date and expired the day after', () => {
    expect(summariseEvidence('safeguarding', evidence('safeguarding', { expiresOn: TODAY }), TODAY)).toMatchObject({
      expired: false,
      dueWithinDays: 0,
    });
    expect(summariseEvidence('safeguarding', evidence('safeguarding', { expiresOn: '2027-05-31' }), TODAY)).toMatchObject({
      expired: true,
      dueWithinDays: null,
    });
  });

  it('counts days across a leap day and a clock change', () => {
    expect(summariseEvidence('safeguarding', evidence('safeguarding', { expiresOn: '2028-03-01' }), '2028-02-28').dueWithinDays).toBe(2);
    expect(summariseEvidence('safeguarding', evidence('safeguarding', { expiresOn: '2027-03-29' }), '2027-03-27').dueWithinDays).toBe(2);
  });
});

describe('complete assurance', () => {
  it('counts a Monitor licence or a recorded exemption as the one Monitor requirement', () => {
    expect(isAssuranceComplete(summary([...allButMonitor, evidence('monitor-licence')]), TODAY)).toBe(true);
    expect(isAssuranceComplete(summary([...allButMonitor, evidence('monitor-exemption', { expiresOn: null })]), TODAY)).toBe(true);
  });

  it('is incomplete without either a Monitor licence or an exemption from April 2014', () => {
    expect(isAssuranceComplete(summary(allButMonitor), TODAY)).toBe(false);
    expect(isAssuranceComplete(summary(allButMonitor, '2014-04-01'), '2014-04-01')).toBe(false);
  });

  it('needs no Monitor licence before licensing began on 1 April 2014', () => {
    expect(isAssuranceComplete(summary(allButMonitor, '2014-03-31'), '2014-03-31')).toBe(true);
  });

  it('counts pending evidence as present but rejected evidence as needing replacement', () => {
    const pending = [
      ...allButMonitor.filter((row) => row.kind !== 'safeguarding'),
      evidence('monitor-licence'),
      evidence('safeguarding', { verificationStatus: 'pending' }),
    ];
    expect(isAssuranceComplete(summary(pending), TODAY)).toBe(true);
    expect(isAssuranceValid(summary(pending), TODAY)).toBe(false);
    const rejected = pending.map((row) => (row.kind === 'safeguarding' ? { ...row, verificationStatus: 'rejected' } : row));
    expect(isAssuranceComplete(summary(rejected), TODAY)).toBe(false);
  });

  it('is valid only while everything is verified, unexpired and the provider is CQC registered', () => {
    const full = [...allButMonitor, evidence('monitor-licence')];
    expect(isAssuranceValid(summary(full), TODAY)).toBe(true);
    const expired = full.map((row) => (row.kind === 'indemnity-insurance' ? { ...row, expiresOn: '2027-05-31' } : row));
    expect(isAssuranceValid(summary(expired), TODAY)).toBe(false);
    const cancelled = full.map((row) => (row.kind === 'cqc-registration' ? { ...row, cqcStatus: 'registration-cancelled' } : row));
    expect(isAssuranceValid(summary(cancelled), TODAY)).toBe(false);
  });

  it('meets the CQC requirement with a verified professional registration where CQC registration does not apply', () => {
    const notApplicable = [
      ...allButMonitor.filter((row) => row.kind !== 'cqc-registration'),
      evidence('monitor-licence'),
      evidence('cqc-not-applicable', { expiresOn: null }),
    ];
    expect(isAssuranceValid(summary(notApplicable), TODAY)).toBe(true);
    expect(
      isAssuranceValid(
        summary(notApplicable.map((row) => (row.kind === 'cqc-not-applicable' ? { ...row, verificationStatus: 'pending' } : row))),
        TODAY,
      ),
    ).toBe(false);
    expect(
      isAssuranceValid(
        summary(notApplicable.map((row) => (row.kind === 'cqc-not-applicable' ? { ...row, expiresOn: '2027-05-31' } : row))),
        TODAY,
      ),
    ).toBe(false);
  });
});
