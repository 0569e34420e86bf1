/** Self-referral (PRODUCT.md §3.5, issue #6 item 8): a patient refers themselves, without signing in, to a service whose protocol allows it; judged and saved like any referral. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { decisionOf, judgeReferral, postcodeOrError, type ReferralDecision, saveIfStillEligible } from './referral-decision.service.ts';
import { type CheckedReferral, patientErrors } from './referral-input.rules.ts';
import { offeredService, type OfferedService, type PatientSetting, patientSettingFor } from './referral-offer.service.ts';
import { patientIdentityOf } from './patient.repo.ts';
import { checkSelfReferralInput, matchesPatientRecord, type SelfReferralInput } from './self-referral-input.rules.ts';

/** Self-referrals accepted per client address in ten minutes (form and API): enough for a person correcting a few mistakes, too few to flood providers with invented referrals. */
export const SELF_REFERRALS_PER_TEN_MINUTES = 10;

/** Said when the NHS number is known with another last name or date of birth: earlier referrals are neither shown nor changed for someone who cannot prove who they are. */
export const IDENTITY_MISMATCH =
  'These details do not match the NHS record we hold for this NHS number. Check your NHS number, last name and date of birth, or ask your GP surgery to refer you.';

/** The patient's postcode and commissioner; a problem with either is reported together with any problem in the patient's details. */
async function locate(deps: Deps, input: SelfReferralInput): Promise<{ setting: PatientSetting; postcode: string }> {
  const detailErrors = (extra: FieldError[]) => [
    ...patientErrors(input, deps.clock.today(), 'patient').filter((error) => error.field !== 'postcode'),
    ...extra,
  ];
  const postcode = await postcodeOrError(deps, input.postcode, 'Enter your postcode');
  if ('field' in postcode) throw validationFailed(detailErrors([postcode]));
  try {
    return { setting: await patientSettingFor(deps, { practiceOdsCode: input.practiceOdsCode, postcode }), postcode: postcode.postcode };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation-failed')
      throw validationFailed(detailErrors(error.details.fieldErrors ?? []));
    throw error;
  }
}

/** Where a self-referral goes, once found: the patient's setting, their postcode and the service offered there. */
export interface SelfReferralPlace {
  setting: PatientSetting;
  postcode: string;
  service: OfferedService;
}

/** Judges a self-referral from its input alone (the API): finds the patient's commissioner and the service, then decides. */
export async function selfRefer(
  deps: Deps,
  context: ActionContext,
  input: SelfReferralInput,
  options: { ubrns?: () => string } = {},
): Promise<ReferralDecision> {
  const { setting, postcode } = await locate(deps, input);
  return decideSelfReferral(
    deps,
    context,
    { setting, postcode, service: await offeredService(deps, setting, input.serviceCode) },
    input,
    options,
  );
}

/** Refuses someone who has not signed in when the NHS number is held with another last name or date of birth (decision 0019). */
async function confirmIdentity(db: Executor, referral: CheckedReferral): Promise<void> {
  const held = await patientIdentityOf(db, referral.nhsNumber);
  if (held && !matchesPatientRecord(held, referral)) throw validationFailed([{ field: 'nhsNumber', message: IDENTITY_MISMATCH }]);
}

/**
 * Checks the input, judges eligibility, then checks the patient's identity: what both checking and sending a self-referral do
 * first. Identity is read after the judgement, so an earlier referral the judgement saw brings its patient record with it (they
 * are committed together): someone giving another's NHS number is told it does not match, never that the patient was referred.
 */
async function checkAndJudge(deps: Deps, place: SelfReferralPlace, input: SelfReferralInput) {
  const { errors, checked } = checkSelfReferralInput(input, place.service.protocol.content, deps.clock.today());
  if (!checked) throw validationFailed(errors);
  const judged = await judgeReferral(deps, place.service, checked.referral);
  await confirmIdentity(deps.db, checked.referral);
  return { checked, judged };
}

async function auditRefusal(deps: Deps, context: ActionContext, service: OfferedService, reasons: { code: string }[]): Promise<void> {
  await recordAudit(deps.db, context, {
    action: 'referral.self-referral',
    outcome: 'denied',
    entityType: 'offer',
    entityId: service.offer.id,
    details: { serviceCode: service.serviceCode, reasons: reasons.map((reason) => reason.code) },
  });
}

/** Judges a self-referral without saving it, so the patient can check their answers before sending (decision 0031); a refusal is audited as when sending. */
export async function checkSelfReferral(
  deps: Deps,
  context: ActionContext,
  place: SelfReferralPlace,
  input: SelfReferralInput,
): Promise<ReferralDecision> {
  const { judged } = await checkAndJudge(deps, place, input);
  if (!judged.eligible) await auditRefusal(deps, context, place.service, judged.reasons);
  return decisionOf(place.service, place.setting.commissioner, judged);
}

/** Judges a self-referral (route 'self', routine) where it goes and, when eligible, saves it with the practice as referrer (none when unregistered) and no referring user; identity and repeat limits are checked again under the patient's lock (decision 0024); a refusal is audited without the patient's details. */
export async function decideSelfReferral(
  deps: Deps,
  context: ActionContext,
  place: SelfReferralPlace,
  input: SelfReferralInput,
  options: { ubrns?: () => string } = {},
): Promise<ReferralDecision> {
  const { setting, postcode, service } = place;
  const { checked, judged } = await checkAndJudge(deps, place, input);
  const referral = checked.referral;
  const source = { commissioner: setting.commissioner, practice: setting.practice, referrerUserId: null, actor: 'patient' as const };
  const saved = judged.eligible
    ? await saveIfStillEligible(
        deps,
        context,
        { source, service, referral, postcode, contact: checked.contact, checkUnderLock: (db) => confirmIdentity(db, referral) },
        options.ubrns,
      )
    : { eligibility: judged, created: undefined };
  const decision = decisionOf(service, setting.commissioner, saved.eligibility);
  if (saved.created) return { ...decision, created: saved.created };
  await auditRefusal(deps, context, service, saved.eligibility.reasons);
  return decision;
}

/** Records a form refused because its hidden trap field was filled, which people never see but form-filling bots do; nothing else is kept. */
export async function refuseAutomatedSelfReferral(deps: Deps, context: ActionContext, serviceCode: string): Promise<void> {
  await recordAudit(deps.db, context, {
    action: 'referral.self-referral',
    outcome: 'denied',
    entityType: 'service',
    entityId: serviceCode.slice(0, 80),
    details: { reason: 'honeypot' },
  });
}
