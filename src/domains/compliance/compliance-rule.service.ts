/** The commissioner's compliance rule for an offer: whether expired evidence or lost CQC registration suspends its listings, and after how many days' grace. */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId, offerToChange } from '../offers/offer-access.ts';
import { rulesOf, saveRule } from './compliance.repo.ts';
import type { ComplianceRule } from './compliance.rules.ts';

export async function complianceRuleOf(deps: Deps, offerId: string): Promise<ComplianceRule> {
  return (await rulesOf(deps.db, [offerId])).get(offerId)!;
}

/** Saves an offer's rule; it applies from the next compliance run. Only the rule's own fields are kept (callers may pass a whole request body). */
export async function setComplianceRule(deps: Deps, context: ActionContext, offerId: string, input: ComplianceRule): Promise<void> {
  const rule: ComplianceRule = {
    suspendOnExpiredEvidence: input.suspendOnExpiredEvidence,
    graceDays: input.graceDays,
    suspendOnCqcLoss: input.suspendOnCqcLoss,
  };
  if (!Number.isInteger(rule.graceDays) || rule.graceDays < 0 || rule.graceDays > 90)
    throw validationFailed([{ field: 'graceDays', message: 'Enter the days of grace as a whole number from 0 to 90' }]);
  await deps.db.transaction().execute(async (trx) => {
    await offerToChange(trx, context, offerId);
    await saveRule(trx, offerId, rule, actingUserId(context), deps.clock.now());
    await recordAudit(trx, context, { action: 'offer.compliance-rule', entityType: 'offer', entityId: offerId, details: { ...rule } });
  });
}
