/** Where a referral goes (PRODUCT.md §3.5): the commissioner responsible for the patient's GP practice (by residence when unregistered), and its public offer for the service with the current protocol. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { findOrganisationById, findOrganisationByOdsCode } from '../identity/organisation.repo.ts';
import type { Principal } from '../identity/principal.ts';
import { publicOffersCovering } from '../offers/covering-offers.ts';
import type { OfferRecord } from '../offers/offer.repo.ts';
import { currentProtocolsOf, type ProtocolVersion } from '../offers/offer-terms.repo.ts';
import { odsNameInTitleCase } from '../reference/ods-names.rules.ts';
import {
  type ResponsibleCommissioner,
  responsibleForPractice,
  responsibleForResidence,
} from '../reference/responsible-commissioner.service.ts';
import { routeReasons } from './eligibility.rules.ts';
import { isPseudoPostcode, type PatientPostcode } from './patient-postcode.ts';

export interface OrganisationRef {
  id: string;
  odsCode: string;
  name: string;
}

/** A commissioner with the area it serves in patients' words ("Calderdale"), for public pages. */
export interface CommissionerRef extends OrganisationRef {
  areaName: string;
}

/** The commissioner a referral is judged for, and how it was decided in plain words. */
export interface CommissionerSetting {
  commissioner: CommissionerRef;
  explanation: string;
}

/** A referrer's setting: always their own GP practice. */
export interface ReferralSetting extends CommissionerSetting {
  practice: OrganisationRef;
}

/** A self-referring patient's setting: their GP practice, or none when they are not registered. */
export interface PatientSetting extends CommissionerSetting {
  practice: OrganisationRef | null;
}

export interface OfferedService {
  serviceCode: string;
  serviceName: string;
  /** What patients call it ("Talking therapies"). */
  servicePublicName: string;
  offer: OfferRecord;
  protocol: ProtocolVersion;
}

async function commissionerOnAqp(deps: Deps, responsible: ResponsibleCommissioner): Promise<CommissionerRef | undefined> {
  const commissioner = await findOrganisationByOdsCode(deps.db, responsible.subIcb.odsCode);
  return commissioner?.kind === 'commissioner'
    ? { id: commissioner.id, odsCode: responsible.subIcb.odsCode, name: commissioner.name, areaName: responsible.subIcb.areaName }
    : undefined;
}

/** Refuses anyone but a referrer: only referrers at a GP practice create referrals. */
export function mustBeReferrer(principal: Principal | null): asserts principal is Principal & { role: 'referrer' } {
  if (principal?.role !== 'referrer') throw new DomainError('forbidden', 'Only referrers at a GP practice can create referrals');
}

/** A referrer's practice and the sub-ICB responsible for its patients; only GP practice referrers create referrals. */
export async function referralSettingFor(deps: Deps, principal: Principal | null): Promise<ReferralSetting> {
  mustBeReferrer(principal);
  const organisation = await findOrganisationById(deps.db, principal.organisationId);
  const practice = organisation?.kind === 'gp-practice' ? organisation : undefined;
  if (!practice?.odsCode) throw new DomainError('forbidden', 'Only referrers at a GP practice with an ODS code can create referrals');
  const responsible = await responsibleForPractice(deps, practice.odsCode);
  const commissioner = await commissionerOnAqp(deps, responsible);
  if (!commissioner)
    throw new DomainError('organisation-unknown', `${responsible.subIcb.name} is not set up as a commissioner on AQP yet.`);
  return {
    practice: { id: practice.id, odsCode: practice.odsCode, name: practice.name },
    commissioner,
    explanation: responsible.explanation,
  };
}

async function patientPractice(deps: Deps, odsCode: string): Promise<{ practice: OrganisationRef; responsible: ResponsibleCommissioner }> {
  const code = odsCode.trim().toUpperCase();
  const found = await findOrganisationByOdsCode(deps.db, code);
  const practice = found?.kind === 'gp-practice' ? found : undefined;
  if (!practice)
    throw validationFailed([
      {
        field: 'practice',
        message: `There is no GP surgery with the code ${code.slice(0, 12)}. Search for your surgery by name or postcode.`,
      },
    ]);
  try {
    return {
      practice: { id: practice.id, odsCode: code, name: odsNameInTitleCase(practice.name) },
      responsible: await responsibleForPractice(deps, code),
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'organisation-unknown')
      throw validationFailed([
        {
          field: 'practice',
          message: `${odsNameInTitleCase(practice.name)} is not in an NHS England area, so AQP services cannot be used from it.`,
        },
      ]);
    throw error;
  }
}

