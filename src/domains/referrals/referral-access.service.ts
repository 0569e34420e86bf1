/** Who may see a referral: the referring organisation and the chosen provider; every view, and every refusal, is audited by the repository in the same transaction as the read. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { SeenReferral } from './referral-access.rules.ts';
import { normaliseUbrn } from './referral-reference.rules.ts';
import { referralSeenBy, referralSeenByPatient } from './referral-view.repo.ts';
import type { ReferralRecord } from './referral.repo.ts';

/** What the pages show of a seen referral, re-exported so http reads them from the service. */
export { mayReadContactDetails, type SeenReferral } from './referral-access.rules.ts';

/** A referral for the referring organisation or the chosen provider, with its contact details where that side may read them and the `referral.view` audit row; to anyone else it does not exist. */
export async function viewReferral(
  deps: Deps,
  context: ActionContext,
  reference: string,
  options: { page: string; referrerOnly?: boolean } = { page: 'referral' },
): Promise<SeenReferral> {
  const seen = await deps.db.transaction().execute((trx) => referralSeenBy(trx, context, reference, normaliseUbrn(reference), options));
  if (!seen) throw new DomainError('not-found', 'There is no referral with that reference');
  return seen;
}

/** A referral for the patient who proved who they are (reference, access code and date of birth), with its audit row. */
export async function viewReferralAsPatient(deps: Deps, context: ActionContext, ubrn: string, page: string): Promise<ReferralRecord> {
  const referral = await deps.db.transaction().execute((trx) => referralSeenByPatient(trx, context, ubrn, page));
  if (!referral) throw new DomainError('not-found', 'There is no referral with that reference');
  return referral;
}
