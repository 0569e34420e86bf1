/** The full referral list (issue #12 item 10): every referral of the signed-in organisation, filtered and paged or downloaded, each look audited as a view of patient data. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import {
  countReferralList,
  type ListScope,
  referralListDownloadSeen,
  referralListPageSeen,
  type ReferralListRow,
  servicesOffered,
} from './referral-list.repo.ts';
import { checkReferralListFilter, CSV_ROW_LIMIT, type ReferralListFilter, type ReferralListInput } from './referral-list.rules.ts';

export type { ListScope, ReferralListRow };

/** Whose referrals the principal may list: a provider's people see those sent to it, a practice's referrers those it made; nobody else has a list. */
export function listScopeOf(principal: Principal | null): ListScope {
  if (principal && (principal.role === 'provider-admin' || principal.role === 'provider-clinician'))
    return { side: 'provider', organisationId: principal.organisationId };
  if (principal?.role === 'referrer') return { side: 'referrer', organisationId: principal.organisationId };
  throw new DomainError('forbidden', 'Referral lists are for providers and referrers');
}

export interface ReferralListPage {
  scope: ListScope;
  filter: ReferralListFilter;
  rows: ReferralListRow[];
  total: number;
}

/** One page of the organisation's referrals matching the filter; bad filters are field errors; the page seen is audited with the references it showed. */
export async function referralList(
  deps: Deps,
  context: ActionContext,
  input: ReferralListInput,
  page: { limit: number; offset: number },
): Promise<ReferralListPage> {
  const scope = listScopeOf(context.principal);
  const filter = checkReferralListFilter(input);
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const total = await countReferralList(trx, scope, filter, today);
    const rows = await referralListPageSeen(trx, context, { scope, filter, today, total }, page);
    return { scope, filter, rows, total };
  });
}

/** Every matching referral for a CSV download, up to CSV_ROW_LIMIT (more is a field error asking for a narrower filter); audited with each reference it holds. */
export async function referralListForDownload(deps: Deps, context: ActionContext, input: ReferralListInput): Promise<ReferralListPage> {
  const scope = listScopeOf(context.principal);
  const filter = checkReferralListFilter(input);
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const total = await countReferralList(trx, scope, filter, today);
    if (total > CSV_ROW_LIMIT) {
      throw new DomainError('validation-failed', 'Too many referrals for one download', {
        fieldErrors: [
          {
            field: 'sentFrom',
            message: `The download holds up to ${CSV_ROW_LIMIT.toLocaleString('en-GB')} referrals and ${total.toLocaleString('en-GB')} match: narrow the dates or choose a status or service`,
          },
        ],
      });
    }
    const rows = await referralListDownloadSeen(trx, context, { scope, filter, today, total }, CSV_ROW_LIMIT);
    return { scope, filter, rows, total };
  });
}

/** How many of the organisation's referrals match a filter, without showing any: a home-page count whose link lists exactly these. */
export async function referralCount(deps: Deps, principal: Principal, filter: ReferralListFilter): Promise<number> {
  return countReferralList(deps.db, listScopeOf(principal), filter, deps.clock.today());
}

/** The services a list may be filtered by. */
export function serviceChoices(deps: Deps): Promise<{ code: string; name: string }[]> {
  return servicesOffered(deps.db);
}
