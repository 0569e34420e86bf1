/** Quarterly quality returns (issue #15 item 4; decision 0055): which quarters each provider owes on each offer, where each stands, and submitting one. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import {
  DEFAULT_RETURN_DUE_WORKING_DAYS,
  isLate,
  isQuarter,
  mayResubmit,
  quarterLabel,
  quartersToReturn,
  returnDueOn,
  type ReturnStanding,
  returnStanding,
} from './quality-quarter.rules.ts';
import { checkReturnAnswers, type ReturnAnswers, type ReturnItem, returnItemsOf } from './quality-return-items.rules.ts';
import { type ReturnListing, returnListings, saveQualityReturn, type SubmittedReturn, submittedReturns } from './quality-return.repo.ts';
import type { QualityScope } from './quality-scope.repo.ts';

/** Who works with returns: a provider's administrators submit their own, a commissioner reads its offers'. */
export const RETURN_ROLES = ['provider-admin', 'commissioner'] as const;

/** One quarter's return for one listing, as a list shows it. */
export interface ReturnSummary {
  listingId: string;
  offerTitle: string;
  providerName: string;
  quarter: string;
  quarterLabel: string;
  dueOn: string;
  standing: ReturnStanding;
  late: boolean;
  submittedOn: string | null;
  version: number;
}

function scopeOf(context: ActionContext): QualityScope {
  const principal = context.principal;
  if (principal?.role === 'provider-admin') return { providerId: principal.organisationId };
  if (principal?.role === 'commissioner') return { commissionerId: principal.organisationId };
  throw new DomainError('forbidden', 'Only provider administrators and commissioners work with quality returns');
}

/** The deployment's working days from a quarter's end to its return's due day (configuration, decision 0055). */
export function returnDueWorkingDays(deps: Deps): number {
  return deps.qualityReturnDueWorkingDays ?? DEFAULT_RETURN_DUE_WORKING_DAYS;
}

function summariesOf(deps: Deps, listings: ReturnListing[], submitted: SubmittedReturn[]): ReturnSummary[] {
  const today = deps.clock.today();
  const found = new Map(submitted.map((row) => [`${row.listingId}:${row.quarter}`, row]));
  return listings.flatMap((listing) =>
    quartersToReturn({ start: listing.contractStart, end: listing.contractEnd }, today).map((quarter) => {
      const row = found.get(`${listing.listingId}:${quarter}`);
      const dueOn = row?.dueOn ?? returnDueOn(quarter, returnDueWorkingDays(deps));
      const standing = returnStanding({ dueOn, submittedOn: row?.submittedOn ?? null, today });
      return {
        listingId: listing.listingId,
        offerTitle: listing.offerTitle,
        providerName: listing.providerName,
        quarter,
        quarterLabel: quarterLabel(quarter),
        dueOn,
        standing,
        late: isLate(standing),
        submittedOn: row?.submittedOn ?? null,
        version: row?.version ?? 0,
      };
    }),
  );
}

/** Every return owed in the principal's scope for the recent quarters, with late ones flagged. */
export async function qualityReturnsOf(deps: Deps, context: ActionContext): Promise<ReturnSummary[]> {
  const listings = await returnListings(deps.db, scopeOf(context));
  return summariesOf(
    deps,
    listings,
    await submittedReturns(
      deps.db,
      listings.map((listing) => listing.listingId),
    ),
  );
}

/** How many of a provider's returns need it now: due and not yet submitted, and overdue (for its home page). */
export async function qualityReturnsToDo(deps: Deps, providerId: string): Promise<{ due: number; overdue: number }> {
  const listings = await returnListings(deps.db, { providerId });
  const summaries = summariesOf(
    deps,
    listings,
    await submittedReturns(
      deps.db,
      listings.map((listing) => listing.listingId),
    ),
  );
  return {
    due: summaries.filter((summary) => summary.standing === 'due').length,
    overdue: summaries.filter((summary) => summary.standing === 'overdue').length,
  };
}

/** One quarter's return in full: the items it asks (those answered, once submitted), the answers, and whether the principal may submit it now. */
export interface QualityReturnDetail extends ReturnSummary {
  items: readonly ReturnItem[];
  answers: ReturnAnswers | null;
  mayEdit: boolean;
}

async function returnInScope(deps: Deps, context: ActionContext, listingId: string, quarter: string) {
  const scope = scopeOf(context);
  const listing = /^[0-9a-f-]{36}$/i.test(listingId) ? (await returnListings(deps.db, scope, listingId))[0] : undefined;
  const submitted = listing ? (await submittedReturns(deps.db, [listing.listingId])).find((row) => row.quarter === quarter) : undefined;
  const summary =
    listing && isQuarter(quarter)
      ? summariesOf(deps, [listing], submitted ? [submitted] : []).find((row) => row.quarter === quarter)
      : undefined;
  if (!listing || !summary) throw new DomainError('not-found', 'There is no such quality return');
  return { scope, listing, submitted, summary };
}

/** One return for its provider or commissioner; another organisation's, or a quarter not owed, is not found. */
export async function qualityReturnOf(
  deps: Deps,
  context: ActionContext,
  listingId: string,
  quarter: string,
): Promise<QualityReturnDetail> {
  const { scope, listing, submitted, summary } = await returnInScope(deps, context, listingId, quarter);
  const mayEdit = 'providerId' in scope && (!submitted || mayResubmit({ dueOn: summary.dueOn, today: deps.clock.today() }));
  return { ...summary, items: submitted?.items ?? returnItemsOf(listing.offerItems), answers: submitted?.answers ?? null, mayEdit };
}

/** Submits (or, until the due day, resubmits) a provider's return in one audited transaction; after the due day a submitted return is final (409). */
export async function submitQualityReturn(
  deps: Deps,
  context: ActionContext,
  target: { listingId: string; quarter: string },
  raw: Record<string, unknown>,
): Promise<{ version: number; late: boolean; submittedOn: string }> {
  const { scope, listing, summary } = await returnInScope(deps, context, target.listingId, target.quarter);
  if (!('providerId' in scope)) throw new DomainError('forbidden', 'Only the provider submits its quality returns');
  const items = returnItemsOf(listing.offerItems);
  const checked = checkReturnAnswers(items, raw);
  if ('errors' in checked) throw validationFailed(checked.errors);
  const principal = context.principal!;
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const saved = await saveQualityReturn(trx, {
      listing,
      quarter: target.quarter,
      items,
      answers: checked.answers,
      dueOn: summary.dueOn,
      today,
      at: deps.clock.now(),
      userId: principal.kind === 'user' ? principal.userId : null,
      apiKeyId: principal.kind === 'api-key' ? principal.apiKeyId : null,
    });
    if (!saved)
      throw new DomainError(
        'invalid-transition',
        `This return was due on ${summary.dueOn} and has been submitted: it can no longer be changed`,
      );
    await recordAudit(trx, context, {
      action: 'quality-return.submit',
      entityType: 'listing',
      entityId: listing.listingId,
      details: { quarter: target.quarter, version: saved.version, late: saved.late, answers: checked.answers },
    });
    return { ...saved, submittedOn: today };
  });
}
