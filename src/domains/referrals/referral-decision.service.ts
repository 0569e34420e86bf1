/** The steps every referral shares, whoever makes it (PRODUCT.md §3.5): the postcode looked up, eligibility judged with the patient's earlier referrals, and only an eligible referral saved with a fresh reference and access code. */
import { type FieldError, isDomainError } from '../../lib/errors.ts';
import { pseudoPostcodeOf } from '../../lib/postcode.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId } from '../offers/offer-access.ts';
import { hashAccessCode } from './access-code-hash.ts';
import { lookupPostcode } from '../reference/postcode.service.ts';
import { type EligibilityResult, evaluateEligibility } from './eligibility.rules.ts';
import { hasContactDetails, type PatientContact } from './patient-contact.rules.ts';
import type { PatientPostcode } from './patient-postcode.ts';
import { insertContactDetails } from './referral-contact-details.repo.ts';
import type { CheckedReferral } from './referral-input.rules.ts';
import type { OfferedService, OrganisationRef } from './referral-offer.service.ts';
import { newAccessCode, newUbrn, normaliseAccessCode } from './referral-reference.rules.ts';
import { earlierReferralsOf, insertPatientIfNew, lockPatientReferrals, upsertPatient } from './patient.repo.ts';
import { insertNewReferral } from './referral-create.repo.ts';

/** The outcome shown before anything is sent: every reason and its advice; a reference and access code only when eligible. */
export interface ReferralDecision {
  eligibility: EligibilityResult;
  protocolVersion: number;
  offer: { id: string; reference: string; title: string; serviceName: string };
  commissioner: OrganisationRef;
  created?: { referralId: string; ubrn: string; accessCode: string };
}

/** Who made the referral and from where: the referring practice (null for an unregistered patient), the user, and the event's actor. */
export interface ReferralSource {
  commissioner: OrganisationRef;
  practice: OrganisationRef | null;
  referrerUserId: string | null;
  actor: 'referrer' | 'patient';
}

export interface ReferralToSave {
  source: ReferralSource;
  service: OfferedService;
  referral: CheckedReferral;
  postcode: string;
  /** How to reach the patient and their needs, kept with the referral (and phone and email on the patient as before). */
  contact?: PatientContact;
  /** A check that must still hold once the patient is locked (a self-referral's identity); it throws to save nothing. */
  checkUnderLock?: (db: Executor) => Promise<void>;
}

/** What the save decided: the judgement made under the patient's lock, and the reference and access code only when it was saved. */
export interface SaveOutcome {
  eligibility: EligibilityResult;
  created?: NonNullable<ReferralDecision['created']>;
}

const UBRN_ATTEMPTS = 5;

/** The postcode as found in the directory or an NHS pseudo-postcode, or the field error to show beside the postcode box. */
export async function postcodeOrError(deps: Deps, text: string, emptyMessage: string): Promise<PatientPostcode | FieldError> {
  if (!text.trim()) return { field: 'postcode', message: emptyMessage };
  const pseudo = pseudoPostcodeOf(text);
  if (pseudo) return pseudo;
  try {
    return await lookupPostcode(deps, text);
  } catch (error) {
    if (isDomainError(error) && ['postcode-unknown', 'postcode-terminated', 'validation-failed'].includes(error.code))
      return { field: 'postcode', message: error.message };
    throw error;
  }
}

/** Judges a checked referral against the service's current protocol, counting the patient's earlier referrals to the service (as `db` sees them) for repeat limits. */
export async function judgeReferral(
  deps: Deps,
  service: OfferedService,
  referral: CheckedReferral,
  db: Executor = deps.db,
): Promise<EligibilityResult> {
  return evaluateEligibility(service.protocol.content, {
    referralDate: deps.clock.today(),
    dateOfBirth: referral.dateOfBirth,
    sex: referral.sex,
    route: referral.route,
    priority: referral.priority,
    exclusionAnswers: referral.answers,
    prerequisiteAnswers: referral.answers,
    bodyArea: referral.bodyArea,
    earlierReferrals: await earlierReferralsOf(db, referral.nhsNumber, service.serviceCode),
  });
}

/** The decision to show: the eligibility result with the offer, protocol version and commissioner it was judged for. */
export function decisionOf(service: OfferedService, commissioner: OrganisationRef, eligibility: EligibilityResult): ReferralDecision {
  return {
    eligibility,
    protocolVersion: service.protocol.version,
    commissioner,
    offer: { id: service.offer.id, reference: service.offer.reference, title: service.offer.title, serviceName: service.serviceName },
  };
}

