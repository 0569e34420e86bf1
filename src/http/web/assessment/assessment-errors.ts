/** Refusals the assessor's pages show beside the field rather than as an error page: a move the lifecycle forbids, a conflict of interest. */
import type { RefusalStatus } from '../form-refusal.ts';

/** A move the lifecycle forbids answers 409; a conflict of interest 403; anything else propagates. */
export const refusedToAssessor: RefusalStatus = (error) => {
  if (error.code === 'invalid-transition') return 409;
  return error.code === 'forbidden' && error.details.reason === 'conflict-of-interest' ? 403 : undefined;
};
