import { describe, expect, it } from 'vitest';
import {
  type ApplicationAnswers,
  criteriaFor,
  criteriaNotPassed,
  EMPTY_ANSWERS,
  isWindowOpen,
  submissionProblems,
} from '../../src/domains/applications/application-criteria.rules.ts';
import { questionProblems } from '../../src/domains/offers/offer-questions.service.ts';

const questions = [{ id: 'red-flags', text: 'How do you refer red flags onward?' }];
const complete: ApplicationAnswers = {
  acceptsContract: true,
  acceptsPrice: true,
  capability: 'Audiologists in three clinics.',
  compliesWithProtocol: true,
  protocolCompliance: 'We follow the protocol.',
  agreesToLocalSchedules: true,
  questionAnswers: { 'red-flags': 'Same-day referral to ENT.' },
};

describe('submission completeness', () => {
  it('accepts a submission with every answer, every declaration and a site', () => {
    expect(submissionProblems(complete, questions, 1)).toEqual([]);
  });

  it('names every missing answer, declaration and the missing site at once', () => {
    const fields = submissionProblems(EMPTY_ANSWERS, questions, 0).map((problem) => problem.field);
    expect(fields).toEqual([
      'acceptsContract',
      'acceptsPrice',
      'capability',
      'compliesWithProtocol',
      'protocolCompliance',
      'agreesToLocalSchedules',
      'question-red-flags',
      'sites',
    ]);
  });

  it('does not take the price as accepted unless it is declared', () => {
    expect(submissionProblems({ ...complete, acceptsPrice: false }, questions, 2)).toEqual([
      { field: 'acceptsPrice', message: 'Confirm that you accept the offer’s price' },
    ]);
  });

  it('treats a blank answer to an offer question as missing', () => {
    expect(submissionProblems({ ...complete, questionAnswers: { 'red-flags': '   ' } }, questions, 1).map((p) => p.field)).toEqual([
      'question-red-flags',
    ]);
  });

  it('refuses an answer to a question the offer does not ask', () => {
    expect(
      submissionProblems({ ...complete, questionAnswers: { ...complete.questionAnswers, invented: 'x' } }, questions, 1).map(
        (p) => p.field,
      ),
    ).toEqual(['question-invented']);
  });
});

describe('criteria and marks', () => {
  it('lists the five standard criteria then the offer’s own questions', () => {
    expect(criteriaFor(questions).map((criterion) => criterion.id)).toEqual([
      'standard-contract',
      'price',
      'capability',
      'referral-protocol',
      'local-schedules',
      'question:red-flags',
    ]);
  });

  it('needs a pass on every criterion: a fail or a missing mark blocks qualification', () => {
    const criteria = criteriaFor(questions);
    const allPassed = criteria.map((criterion) => ({ criterion: criterion.id, passed: true }));
    expect(criteriaNotPassed(criteria, allPassed)).toEqual([]);
    expect(criteriaNotPassed(criteria, allPassed.slice(1)).map((c) => c.id)).toEqual(['standard-contract']);
    expect(
      criteriaNotPassed(
        criteria,
        allPassed.map((mark) => ({ ...mark, passed: mark.criterion !== 'capability' })),
      ).map((c) => c.id),
    ).toEqual(['capability']);
  });
});

describe('qualification window', () => {
  const fixed = { windowKind: 'fixed' as const, windowOpens: '2027-02-01', windowCloses: '2027-03-31' };
  it('is open from its first to its last day when fixed', () => {
    expect(isWindowOpen(fixed, '2027-01-31')).toBe(false);
    expect(isWindowOpen(fixed, '2027-02-01')).toBe(true);
    expect(isWindowOpen(fixed, '2027-03-31')).toBe(true);
    expect(isWindowOpen(fixed, '2027-04-01')).toBe(false);
  });

  it('stays open once opened when rolling', () => {
    expect(isWindowOpen({ windowKind: 'rolling', windowOpens: '2027-02-01', windowCloses: null }, '2031-01-01')).toBe(true);
  });
});

describe('offer questions', () => {
  it('refuses more than 20 questions, repeated ids and blank text', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `q-${i}`, text: 'Question' }));
    expect(questionProblems(many).map((p) => p.field)).toContain('questions');
    expect(
      questionProblems([
        { id: 'a', text: 'One' },
        { id: 'a', text: '' },
      ]).map((p) => p.field),
    ).toEqual(['question-1-id', 'question-1-text']);
  });
});
