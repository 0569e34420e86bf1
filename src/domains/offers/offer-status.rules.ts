/** The offer lifecycle (PRODUCT.md §3.2): draft → published → open for applications → closed, and withdrawn from any of them. */
import { statusMachine } from '../../lib/status-machine.ts';

export const OFFER_STATUSES = ['draft', 'published', 'open', 'closed', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The moves allowed from each status; closed may reopen (a rolling window), withdrawn is final. A refusal names the moves that are allowed. */
const OFFER_LIFECYCLE = statusMachine<OfferStatus>(OFFER_STATUSES, {
  labels: {
    draft: 'Draft',
    published: 'Published',
    open: 'Open for applications',
    closed: 'Closed to applications',
    withdrawn: 'Withdrawn',
  },
  moves: {
    draft: ['published', 'withdrawn'],
    published: ['open', 'withdrawn'],
    open: ['closed', 'withdrawn'],
    closed: ['open', 'withdrawn'],
    withdrawn: [],
  },
  refusal: ({ from, to, allowed }) =>
    `An offer that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`,
});

export const OFFER_STATUS_LABELS = OFFER_LIFECYCLE.labels;

/** Statuses in which an offer is public (on the map and in the open data). */
export const PUBLIC_STATUSES: readonly OfferStatus[] = ['published', 'open', 'closed'];

/** True for a value that names an offer status, such as a status filter from a query string. */
export const isOfferStatus = OFFER_LIFECYCLE.is;

/** The statuses an offer may move to next. */
export const nextStatuses = OFFER_LIFECYCLE.next;

/** Refuses a move the lifecycle does not allow, naming the moves that are allowed. */
export const assertTransition = OFFER_LIFECYCLE.assertMove;

/** What an offer must have before it is published: people will read it and providers will rely on it. */
export interface PublishReadiness {
  hasContractTerm: boolean;
  hasWindow: boolean;
  hasCoverage: boolean;
  pricedForContractStart: boolean;
}

/** The things still missing before an offer can be published, as sentences; empty when it is ready. */
export function missingBeforePublishing(readiness: PublishReadiness): string[] {
  const missing: string[] = [];
  if (!readiness.hasContractTerm) missing.push('Enter the contract start and end dates');
  if (!readiness.hasWindow) missing.push('Enter when the qualification window opens');
  if (!readiness.hasCoverage) missing.push('Choose at least one commissioner the offer covers');
  if (!readiness.pricedForContractStart) missing.push('Set prices that are in effect on the contract start date');
  return missing;
}
