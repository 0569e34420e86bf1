import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { MAX_DOCUMENT_BYTES, safeFileName, sniffDocumentType, uploadRefusal } from '../../src/domains/providers/document-type.rules.ts';
import { evidenceFieldErrors } from '../../src/domains/providers/evidence-input.rules.ts';
import {
  hashInvitationToken,
  invitationExpiry,
  invitationState,
  newInvitationToken,
} from '../../src/domains/providers/invitation.rules.ts';
import { checkOpeningTimes, normaliseTime } from '../../src/domains/providers/opening-times.rules.ts';
import { checkProfile } from '../../src/domains/providers/provider-profile.rules.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('document type sniffing', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffDocumentType(tinyPdf('x'))).toBe('application/pdf');
    expect(sniffDocumentType(bytes(...PNG, 0, 0))).toBe('image/png');
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses HTML, executables, GIFs and truncated signatures whatever the file is called', () => {
    for (const content of [
      new TextEncoder().encode('<html>'),
      bytes(0x4d, 0x5a, 0x90),
      new TextEncoder().encode('GIF89a'),
      bytes(0x89, 0x50, 0x4e),
      bytes(0x25, 0x50, 0x44, 0x46),
    ]) {
      expect(uploadRefusal({ fileName: 'evidence.pdf', content, truncated: false })).toBe('The file must be a PDF, PNG or JPEG');
    }
  });

  it('accepts nothing that does not start with an allowed signature (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (content) => {
        const type = sniffDocumentType(content);
        const starts = (signature: number[]) => signature.every((byte, index) => content[index] === byte);
        expect(type !== undefined).toBe(starts([0x25, 0x50, 0x44, 0x46, 0x2d]) || starts(PNG) || starts([0xff, 0xd8, 0xff]));
      }),
    );
  });

  it('refuses a file cut short at the size limit, one over it and an empty one', () => {
    expect(uploadRefusal({ fileName: 'a.pdf', content: tinyPdf('x'), truncated: true })).toBe('The file must be smaller than 10 MB');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(tinyPdf('x'));
    expect(uploadRefusal({ fileName: 'a.pdf', content: big, truncated: false })).toBe('The file must be smaller than 10 MB');
    expect(uploadRefusal({ fileName: 'a.pdf', content: new Uint8Array(0), truncated: false })).toBe('The selected file is empty');
    expect(uploadRefusal({ fileName: 'a.pdf', content: tinyPdf('x'), truncated: false })).toBeUndefined();
  });

  it('keeps only a harmless base name for the download header', () => {
    expect(safeFileName('C:\\Users\\me\\policy "final".pdf')).toBe('policy _final_.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('résumé\r\n.pdf')).toBe('r_sum___.pdf');
    expect(safeFileName('...')).toBe('document');
  });
});

describe('opening times', () => {
  it('reads 24-hour times written with a colon or a dot, with or without a leading zero', () => {
    expect(normaliseTime('9:00')).toBe('09:00');
    expect(normaliseTime('17.30')).toBe('17:30');
    expect(normaliseTime('24:00')).toBeUndefined();
    expect(normaliseTime('9am')).toBeUndefined();
  });

  it('treats a day with neither time as closed and keeps open days in weekday order', () => {
    const { hours, errors } = checkOpeningTimes([
      { day: 'saturday', opens: '10:00', closes: '13:00' },
      { day: 'monday', opens: '09:00', closes: '17:00' },
      { day: 'sunday', opens: '', closes: '' },
    ]);
    expect(errors).toEqual([]);
    expect(hours.map((entry) => entry.day)).toEqual(['monday', 'saturday']);
  });

  it('refuses half-given days, closing before opening, a day given twice and a day that does not exist', () => {
    const { errors } = checkOpeningTimes([
      { day: 'monday', opens: '09:00', closes: '' },
      { day: 'tuesday', opens: '17:00', closes: '17:00' },
      { day: 'friday', opens: '09:00', closes: '12:00' },
      { day: 'friday', opens: '13:00', closes: '17:00' },
      { day: 'funday', opens: '09:00', closes: '10:00' },
    ]);
    expect(errors.map((error) => error.field)).toEqual([
      'openingTimes-monday-closes',
      'openingTimes-tuesday-closes',
      'openingTimes-friday-opens',
      'openingTimes',
    ]);
  });
});

describe('evidence and profile fields', () => {
  const base = { reference: '', cqcStatus: '', expiresOn: null, hasDocument: false, declaresTurnoverUnder10m: false };

  it('needs a CQC provider ID and status but no expiry for CQC registration', () => {
    expect(evidenceFieldErrors({ ...base, kind: 'cqc-registration', hasDocument: true }, '2027-01-01').map((error) => error.field)).toEqual(
      ['reference', 'cqcStatus'],
    );
    expect(
      evidenceFieldErrors(
        { ...base, kind: 'cqc-registration', reference: '1-1', cqcStatus: 'registered', hasDocument: true },
        '2027-01-01',
      ),
    ).toEqual([]);
  });

  it('takes a Monitor exemption on the declaration alone', () => {
    expect(evidenceFieldErrors({ ...base, kind: 'monitor-exemption' }, '2027-01-01').map((error) => error.field)).toEqual(['declaration']);
    expect(evidenceFieldErrors({ ...base, kind: 'monitor-exemption', declaresTurnoverUnder10m: true }, '2027-01-01')).toEqual([]);
  });

  it('needs an independent provider’s Companies House number and a voluntary body’s charity or company number', () => {
    const profile = {
      name: 'X',
      providerType: 'independent',
      companiesHouseNumber: '',
      charityNumber: '',
      website: '',
      phone: '',
      email: 'a@b.example',
      description: '',
    };
    expect(checkProfile(profile).errors.map((error) => error.field)).toEqual(['companiesHouseNumber']);
    expect(checkProfile({ ...profile, providerType: 'voluntary', charityNumber: 'SC012345' }).errors).toEqual([]);
    expect(checkProfile({ ...profile, providerType: 'nhs-trust' }).errors).toEqual([]);
  });
});

describe('invitation tokens', () => {
  it('makes a different URL-safe token each time and stores only its hash', () => {
    const first = newInvitationToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.tokenHash).toBe(hashInvitationToken(first.token));
    expect(first.tokenHash).not.toContain(first.token);
    expect(newInvitationToken().token).not.toBe(first.token);
  });

  it('expires seven days after it is made, and a used or withdrawn invitation stays so', () => {
    const made = new Date('2027-01-01T12:00:00Z');
    const invitation = { acceptedAt: null, revokedAt: null, expiresAt: invitationExpiry(made) };
    expect(invitationState(invitation, new Date('2027-01-08T11:59:59Z'))).toBe('open');
    expect(invitationState(invitation, new Date('2027-01-08T12:00:00Z'))).toBe('expired');
    expect(invitationState({ ...invitation, acceptedAt: made }, new Date('2027-02-01'))).toBe('accepted');
    expect(invitationState({ ...invitation, revokedAt: made }, made)).toBe('revoked');
  });
});
