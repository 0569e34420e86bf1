/** What needs doing now, counted for the home page (issue #12 item 10, issue #15 item 8): each count links to the list of exactly the rows it counts. */
import { unreadMessageCount } from '../../../domains/compliance/outbox.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { ActionContext, Principal } from '../../../domains/identity/principal.ts';
import { filterQuery, type ReferralListFilter } from '../../../domains/referrals/referral-list.rules.ts';
import { referralCount } from '../../../domains/referrals/referral-list.service.ts';
import { NEED_COUNTS } from './needs-now-counts.ts';

export interface NeedsNow {
  count: number;
  text: string;
  href: string;
}

/** The referral counts of each side: a provider accepts what was sent and chases what is overdue; a practice acts on returns and overdue referrals. */
const REFERRAL_COUNTS: Record<'provider' | 'referrer', { filter: ReferralListFilter; one: string; many: string }[]> = {
  provider: [
    { filter: { status: 'sent' }, one: 'referral to accept', many: 'referrals to accept' },
    {
      filter: { status: 'sent', overdue: true },
      one: 'referral overdue: not accepted by its accept-by date',
      many: 'referrals overdue: not accepted by their accept-by date',
    },
  ],
  referrer: [
    { filter: { status: 'returned' }, one: 'referral returned to you', many: 'referrals returned to you' },
    {
      filter: { status: 'sent', overdue: true },
      one: 'referral overdue: the provider has not accepted it by its accept-by date',
      many: 'referrals overdue: the provider has not accepted them by their accept-by date',
    },
  ],
};

const counted = (count: number, one: string, many: string, href: string): NeedsNow => ({
  count,
  text: `${count} ${count === 1 ? one : many}`,
  href,
});

async function referralNeeds(deps: Deps, principal: Principal): Promise<NeedsNow[]> {
  const side = principal.role === 'referrer' ? 'referrer' : principal.role.startsWith('provider') ? 'provider' : undefined;
  if (!side) return [];
  return Promise.all(
    REFERRAL_COUNTS[side].map(async ({ filter, one, many }) =>
      counted(
        await referralCount(deps, principal, filter),
        one,
        many,
        `/worklists/referrals?${new URLSearchParams(filterQuery(filter)).toString()}`,
      ),
    ),
  );
}

/** Every count the principal's role acts on, in the order they are usually done: referrals, the role's own work, then messages. */
export async function needsNowFor(deps: Deps, context: ActionContext & { principal: Principal }): Promise<NeedsNow[]> {
  const principal = context.principal;
  const own = NEED_COUNTS.filter((need) => need.roles.includes(principal.role));
  const [referrals, counts, unread] = await Promise.all([
    referralNeeds(deps, principal),
    Promise.all(own.map((need) => need.count(deps, context))),
    unreadMessageCount(deps, principal),
  ]);
  return [
    ...referrals,
    ...own.map((need, index) => counted(counts[index]!, need.one, need.many, need.href)),
    counted(unread, 'unread message', 'unread messages', '/messages?show=unread'),
  ];
}
