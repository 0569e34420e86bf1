/** The offer lifecycle (PRODUCT.md §3.2): draft → published → open for applications → closed, and withdrawn from any of them. */
import { DomainError } from '../../lib/errors.ts';

export const OFFER_STATUSES = ['draft', 'published', 'open', 'closed', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  open: 'Open for applications',
  closed: 'Closed to applications',
  withdrawn: 'Withdrawn',
};

/** The moves allowed from each status; closed may reopen (a rolling window), withdrawn is final. */
const NEXT: Record<OfferStatus, readonly OfferStatus[]> = {
  draft: ['published', 'withdrawn'],
  published: ['open', 'withdrawn'],
  open: ['closed', 'withdrawn'],
  closed: ['open', 'withdrawn'],
  withdrawn: [],
};

/** Statuses in which an offer is public (on the map and in the open data). */
export const PUBLIC_STATUSES: readonly OfferStatus[] = ['published', 'open', 'closed'];

export function isOfferStatus(value: unknown): value is OfferStatus {
  return typeof value === 'string' && (OFFER_STATUSES as readonly string[]).includes(value);
}

/** The statuses an offer may move to next. */
export function nextStatuses(status: OfferStatus): readonly OfferStatus[] {
  return NEXT[status];
}

/** Refuses a move the lifecycle does not allow, naming the moves that are allowed. */
export function assertTransition(from: OfferStatus, to: OfferStatus): void {
  if (NEXT[from].includes(to)) return;
  const allowed = NEXT[from].map((status) => OFFER_STATUS_LABELS[status].toLowerCase());
  throw new DomainError('invalid-transition', `An offer that is ${OFFER_STATUS_LABELS[from].toLowerCase()} cannot become ${OFFER_STATUS_LABELS[to].toLowerCase()}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`, { from, to });
}

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
