/** Creating a referral as a referrer (PRODUCT.md §3.5): the input checked, eligibility judged against the offer's current protocol, and only an eligible referral saved. */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId } from '../offers/offer-access.ts';
import type { PatientPostcode } from './patient-postcode.ts';
import type { PatientContact } from './patient-contact.rules.ts';
import { decisionOf, judgeReferral, postcodeOrError, type ReferralDecision, saveIfStillEligible } from './referral-decision.service.ts';
import { type CheckedReferral, checkReferralInput, type ReferralInput } from './referral-input.rules.ts';
import { type OfferedService, serviceAmong } from './referral-offer.service.ts';
import { referrerSettingAndServices } from './referral-setting-cache.ts';

async function checkedInput(
  deps: Deps,
  service: OfferedService,
  input: ReferralInput,
): Promise<{ referral: CheckedReferral; contact?: PatientContact; postcode: PatientPostcode }> {
  const { errors, referral, contact } = checkReferralInput(input, service.protocol.content, deps.clock.today());
  const postcode = await postcodeOrError(deps, input.postcode, 'Enter the patient’s postcode');
  const allErrors = [...errors.filter((error) => error.field !== 'postcode'), ...('field' in postcode ? [postcode] : [])];
  if (allErrors.length || !referral || 'field' in postcode) throw validationFailed(allErrors);
  return { referral, contact, postcode };
}

/** Judges a referral without saving anything, so the referrer sees the result before deciding to send (issue #12 item 9). */
export async function checkReferral(deps: Deps, context: ActionContext, input: ReferralInput): Promise<ReferralDecision> {
  const { setting, services } = await referrerSettingAndServices(deps, context.principal);
  const service = serviceAmong(services, setting, input.serviceCode);
  const { referral } = await checkedInput(deps, service, input);
  return decisionOf(service, setting.commissioner, await judgeReferral(deps, service, referral));
}

/** Judges a referral and, when eligible, saves it awaiting the patient's choice with a fresh reference and access code (only its hash is kept); judged once, under the patient's lock (decision 0074). */
export async function createReferral(
  deps: Deps,
  context: ActionContext,
  input: ReferralInput,
  options: { ubrns?: () => string } = {},
): Promise<ReferralDecision> {
  const { setting, services } = await referrerSettingAndServices(deps, context.principal);
  const service = serviceAmong(services, setting, input.serviceCode);
  const { referral, contact, postcode } = await checkedInput(deps, service, input);
  const source = {
    commissioner: setting.commissioner,
    practice: setting.practice,
    referrerUserId: actingUserId(context),
    actor: 'referrer' as const,
  };
  const saved = await saveIfStillEligible(
    deps,
    context,
    { source, service, referral, contact, postcode: postcode.postcode },
    options.ubrns,
  );
  return { ...decisionOf(service, setting.commissioner, saved.eligibility), ...(saved.created && { created: saved.created }) };
}
