import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  assertApplicationTransition,
  isRefusalGround,
  nextApplicationStatuses,
} from '../../src/domains/applications/application-status.rules.ts';

describe('application lifecycle', () => {
  it('lets a draft be submitted or withdrawn, and nothing else', () => {
    expect(nextApplicationStatuses('draft')).toEqual(['submitted', 'withdrawn']);
  });

  it('refuses to qualify a draft with invalid-transition', () => {
    expect(() => assertApplicationTransition('draft', 'qualified')).toThrowError(expect.objectContaining({ code: 'invalid-transition' }));
  });

  it('lets an application in clarification return to submitted when the provider answers', () => {
    expect(() => assertApplicationTransition('clarification', 'submitted')).not.toThrow();
  });

  it('treats qualified, not qualified and withdrawn as final', () => {
    for (const final of ['qualified', 'not-qualified', 'withdrawn'] as const) {
      for (const to of APPLICATION_STATUSES)
        expect(() => assertApplicationTransition(final, to)).toThrowError(expect.objectContaining({ code: 'invalid-transition' }));
    }
  });

  it('knows only the four refusal grounds', () => {
    expect(['rejects-price', 'rejects-local-standards', 'fails-quality-standards', 'incomplete'].every(isRefusalGround)).toBe(true);
    expect(isRefusalGround('too-expensive')).toBe(false);
    expect(isRefusalGround('ranked-below-others')).toBe(false);
  });
});
