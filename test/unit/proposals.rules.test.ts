import { describe, expect, it } from 'vitest';
import { mayDraftProposal, mayReviewProposal, mayViewProposal } from '../../src/domains/proposals/proposal-access.rules.ts';
import {
  ASSESSMENT_CRITERIA,
  assertActionAllowed,
  assessmentFieldErrors,
  cleanProposal,
  comparableServiceName,
  decisionFieldErrors,
  proposalFieldErrors,
  unassessedCriteria,
} from '../../src/domains/proposals/proposals.rules.ts';
import type { Principal } from '../../src/domains/identity/principal.ts';
import { isDomainError } from '../../src/lib/errors.ts';

const person = (role: Principal['role'], organisationId: string): Principal => ({
  kind: 'user',
  userId: 'u',
  displayName: 'P',
  organisationId,
  organisationName: 'O',
  role,
});
const proposal = (status: string) => ({ status, proposer: { id: 'icb' }, region: { id: 'y63' } });

describe('proposal transitions', () => {
  it.each([
    ['draft', 'edit'],
    ['draft', 'submit'],
    ['submitted', 'assess'],
    ['submitted', 'decide'],
  ] as const)('allows %s → %s', (status, action) => expect(() => assertActionAllowed(status, action)).not.toThrow());

  it.each([
    ['submitted', 'edit'],
    ['approved', 'edit'],
    ['submitted', 'submit'],
    ['draft', 'decide'],
    ['draft', 'assess'],
    ['approved', 'decide'],
    ['rejected', 'assess'],
  ] as const)('refuses %s → %s with invalid-transition', (status, action) => {
    try {
      assertActionAllowed(status, action);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('invalid-transition');
    }
  });
});

describe('proposal fields', () => {
  it('collapses spaces in the name and trims every field', () => {
    expect(cleanProposal({ name: '  Community   dermatology ', description: ' d ', rationale: ' r ' })).toEqual({
      name: 'Community dermatology',
      description: 'd',
      rationale: 'r',
    });
  });
  it('asks for each missing field in form order', () => {
    expect(proposalFieldErrors(cleanProposal({})).map((error) => error.field)).toEqual(['name', 'description', 'rationale']);
  });
  it('compares names without case, spacing or punctuation', () => {
    expect(comparableServiceName(' Phlebotomy. ')).toBe(comparableServiceName('phlebotomy'));
    expect(comparableServiceName('Diabetes education (including DESMOND)')).toBe(
      comparableServiceName('diabetes education - including desmond'),
    );
    expect(comparableServiceName('Community dermatology')).not.toBe(comparableServiceName('Dermatology'));
  });
});

describe('criterion assessments and decisions', () => {
  it('states six criteria, each with a description', () => {
    expect(ASSESSMENT_CRITERIA).toHaveLength(6);
    expect(ASSESSMENT_CRITERIA.every((criterion) => criterion.description.length > 20)).toBe(true);
  });
  it('needs met or not met and a note for each criterion given', () => {
    expect(assessmentFieldErrors([{ criterion: 'affordability', met: null, note: '' }]).map((error) => error.field)).toEqual([
      'affordability-met',
      'affordability-note',
    ]);
    expect(assessmentFieldErrors([{ criterion: 'affordability', met: false, note: 'Too costly' }])).toEqual([]);
    expect(assessmentFieldErrors([])).toEqual([{ field: 'assessments', message: 'Assess at least one criterion' }]);
  });
  it('lists the criteria still to assess', () => {
    expect(unassessedCriteria(ASSESSMENT_CRITERIA.map((c) => c.code))).toEqual([]);
    expect(unassessedCriteria(['patient-benefit']).map((c) => c.code)).not.toContain('patient-benefit');
  });
  it('needs an outcome and reasons to decide', () => {
    expect(decisionFieldErrors('maybe', ' ').map((error) => error.field)).toEqual(['outcome', 'reasons']);
    expect(decisionFieldErrors('rejected', 'Covered by the trust')).toEqual([]);
  });
});

describe('who sees and acts on a proposal', () => {
  it('lets the proposing commissioner see and draft it, and nobody else draft it', () => {
    expect(mayViewProposal(person('commissioner', 'icb'), proposal('draft'))).toBe(true);
    expect(mayDraftProposal(person('commissioner', 'icb'), proposal('draft'))).toBe(true);
    expect(mayViewProposal(person('commissioner', 'other'), proposal('submitted'))).toBe(false);
    expect(mayDraftProposal(person('regional-reviewer', 'y63'), proposal('draft'))).toBe(false);
  });
  it('lets only its own region’s reviewers see it, and only once submitted', () => {
    expect(mayViewProposal(person('regional-reviewer', 'y63'), proposal('draft'))).toBe(false);
    expect(mayReviewProposal(person('regional-reviewer', 'y63'), proposal('submitted'))).toBe(true);
    expect(mayReviewProposal(person('regional-reviewer', 'y56'), proposal('submitted'))).toBe(false);
    expect(mayViewProposal(person('provider-admin', 'icb'), proposal('approved'))).toBe(false);
  });
});
