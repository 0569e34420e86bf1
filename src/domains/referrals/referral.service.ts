/** Creating a referral (PRODUCT.md §3.5): the input checked, eligibility judged against the offer's current protocol, and only an eligible referral saved. */
import { type FieldError, isDomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { hashPassword } from '../identity/password.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import type { PostcodeRecord } from '../reference/postcode.repo.ts';
import { lookupPostcode } from '../reference/postcode.service.ts';
import { type EligibilityResult, evaluateEligibility } from './eligibility.rules.ts';
import { type CheckedReferral, checkReferralInput, type ReferralInput } from './referral-input.rules.ts';
import { offeredService, type OfferedService, referralSettingFor, type ReferralSetting } from './referral-offer.service.ts';
import { newAccessCode, newUbrn, normaliseAccessCode } from './referral-reference.rules.ts';
import { earlierReferralsOf, insertReferral, insertReferralEvent, upsertPatient } from './referral.repo.ts';

/** The outcome shown before anything is sent: every reason and its advice; a reference and access code only when eligible. */
export interface ReferralDecision {
  eligibility: EligibilityResult;
  protocolVersion: number;
  offer: { id: string; reference: string; title: string; serviceName: string };
  commissioner: ReferralSetting['commissioner'];
  created?: { referralId: string; ubrn: string; accessCode: string };
}

const UBRN_ATTEMPTS = 5;

async function postcodeOrError(deps: Deps, text: string): Promise<PostcodeRecord | FieldError> {
  if (!text.trim()) return { field: 'postcode', message: 'Enter the patient’s postcode' };
  try {
    return await lookupPostcode(deps, text);
  } catch (error) {
    if (isDomainError(error) && ['postcode-unknown', 'postcode-terminated', 'validation-failed'].includes(error.code)) return { field: 'postcode', message: error.message };
    throw error;
  }
}

async function checkedInput(deps: Deps, service: OfferedService, input: ReferralInput): Promise<{ referral: CheckedReferral; postcode: PostcodeRecord }> {
  const { errors, referral } = checkReferralInput(input, service.protocol.content, deps.clock.today());
  const postcode = await postcodeOrError(deps, input.postcode);
  const allErrors = [...errors.filter((error) => error.field !== 'postcode'), ...('field' in postcode ? [postcode] : [])];
  if (allErrors.length || !referral || 'field' in postcode) throw validationFailed(allErrors);
  return { referral, postcode };
}

function isUbrnCollision(error: unknown): boolean {
  return (error as { code?: string }).code === '23505' && String((error as Error).message).includes('referrals_ubrn_key');
}

/** Judges a referral and, when eligible, saves it awaiting the patient's choice with a fresh reference and access code (only its hash is kept). */
export async function createReferral(deps: Deps, context: ActionContext, input: ReferralInput, options: { ubrns?: () => string } = {}): Promise<ReferralDecision> {
  const setting = await referralSettingFor(deps, context.principal);
  const service = await offeredService(deps, setting, input.serviceCode);
  const { referral, postcode } = await checkedInput(deps, service, input);
  const today = deps.clock.today();
  const eligibility = evaluateEligibility(service.protocol.content, {
    referralDate: today, dateOfBirth: referral.dateOfBirth, sex: referral.sex, route: referral.route, priority: referral.priority,
    exclusionAnswers: referral.answers, prerequisiteAnswers: referral.answers, bodyArea: referral.bodyArea,
    earlierReferrals: await earlierReferralsOf(deps.db, referral.nhsNumber, service.serviceCode),
  });
  const decision: ReferralDecision = {
    eligibility, protocolVersion: service.protocol.version, commissioner: setting.commissioner,
    offer: { id: service.offer.id, reference: service.offer.reference, title: service.offer.title, serviceName: service.serviceName },
  };
  if (!eligibility.eligible) return decision;
  const accessCode = newAccessCode();
  const accessCodeHash = await hashPassword(normaliseAccessCode(accessCode));
  for (let attempt = 1; ; attempt += 1) {
    const ubrn = (options.ubrns ?? newUbrn)();
    try {
      const referralId = await saveReferral(deps, context, { setting, service, referral, postcode: postcode.postcode, eligibility, ubrn, accessCodeHash });
      return { ...decision, created: { referralId, ubrn, accessCode } };
    } catch (error) {
      if (!isUbrnCollision(error) || attempt >= UBRN_ATTEMPTS) throw error;
    }
  }
}

interface ReferralToSave {
  setting: ReferralSetting;
  service: OfferedService;
  referral: CheckedReferral;
  postcode: string;
  eligibility: EligibilityResult;
  ubrn: string;
  accessCodeHash: string;
}

async function saveReferral(deps: Deps, context: ActionContext, save: ReferralToSave): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const patientId = await upsertPatient(trx, { ...save.referral, postcode: save.postcode, practiceOrganisationId: save.setting.practice.id }, at);
    const referralId = await insertReferral(trx, {
      ubrn: save.ubrn, accessCodeHash: save.accessCodeHash, patientId, offerId: save.service.offer.id, protocolVersion: save.service.protocol.version,
      commissionerOrganisationId: save.setting.commissioner.id, referrerOrganisationId: save.setting.practice.id, referrerUserId: actingUserId(context),
      referral: save.referral, eligibility: save.eligibility, referredOn: deps.clock.today(), at,
    });
    await insertReferralEvent(trx, { referralId, fromStatus: null, toStatus: 'awaiting-choice', actor: 'referrer', comment: 'Referral created; eligible', at, userId: actingUserId(context), apiKeyId: actingApiKeyId(context) });
    await recordAudit(trx, context, { action: 'referral.create', entityType: 'referral', entityId: referralId, details: { ubrn: save.ubrn, offerId: save.service.offer.id, protocolVersion: save.service.protocol.version } });
    return referralId;
  });
}