function isUbrnCollision(error: unknown): boolean {
  return (error as { code?: string }).code === '23505' && String((error as Error).message).includes('referrals_ubrn_key');
}

/** Saves a referral judged eligible, awaiting the patient's choice, with a fresh reference and access code (only its keyed hash is kept, decision 0074). It is judged again under the patient's lock, so of simultaneous referrals only those within the repeat limit are saved (decision 0024); a reference collision draws again. */
export async function saveIfStillEligible(
  deps: Deps,
  context: ActionContext,
  save: ReferralToSave,
  ubrns: () => string = newUbrn,
): Promise<SaveOutcome> {
  const accessCode = newAccessCode();
  for (let attempt = 1; ; attempt += 1) {
    const ubrn = ubrns();
    const accessCodeHash = await hashAccessCode(deps.accessCodeKeys, ubrn, normaliseAccessCode(accessCode));
    try {
      const saved = await judgeAndInsert(deps, context, save, ubrn, accessCodeHash);
      return saved.referralId
        ? { eligibility: saved.eligibility, created: { referralId: saved.referralId, ubrn, accessCode } }
        : { eligibility: saved.eligibility };
    } catch (error) {
      if (!isUbrnCollision(error) || attempt >= UBRN_ATTEMPTS) throw error;
    }
  }
}

/** One transaction: the patient's lock first, then the judgement against what is committed, then (only when eligible) every row of the new referral. */
async function judgeAndInsert(
  deps: Deps,
  context: ActionContext,
  save: ReferralToSave,
  ubrn: string,
  accessCodeHash: string,
): Promise<{ eligibility: EligibilityResult; referralId?: string }> {
  return deps.db.transaction().execute(async (trx) => {
    await lockPatientReferrals(trx, save.referral.nhsNumber);
    await save.checkUnderLock?.(trx);
    const eligibility = await judgeReferral(deps, save.service, save.referral, trx);
    if (!eligibility.eligible) return { eligibility };
    return { eligibility, referralId: await insertAll(deps, trx, context, save, eligibility, ubrn, accessCodeHash) };
  });
}

async function insertAll(
  deps: Deps,
  trx: Executor,
  context: ActionContext,
  save: ReferralToSave,
  eligibility: EligibilityResult,
  ubrn: string,
  accessCodeHash: string,
): Promise<string> {
  const at = deps.clock.now();
  const patientId = await savePatient(trx, save, at);
  const saved = { eligibility, ubrn, accessCodeHash, patientId, at, referredOn: deps.clock.today() };
  const referralId = await insertNewReferral(trx, newReferralRows(context, save, saved));
  if (save.contact && hasContactDetails(save.contact)) await insertContactDetails(trx, referralId, save.contact);
  return referralId;
}

/** A referrer's referral brings the patient's record up to date; a self-referral creates it only when new. */
function savePatient(trx: Executor, save: ReferralToSave, at: Date): Promise<string> {
  const patient = {
    ...save.referral,
    postcode: save.postcode,
    practiceOrganisationId: save.source.practice?.id ?? null,
    phone: save.contact?.phone,
    email: save.contact?.email,
  };
  return save.source.actor === 'patient' ? insertPatientIfNew(trx, patient, at) : upsertPatient(trx, patient, at);
}

/** The referral awaiting choice, its first event and its audit row, as one statement writes them. */
function newReferralRows(
  context: ActionContext,
  { source, service, referral }: ReferralToSave,
  saved: { eligibility: EligibilityResult; ubrn: string; accessCodeHash: string; patientId: string; at: Date; referredOn: string },
): Parameters<typeof insertNewReferral>[1] {
  const { eligibility, ubrn, accessCodeHash, patientId, at, referredOn } = saved;
  const comment = source.actor === 'patient' ? 'Self-referral created; eligible' : 'Referral created; eligible';
  return {
    referral: {
      ubrn,
      accessCodeHash,
      patientId,
      referral,
      eligibility,
      referredOn,
      at,
      offerId: service.offer.id,
      protocolVersion: service.protocol.version,
      commissionerOrganisationId: source.commissioner.id,
      referrerOrganisationId: source.practice?.id ?? null,
      referrerUserId: source.referrerUserId,
    },
    event: {
      fromStatus: null,
      toStatus: 'awaiting-choice',
      actor: source.actor,
      comment,
      at,
      userId: source.referrerUserId,
      apiKeyId: actingApiKeyId(context),
    },
    context,
    audit: {
      action: 'referral.create',
      entityType: 'referral',
      details: { ubrn, offerId: service.offer.id, protocolVersion: service.protocol.version, route: referral.route },
    },
  };
}
