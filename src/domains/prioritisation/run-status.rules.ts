/** The order of a prioritisation run (PRODUCT.md §3.2): engagement → short-listed → approved → notified. */

export const RUN_STATUSES = ['engagement', 'short-listed', 'approved', 'notified'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  engagement: 'Engagement',
  'short-listed': 'Short-listed',
  approved: 'Approved by the board',
  notified: 'Region notified',
};

export type RunAction = 'edit-long-list' | 'short-list' | 'approve' | 'notify';

/** Which statuses each action may start from; anything else is refused as out of order. */
const ALLOWED_FROM: Record<RunAction, readonly RunStatus[]> = {
  'edit-long-list': ['engagement'],
  'short-list': ['engagement', 'short-listed'],
  approve: ['short-listed'],
  notify: ['approved'],
};

const REFUSALS: Record<RunAction, string> = {
  'edit-long-list': 'The long list, responses, criteria and scores can only change during engagement, before the short list is chosen',
  'short-list': 'The short list cannot change once the board has approved it',
  approve: 'The board can approve only a chosen short list that it has not yet approved',
  notify: 'The region can be notified only once the board has approved the short list, and only once',
};

export const MINIMUM_SHORT_LIST = 3;

/** True when the action is allowed in the run's current status. */
export function mayTakeAction(status: RunStatus, action: RunAction): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** Why the action is refused in this status, for the DomainError message. */
export function refusalFor(action: RunAction): string {
  return REFUSALS[action];
}
