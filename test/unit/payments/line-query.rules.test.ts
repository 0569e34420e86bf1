import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/lib/errors.ts';
import {
  answerQuery,
  DEFAULT_QUERY_PERIODS,
  type LineQuery,
  overdueStepOn,
  paymentOfQueriedLine,
  queryDeadlines,
  queryStateOn,
  raiseQuery,
  resolveQuery,
} from '../../../src/domains/payments/line-query.rules.ts';

const periods = { ...DEFAULT_QUERY_PERIODS, raiseWithinWorkingDays: 20, answerWithinWorkingDays: 10, resolveWithinWorkingDays: 5 };
const line = { lineId: 'L1', lineAcceptedOn: '2027-03-10' };

/** A query raised on Thursday 25 March 2027, the day before Good Friday (Easter Monday is 29 March). */
const raised = (): LineQuery => raiseQuery(line, { reasonCode: 'not-our-patient', raisedOn: '2027-03-25' }, periods);

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : 'other';
  }
  return 'allowed';
}

describe('raising a query on an activity line', () => {
  it('records the commissioner’s coded reason and date', () => {
    expect(raised()).toEqual({ lineId: 'L1', lineAcceptedOn: '2027-03-10', reasonCode: 'not-our-patient', raisedOn: '2027-03-25' });
  });

  it('needs a reason from the list, and a comment for "other"', () => {
    expect(refusalCode(() => raiseQuery(line, { reasonCode: 'dislike', raisedOn: '2027-03-25' }, periods))).toBe('validation-failed');
    expect(refusalCode(() => raiseQuery(line, { reasonCode: 'other', raisedOn: '2027-03-25' }, periods))).toBe('validation-failed');
    expect(
      refusalCode(() => raiseQuery(line, { reasonCode: 'other', comment: 'Seen twice that day?', raisedOn: '2027-03-25' }, periods)),
    ).toBe('allowed');
  });

  it('is allowed only from the day the line was accepted until the raise period ends, in working days', () => {
    // 20 working days after Wednesday 10 March 2027, skipping Good Friday and Easter Monday: Friday 9 April.
    expect(refusalCode(() => raiseQuery(line, { reasonCode: 'not-our-patient', raisedOn: '2027-03-09' }, periods))).toBe(
      'validation-failed',
    );
    expect(refusalCode(() => raiseQuery(line, { reasonCode: 'not-our-patient', raisedOn: '2027-04-09' }, periods))).toBe('allowed');
    expect(refusalCode(() => raiseQuery(line, { reasonCode: 'not-our-patient', raisedOn: '2027-04-12' }, periods))).toBe(
      'validation-failed',
    );
  });
});

describe('the query’s deadlines in England’s working days', () => {
  it('gives the provider 10 working days to answer, not counting Good Friday and Easter Monday', () => {
    expect(queryDeadlines(raised(), periods)).toEqual({ answerBy: '2027-04-12', resolveBy: null });
  });

  it('gives the commissioner 5 working days from the answer to resolve it', () => {
    const answered = answerQuery(raised(), { answeredOn: '2027-04-09', text: 'Registered with a practice in the area' }, periods);
    expect(queryDeadlines(answered, periods)).toEqual({ answerBy: '2027-04-12', resolveBy: '2027-04-16' });
  });
});

