import { describe, expect, it } from 'vitest';
import { publicWordingProblems } from '../support/browser.ts';

describe('the public-page wording check', () => {
  it('passes plain words, spaced references, dates in words, postcodes and title-case names', () => {
    expect(
      publicWordingProblems(
        'Your referral 1234 5678 9012, sent on 6 December 2026 to Station Road Surgery, HX6 3AB. Search near HX6. Call NHS 111. The NHS in Calderdale.',
      ),
    ).toEqual([]);
  });

  it.each([
    ['NHS West Yorkshire ICB - 02T', 'a sub-ICB location code in a name'],
    ['Qualified under AQP-00001', 'an offer reference'],
    ['ODS code DEMO1', 'the words "ODS code"'],
    ['Referred on 2026-12-06', 'an ISO date'],
    ['Referral 123456789012', 'an unspaced 12-digit referral reference'],
    ['STATION ROAD SURGERY', 'an upper-case ODS name'],
    ['Commissioned by X2C4Y and B84001', 'an ODS code'],
    ['Import the ONS Postcode Directory for an exact answer', 'internal wording'],
    ['(0 accepted in the last 90 days; 5 needed)', 'internal wording'],
    ['Primary care psychological therapies', 'internal wording'],
  ])('fails %s as %s', (text, what) => {
    expect(publicWordingProblems(text).join('\n')).toContain(what);
  });
});
