import { describe, expect, it } from 'vitest';
import {
  aidsFittedErrors,
  contactOutcomeErrors,
  outcomeFieldsFor,
  reportDateErrors,
} from '../../src/domains/referrals/outcome-fields.rules.ts';

const TODAY = '2027-03-10';
const talking = outcomeFieldsFor('psychological-therapies');
const scan = outcomeFieldsFor('non-obstetric-ultrasound');
const fieldsOf = (errors: { field: string }[]) => errors.map((error) => error.field);

describe('which outcomes each service records', () => {
  it('scores talking therapies, reports scans (ultrasound and MRI), counts hearing aids, and asks nothing of other services', () => {
    expect(talking).toEqual({ scores: true, report: false, aidsFitted: false });
    expect(scan).toEqual({ scores: false, report: true, aidsFitted: false });
    expect(outcomeFieldsFor('mri')).toEqual(scan);
    expect(outcomeFieldsFor('adult-hearing')).toEqual({ scores: false, report: false, aidsFitted: true });
    expect(outcomeFieldsFor('back-and-neck-pain')).toEqual({ scores: false, report: false, aidsFitted: false });
    expect(outcomeFieldsFor('constructor')).toEqual({ scores: false, report: false, aidsFitted: false });
  });
});

describe('PHQ-9 and GAD-7 at a talking-therapies session', () => {
  it('requires both scores at an attended session and takes the ends of each range', () => {
    expect(contactOutcomeErrors(talking, { attendance: 'attended' }, TODAY, TODAY)).toEqual([
      { field: 'phq9Score', message: 'Enter the PHQ-9 score from this session' },
      { field: 'gad7Score', message: 'Enter the GAD-7 score from this session' },
    ]);
    expect(contactOutcomeErrors(talking, { attendance: 'attended', phq9Score: 0, gad7Score: 21 }, TODAY, TODAY)).toEqual([]);
    expect(contactOutcomeErrors(talking, { attendance: 'attended', phq9Score: 27, gad7Score: 0 }, TODAY, TODAY)).toEqual([]);
  });

  it('refuses scores out of range or not whole', () => {
    expect(contactOutcomeErrors(talking, { attendance: 'attended', phq9Score: 28, gad7Score: 22 }, TODAY, TODAY)).toEqual([
      { field: 'phq9Score', message: 'The PHQ-9 score must be a whole number from 0 to 27' },
      { field: 'gad7Score', message: 'The GAD-7 score must be a whole number from 0 to 21' },
    ]);
    expect(fieldsOf(contactOutcomeErrors(talking, { attendance: 'attended', phq9Score: -1, gad7Score: 3.5 }, TODAY, TODAY))).toEqual([
      'phq9Score',
      'gad7Score',
    ]);
    expect(fieldsOf(contactOutcomeErrors(talking, { attendance: 'attended', phq9Score: Number.NaN, gad7Score: 4 }, TODAY, TODAY))).toEqual([
      'phq9Score',
    ]);
  });

  it('needs no scores when the patient did not attend or for an appointment still to come, and refuses them there and for other services', () => {
    expect(contactOutcomeErrors(talking, { attendance: 'did-not-attend' }, TODAY, TODAY)).toEqual([]);
    expect(contactOutcomeErrors(talking, {}, TODAY, TODAY)).toEqual([]);
    expect(contactOutcomeErrors(talking, { attendance: 'did-not-attend', phq9Score: 12 }, TODAY, TODAY)).toEqual([
      { field: 'phq9Score', message: 'Scores are recorded only for a session the patient attended' },
    ]);
    expect(contactOutcomeErrors(scan, { attendance: 'attended', gad7Score: 3 }, TODAY, TODAY)).toEqual([
      { field: 'phq9Score', message: 'PHQ-9 and GAD-7 scores are recorded only for talking therapies' },
    ]);
  });
});

describe('the day a scan’s report was sent', () => {
  it('takes the day of the test up to today, and nothing before the test, in the future or unreal', () => {
    expect(reportDateErrors('2027-03-08', '2027-03-08', TODAY)).toEqual([]);
    expect(reportDateErrors(TODAY, '2027-03-08', TODAY)).toEqual([]);
    expect(reportDateErrors('2027-03-07', '2027-03-08', TODAY)).toEqual([
      { field: 'reportedOn', message: 'The date the report was sent must be on or after the day of the test' },
    ]);
    expect(reportDateErrors('2027-03-11', '2027-03-08', TODAY)).toEqual([
      { field: 'reportedOn', message: 'The date the report was sent must be today or in the past' },
    ]);
    expect(reportDateErrors('2027-02-30', '2027-02-01', TODAY)).toEqual([
      { field: 'reportedOn', message: 'The date the report was sent must be a real date' },
    ]);
    expect(reportDateErrors(undefined, '2027-02-01', TODAY)).toEqual([
      { field: 'reportedOn', message: 'Enter the date the report was sent' },
    ]);
  });

  it('is optional with the contact, but only for a scan the patient attended', () => {
    expect(contactOutcomeErrors(scan, { attendance: 'attended' }, '2027-03-08', TODAY)).toEqual([]);
    expect(contactOutcomeErrors(scan, { attendance: 'attended', reportedOn: '2027-03-09' }, '2027-03-08', TODAY)).toEqual([]);
    expect(fieldsOf(contactOutcomeErrors(scan, { attendance: 'did-not-attend', reportedOn: '2027-03-09' }, '2027-03-08', TODAY))).toEqual([
      'reportedOn',
    ]);
    expect(fieldsOf(contactOutcomeErrors(talking, { reportedOn: '2027-03-09' }, '2027-03-08', TODAY))).toEqual(['reportedOn']);
  });
});

describe('hearing aids fitted at discharge', () => {
  const hearing = outcomeFieldsFor('adult-hearing');
  it('requires 0, 1 or 2 for adult hearing and refuses it for any other service', () => {
    expect([0, 1, 2].map((aids) => aidsFittedErrors(hearing, aids))).toEqual([[], [], []]);
    expect(aidsFittedErrors(hearing, undefined)).toEqual([{ field: 'aidsFitted', message: 'Select how many hearing aids were fitted' }]);
    expect(aidsFittedErrors(hearing, 3)).toEqual([{ field: 'aidsFitted', message: 'Hearing aids fitted must be 0, 1 or 2' }]);
    expect(aidsFittedErrors(talking, undefined)).toEqual([]);
    expect(aidsFittedErrors(talking, 2)).toEqual([
      { field: 'aidsFitted', message: 'Hearing aids fitted is recorded only for adult hearing' },
    ]);
  });
});