/** An unregistered patient's commissioner by residence; a pseudo-postcode or a place outside England gives none, and the patient is told where to go instead. */
async function residenceOf(deps: Deps, postcode: PatientPostcode): Promise<ResponsibleCommissioner | null> {
  if (isPseudoPostcode(postcode)) {
    throw validationFailed([
      {
        field: 'postcode',
        message: `${postcode.postcode} means ${postcode.description}, so we cannot tell which NHS area’s services you can use without a GP surgery. You do not need a fixed address to register with a GP: contact a GP surgery near you, or call NHS 111 if you need help now.`,
      },
    ]);
  }
  if (postcode.countryCode && !postcode.countryCode.startsWith('E')) {
    throw validationFailed([
      {
        field: 'postcode',
        message: `${postcode.postcode} is not in England. AQP services are commissioned by the NHS in England: ask a GP surgery near you about services where you live.`,
      },
    ]);
  }
  return responsibleForResidence(deps, postcode);
}

/** A self-referring patient's commissioner (PRODUCT.md §3.5): their GP practice's sub-ICB, or by residence when they are not registered; problems are field errors on the practice or postcode. */
export async function patientSettingFor(
  deps: Deps,
  location: { practiceOdsCode: string | null; postcode: PatientPostcode },
): Promise<PatientSetting> {
  const found = location.practiceOdsCode
    ? await patientPractice(deps, location.practiceOdsCode)
    : { practice: null, responsible: await residenceOf(deps, location.postcode) };
  const field = found.practice ? 'practice' : 'postcode';
  if (!found.responsible)
    throw validationFailed([
      { field, message: `We cannot tell which NHS area ${location.postcode.postcode} is in. Ask a GP surgery near you for help.` },
    ]);
  const commissioner = await commissionerOnAqp(deps, found.responsible);
  if (!commissioner)
    throw validationFailed([
      {
        field,
        message: `The NHS in ${found.responsible.subIcb.areaName} does not offer services through AQP yet. Ask ${found.practice ? 'your GP surgery' : 'a GP surgery near you'} about other ways to get help.`,
      },
    ]);
  const explanation = found.practice
    ? `Your GP surgery, ${found.practice.name}, is in ${commissioner.areaName}.`
    : `You are not registered with a GP, so the services are those of the area you live in: ${found.responsible.explanation}`;
  return { practice: found.practice, commissioner, explanation };
}

/** The services a commissioner's patients can be referred to: each with the public offer covering it (an open one before a closed one) and that offer's current protocol version. */
export async function servicesOfferedTo(deps: Deps, setting: CommissionerSetting): Promise<OfferedService[]> {
  const covering = await publicOffersCovering(deps.db, setting.commissioner);
  const protocols = await currentProtocolsOf(
    deps.db,
    covering.map((offer) => offer.id),
  );
  const byService = new Map<string, OfferedService>();
  for (const offer of covering) {
    const protocol = protocols.get(offer.id);
    if (protocol && !byService.has(offer.service.code))
      byService.set(offer.service.code, {
        serviceCode: offer.service.code,
        serviceName: offer.service.name,
        servicePublicName: offer.service.publicName,
        offer,
        protocol,
      });
  }
  return [...byService.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'en-GB'));
}

/** True when the service's current protocol lets patients refer themselves (routes include 'self'). */
export function allowsSelfReferral(service: OfferedService): boolean {
  return routeReasons(service.protocol.content, 'self').length === 0;
}

/** The offer and protocol a referral to this service is judged against, or a field error when no offer covers the commissioner. */
export async function offeredService(deps: Deps, setting: CommissionerSetting, serviceCode: string): Promise<OfferedService> {
  return serviceAmong(await servicesOfferedTo(deps, setting), setting, serviceCode);
}

/** The service among those offered to the commissioner, or the same field error as `offeredService`. */
export function serviceAmong(services: OfferedService[], setting: CommissionerSetting, serviceCode: string): OfferedService {
  const found = services.find((service) => service.serviceCode === serviceCode);
  if (!found)
    throw new DomainError('validation-failed', `No AQP offer covers ${setting.commissioner.name} for this service`, {
      fieldErrors: [{ field: 'serviceCode', message: `Select a service that ${setting.commissioner.name} commissions through AQP` }],
    });
  return found;
}
