import { describe, expect, it } from 'vitest';
import { CANCEL_REASONS, RETURN_REASON_CODES, RETURN_REASONS, reasonErrors } from '../../src/domains/referrals/referral-reasons.rules.ts';
import {
  canMoveReferral,
  isInTreatment,
  pathwayEndsOn,
  reachesSessionCap,
  REFERRAL_STATUSES,
} from '../../src/domains/referrals/referral-status.rules.ts';
import { contactErrors } from '../../src/domains/referrals/referral-session.service.ts';
import { referrerAttentionFor, workingDaysOverdue } from '../../src/domains/referrals/worklist.service.ts';

describe('referral status transitions', () => {
  it('lets a provider accept or return only a sent referral', () => {
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'accepted'))).toEqual(['sent']);
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'returned'))).toEqual(['sent']);
  });

  it('resends only a returned referral (the referrer’s reply) and lets a choice be taken back only before the provider accepts', () => {
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'sent'))).toEqual(['awaiting-choice', 'returned']);
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'awaiting-choice'))).toEqual(['sent']);
  });

  it('discharges or closes the episode only while the patient is in treatment', () => {
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'discharged'))).toEqual(['accepted']);
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'episode-closed'))).toEqual(['accepted']);
    expect(REFERRAL_STATUSES.filter(isInTreatment)).toEqual(['accepted']);
  });

  it('lets the referrer cancel any referral that has not finished, and nothing leaves a finished one', () => {
    expect(REFERRAL_STATUSES.filter((status) => canMoveReferral(status, 'cancelled'))).toEqual([
      'awaiting-choice',
      'sent',
      'accepted',
      'returned',
    ]);
    for (const finished of ['discharged', 'episode-closed', 'cancelled'] as const)
      expect(REFERRAL_STATUSES.filter((to) => canMoveReferral(finished, to))).toEqual([]);
  });
});

describe('session cap', () => {
  it('closes a back-and-neck-pain episode (cap 8) at the 8th attended session, not the 7th', () => {
    expect(reachesSessionCap(7, 8)).toBe(false);
    expect(reachesSessionCap(8, 8)).toBe(true);
  });

  it('never closes an episode on count when the pack sets no cap', () => {
    expect(reachesSessionCap(500, undefined)).toBe(false);
  });

  it('needs the attendance of a session but not of an appointment', () => {
    expect(contactErrors({ kind: 'session' }, '2027-03-02')).toEqual([expect.objectContaining({ field: 'attendance' })]);
    expect(contactErrors({ kind: 'appointment', scheduledFor: '2027-03-02T09:30:00Z' }, '2027-03-01')).toEqual([]);
    expect(contactErrors({ kind: 'appointment', scheduledFor: 'next Tuesday' }, '2027-03-01')).toEqual([
      expect.objectContaining({ field: 'scheduledFor' }),
    ]);
  });

  it('refuses a session dated after today (in England) but takes an appointment then', () => {
    expect(contactErrors({ kind: 'session', attendance: 'attended', scheduledFor: '2027-03-02T09:30:00Z' }, '2027-03-01')).toEqual([
      expect.objectContaining({ field: 'scheduledFor' }),
    ]);
    expect(contactErrors({ kind: 'session', attendance: 'attended', scheduledFor: '2027-03-01T23:30:00Z' }, '2027-03-01')).toEqual([]);
  });
});

describe('reason codes', () => {
  it('lists the five return reasons with labels', () => {
    expect(RETURN_REASON_CODES).toEqual([
      'FURTHER_INFORMATION_REQUIRED',
      'OUTSIDE_CRITERIA',
      'SERVICE_INAPPROPRIATE',
      'SERVICE_PREREQUISITES_NOT_COMPLETE',
      'OTHER',
    ]);
    expect(RETURN_REASONS.OUTSIDE_CRITERIA.label).toBe('Outside the referral criteria');
  });

  it('requires a comment for FURTHER_INFORMATION_REQUIRED and OTHER returns, and for no other return code', () => {
    expect(RETURN_REASON_CODES.filter((code) => reasonErrors(RETURN_REASONS, code, ' ').length > 0)).toEqual([
      'FURTHER_INFORMATION_REQUIRED',
      'OTHER',
    ]);
    expect(reasonErrors(RETURN_REASONS, 'OTHER', 'Patient moved away')).toEqual([]);
  });

  it('requires a comment only for an OTHER cancellation', () => {
    expect(Object.keys(CANCEL_REASONS).filter((code) => reasonErrors(CANCEL_REASONS, code, undefined).length > 0)).toEqual(['OTHER']);
  });

  it('refuses a code not on the list, including inherited property names', () => {
    expect(reasonErrors(RETURN_REASONS, 'NOT_A_CODE', 'x')).toEqual([expect.objectContaining({ field: 'reasonCode' })]);
    expect(reasonErrors(CANCEL_REASONS, 'toString', 'x')).toEqual([expect.objectContaining({ field: 'reasonCode' })]);
  });

  it('refuses an over-long comment', () => {
    expect(reasonErrors(CANCEL_REASONS, 'OTHER', 'x'.repeat(2001))).toEqual([expect.objectContaining({ field: 'comment' })]);
  });
});

describe('referrer worklist attention', () => {
  it('counts a sent referral overdue only once today is past its accept-by date', () => {
    expect(referrerAttentionFor('sent', '2027-03-08', '2027-03-08')).toBeUndefined();
    expect(referrerAttentionFor('sent', '2027-03-08', '2027-03-09')).toBe('overdue');
    expect(referrerAttentionFor('accepted', '2027-03-08', '2027-04-01')).toBeUndefined();
    expect(referrerAttentionFor('returned', null, '2027-03-08')).toBe('returned');
  });

  it('counts working days overdue without weekends or English bank holidays (Good Friday and Easter Monday 2027)', () => {
    expect(workingDaysOverdue('2027-03-25', '2027-03-30')).toBe(1);
    expect(workingDaysOverdue('2027-03-25', '2027-03-31')).toBe(2);
    expect(workingDaysOverdue('2027-03-25', '2027-03-25')).toBe(0);
  });
});

describe('pathway length', () => {
  it('ends a 3-year hearing pathway three years after acceptance, and a leap-day acceptance on 28 February', () => {
    expect(pathwayEndsOn('2026-12-01', 3)).toBe('2029-12-01');
    expect(pathwayEndsOn('2028-02-29', 3)).toBe('2031-02-28');
    expect(pathwayEndsOn('2028-02-29', 4)).toBe('2032-02-29');
  });
});