describe('the query lifecycle', () => {
  it('goes raised → answered → resolved paid', () => {
    const answered = answerQuery(raised(), { answeredOn: '2027-04-01', text: 'Clinical note attached in the CEfF' }, periods);
    const resolved = resolveQuery(answered, { outcome: 'paid', resolvedOn: '2027-04-06' }, periods);
    expect(['2027-03-25', '2027-04-01', '2027-04-06'].map((date) => queryStateOn(resolved, date, periods))).toEqual([
      'raised',
      'answered',
      'resolved-paid',
    ]);
    expect(paymentOfQueriedLine(resolved, '2027-04-06', periods)).toBe('paid');
  });

  it('resolves as not paid after the answer', () => {
    const answered = answerQuery(raised(), { answeredOn: '2027-04-01', text: 'Moved away in February' }, periods);
    const resolved = resolveQuery(answered, { outcome: 'not-paid', resolvedOn: '2027-04-02' }, periods);
    expect(queryStateOn(resolved, '2027-04-02', periods)).toBe('resolved-not-paid');
    expect(paymentOfQueriedLine(resolved, '2027-04-02', periods)).toBe('not-paid');
  });

  it('holds payment while the query is open', () => {
    expect(paymentOfQueriedLine(raised(), '2027-04-01', periods)).toBe('held');
  });

  it('lets the commissioner withdraw an unanswered query by resolving it as paid, but not refuse payment without an answer', () => {
    expect(queryStateOn(resolveQuery(raised(), { outcome: 'paid', resolvedOn: '2027-03-30' }, periods), '2027-03-30', periods)).toBe(
      'resolved-paid',
    );
    expect(refusalCode(() => resolveQuery(raised(), { outcome: 'not-paid', resolvedOn: '2027-03-30' }, periods))).toBe(
      'invalid-transition',
    );
  });

  it('lapses unanswered after the answer period, and the line is then not paid', () => {
    expect(overdueStepOn(raised(), '2027-04-12', periods)).toBeNull();
    expect(overdueStepOn(raised(), '2027-04-13', periods)).toBe('answer');
    expect(queryStateOn(raised(), '2027-04-13', periods)).toBe('lapsed-unanswered');
    expect(paymentOfQueriedLine(raised(), '2027-04-13', periods)).toBe('not-paid');
    expect(refusalCode(() => answerQuery(raised(), { answeredOn: '2027-04-13', text: 'Late' }, periods))).toBe('invalid-transition');
  });

  it('lapses unresolved after the resolution period, and the line is then paid', () => {
    const answered = answerQuery(raised(), { answeredOn: '2027-04-09', text: 'Registered locally' }, periods);
    expect(overdueStepOn(answered, '2027-04-16', periods)).toBeNull();
    expect(overdueStepOn(answered, '2027-04-19', periods)).toBe('resolution');
    expect(queryStateOn(answered, '2027-04-19', periods)).toBe('lapsed-unresolved');
    expect(paymentOfQueriedLine(answered, '2027-04-19', periods)).toBe('paid');
    expect(refusalCode(() => resolveQuery(answered, { outcome: 'not-paid', resolvedOn: '2027-04-19' }, periods))).toBe(
      'invalid-transition',
    );
  });

  it('refuses steps out of order or dated before the step they follow', () => {
    expect(refusalCode(() => answerQuery(raised(), { answeredOn: '2027-03-24', text: 'Early' }, periods))).toBe('validation-failed');
    const answered = answerQuery(raised(), { answeredOn: '2027-04-01', text: 'Done' }, periods);
    expect(refusalCode(() => answerQuery(answered, { answeredOn: '2027-04-02', text: 'Again' }, periods))).toBe('invalid-transition');
    expect(refusalCode(() => resolveQuery(answered, { outcome: 'paid', resolvedOn: '2027-03-31' }, periods))).toBe('validation-failed');
    const resolved = resolveQuery(answered, { outcome: 'paid', resolvedOn: '2027-04-02' }, periods);
    expect(refusalCode(() => resolveQuery(resolved, { outcome: 'not-paid', resolvedOn: '2027-04-05' }, periods))).toBe(
      'invalid-transition',
    );
  });

  it('is never overdue once resolved', () => {
    const resolved = resolveQuery(raised(), { outcome: 'paid', resolvedOn: '2027-03-30' }, periods);
    expect(overdueStepOn(resolved, '2028-01-04', periods)).toBeNull();
  });

  it('keeps its periods as configuration stamped with the contract edition they were read from', () => {
    expect(DEFAULT_QUERY_PERIODS.edition).toMatch(/Standard Contract/);
    for (const days of [
      DEFAULT_QUERY_PERIODS.raiseWithinWorkingDays,
      DEFAULT_QUERY_PERIODS.answerWithinWorkingDays,
      DEFAULT_QUERY_PERIODS.resolveWithinWorkingDays,
    ])
      expect(Number.isInteger(days) && days > 0).toBe(true);
  });
});
