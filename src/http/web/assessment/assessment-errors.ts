/** Refusals the assessor's pages show beside the field rather than as an error page: a move the lifecycle forbids, a conflict of interest. */
import type { RefusalsShown } from '../form-outcome.ts';

/** A move the lifecycle forbids (409) and a conflict of interest (403) are shown beside the field; anything else propagates. */
export const refusedToAssessor: RefusalsShown = (error) =>
  error.code === 'invalid-transition' || (error.code === 'forbidden' && error.details.reason === 'conflict-of-interest');
