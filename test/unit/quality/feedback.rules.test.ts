import { describe, expect, it } from 'vitest';
import { type FftAnswer, isFftAnswer, publicFeedback } from '../../../src/domains/provider-quality/feedback.rules.ts';

describe('the Friends and Family Test as published', () => {
  it('publishes nothing with 4 responses, and the share positive with its count from 5', () => {
    const four: FftAnswer[] = ['very-good', 'good', 'good', 'poor'];
    expect(publicFeedback(four)).toEqual({ published: false, responses: 4 });
    expect(publicFeedback([...four, 'very-poor'])).toEqual({ published: true, responses: 5, positivePercent: 60, negativePercent: 40 });
  });

  it('rounds shares to whole percent and counts "neither" as neither', () => {
    const answers: FftAnswer[] = ['very-good', 'very-good', 'neither-good-nor-poor', 'good', 'good', 'poor'];
    expect(publicFeedback(answers)).toEqual({ published: true, responses: 6, positivePercent: 67, negativePercent: 17 });
  });

  it('knows the five answers and nothing else', () => {
    expect(['very-good', 'good', 'neither-good-nor-poor', 'poor', 'very-poor'].every(isFftAnswer)).toBe(true);
    expect(isFftAnswer('dont-know')).toBe(false);
    expect(isFftAnswer('toString')).toBe(false);
  });
});
