import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  deliveryErrorText,
  isTooOldToEmail,
  MAX_EMAIL_ATTEMPTS,
} from '../../src/domains/email/email-delivery.rules.ts';
import { messageEmail } from '../../src/domains/email/message-email.rules.ts';
import { emailDeliveryLine } from '../../src/http/web/listings/messages.presenter.ts';

const AT = new Date('2026-11-22T10:00:00Z');
const minutesAfter = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

describe('when a refused email is tried again', () => {
  it('waits 1, 5, 30 minutes, 2 hours and 12 hours after the first five failed attempts', () => {
    const waits = [1, 2, 3, 4, 5].map((attempts) => afterFailedAttempt(attempts, AT));
    expect(waits).toEqual([1, 5, 30, 120, 720].map((minutes) => ({ status: 'retrying', nextAttemptAt: minutesAfter(minutes) })));
  });

  it('gives up after the sixth attempt fails', () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(6);
    expect(afterFailedAttempt(6, AT)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(7, AT)).toEqual({ status: 'failed' });
  });

  it('never waits less after a later failure than after an earlier one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EMAIL_ATTEMPTS - 2 }), (attempts) => {
        const earlier = afterFailedAttempt(attempts, AT);
        const later = afterFailedAttempt(attempts + 1, AT);
        return earlier.status === 'retrying' && later.status === 'retrying' && later.nextAttemptAt > earlier.nextAttemptAt;
      }),
    );
  });

  it('does not email a message first tried more than 48 hours after it was written', () => {
    expect(isTooOldToEmail(AT, minutesAfter(48 * 60))).toBe(false);
    expect(isTooOldToEmail(AT, minutesAfter(48 * 60 + 1))).toBe(true);
  });

  it('keeps one line of the relay’s answer', () => {
    expect(deliveryErrorText(new Error('Can’t send mail:\n  451 Mailbox busy'))).toBe('Can’t send mail: 451 Mailbox busy');
    expect(deliveryErrorText(new Error('x'.repeat(400)))).toHaveLength(300);
  });
});

describe('the email that says a message is waiting', () => {
  it('names the kind of message and links to sign in, for every kind and organisation name', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.string({ minLength: 1 }), (kind, organisationName) => {
        const email = messageEmail({ kind, organisationName, baseUrl: 'https://aqp.example.nhs.uk' });
        return email.subject.startsWith('New message on AQP about ') && email.text.includes('https://aqp.example.nhs.uk/messages');
      }),
    );
  });

  it('says a referral message is about a referral, and an unknown kind is about the organisation’s work', () => {
    const about = (kind: string | null) => messageEmail({ kind, organisationName: 'Station Road Surgery', baseUrl: 'https://a.example' });
    expect(about('referral').subject).toBe('New message on AQP about a referral');
    expect(about('something-new').subject).toBe('New message on AQP about your organisation’s work on AQP');
  });
});

describe('the email line under a message', () => {
  const delivery = { attempts: 0, lastError: null, nextAttemptAt: null, sentAt: null, to: null };
  it('says nothing before the first try or for messages from before email', () => {
    expect(emailDeliveryLine({ ...delivery, status: 'pending' })).toBeUndefined();
    expect(emailDeliveryLine({ ...delivery, status: null })).toBeUndefined();
  });

  it('says when it was sent and where, or why it failed after how many attempts', () => {
    expect(emailDeliveryLine({ ...delivery, status: 'sent', sentAt: AT, to: 'team@example.nhs.uk' })).toBe(
      'Email: sent 22 November 2026 at 10:00am to team@example.nhs.uk',
    );
    expect(emailDeliveryLine({ ...delivery, status: 'failed', attempts: 6, lastError: '550 No such user' })).toBe(
      'Email: failed after 6 attempts: 550 No such user',
    );
  });
});
