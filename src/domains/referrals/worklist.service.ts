/** The provider and referrer worklists (issue #6 items 6–7), scoped to the signed-in organisation; each page seen is audited with the referrals it showed. */
import { DomainError } from '../../lib/errors.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { RETURN_REASONS } from './referral-reasons.rules.ts';
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from './referral-status.rules.ts';
import { type Page, providerWorklistSeen, referrerWorklistSeen, type WorklistRow } from './worklist.repo.ts';

export type ReferrerAttention = 'returned' | 'overdue' | 'awaiting-choice' | 'episode-closed';

export const REFERRER_ATTENTION_LABELS: Record<ReferrerAttention, string> = {
  returned: 'Returned by the provider',
  overdue: 'Not accepted by its deadline',
  'awaiting-choice': 'Waiting for the patient to choose',
  'episode-closed': 'Episode closed: the patient needs re-referral',
};

/** Why a practice must look at a referral: a sent referral is overdue once `today` is past its accept-by date (a working day, bank holidays honoured). */
export function referrerAttentionFor(status: ReferralStatus, acceptBy: string | null, today: string): ReferrerAttention | undefined {
  if (status === 'returned' || status === 'awaiting-choice' || status === 'episode-closed') return status;
  if (status === 'sent' && acceptBy !== null && today > acceptBy) return 'overdue';
  return undefined;
}

/** Working days a sent referral is past its accept-by date, counting neither weekends nor English bank holidays. */
export function workingDaysOverdue(acceptBy: string, today: string): number {
  return today > acceptBy ? workingDaysBetween(acceptBy, today) : 0;
}

export interface WorklistItem {
  row: WorklistRow;
  statusLabel: string;
  sessionCap: number | null;
  attention?: ReferrerAttention;
  workingDaysOverdue?: number;
  returnReasonLabel?: string;
}

const sessionCapIn = (pack: unknown): number | null => {
  const cap = (pack as { currency?: { sessionCap?: number } } | null)?.currency?.sessionCap;
  return typeof cap === 'number' ? cap : null;
};

function requireRole(principal: Principal | null, roles: readonly string[]): Principal & { organisationId: string } {
  if (!principal || !roles.includes(principal.role) || !principal.organisationId)
    throw new DomainError('forbidden', 'This worklist is not for your role');
  return principal as Principal & { organisationId: string };
}

/** The provider's referrals awaiting acceptance, with their accept-by dates (and how late the overdue ones are), and those in treatment with sessions so far. */
export async function providerWorklist(deps: Deps, context: ActionContext, page: Page): Promise<{ items: WorklistItem[]; total: number }> {
  const principal = requireRole(context.principal, ['provider-admin', 'provider-clinician']);
  const today = deps.clock.today();
  const { rows, total } = await providerWorklistSeen(deps.db, context, principal.organisationId, page);
  return {
    items: rows.map((row) => ({
      row,
      statusLabel: REFERRAL_STATUS_LABELS[row.status],
      sessionCap: sessionCapIn(row.packContent),
      ...(row.status === 'sent' && row.acceptBy && today > row.acceptBy
        ? { workingDaysOverdue: workingDaysOverdue(row.acceptBy, today) }
        : {}),
    })),
    total,
  };
}

/** The practice's referrals needing attention: returned with their reason, overdue, awaiting choice, or closed needing re-referral. */
export async function referrerWorklist(deps: Deps, context: ActionContext, page: Page): Promise<{ items: WorklistItem[]; total: number }> {
  const principal = requireRole(context.principal, ['referrer']);
  const today = deps.clock.today();
  const { rows, total } = await referrerWorklistSeen(deps.db, context, principal.organisationId, today, page);
  return {
    items: rows.map((row) => {
      const attention = referrerAttentionFor(row.status, row.acceptBy, today);
      const reason =
        row.returnReasonCode && Object.hasOwn(RETURN_REASONS, row.returnReasonCode)
          ? RETURN_REASONS[row.returnReasonCode as keyof typeof RETURN_REASONS].label
          : undefined;
      return {
        row,
        statusLabel: REFERRAL_STATUS_LABELS[row.status],
        sessionCap: sessionCapIn(row.packContent),
        attention,
        ...(attention === 'overdue' && row.acceptBy ? { workingDaysOverdue: workingDaysOverdue(row.acceptBy, today) } : {}),
        ...(reason ? { returnReasonLabel: reason } : {}),
      };
    }),
    total,
  };
}
