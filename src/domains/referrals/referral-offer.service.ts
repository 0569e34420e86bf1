/** Where a referral goes (PRODUCT.md §3.5): the commissioner responsible for the referrer's practice, and its public offer for the service with the current protocol. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { publicOffersCovering } from '../offers/covering-offers.ts';
import type { OfferRecord } from '../offers/offer.repo.ts';
import { currentProtocolsOf, type ProtocolVersion } from '../offers/offer-terms.repo.ts';
import { responsibleForPractice } from '../reference/responsible-commissioner.service.ts';

export interface ReferralSetting {
  practice: { id: string; odsCode: string; name: string };
  commissioner: { id: string; odsCode: string; name: string };
  /** How the commissioner was decided, in plain words. */
  explanation: string;
}

export interface OfferedService {
  serviceCode: string;
  serviceName: string;
  offer: OfferRecord;
  protocol: ProtocolVersion;
}

/** A referrer's practice and the sub-ICB responsible for its patients; only GP practice referrers create referrals. */
export async function referralSettingFor(deps: Deps, principal: Principal | null): Promise<ReferralSetting> {
  if (principal?.role !== 'referrer') throw new DomainError('forbidden', 'Only referrers at a GP practice can create referrals');
  const practice = await deps.db.selectFrom('organisations').select(['id', 'ods_code', 'name']).where('id', '=', principal.organisationId).where('kind', '=', 'gp-practice').executeTakeFirst();
  if (!practice?.ods_code) throw new DomainError('forbidden', 'Only referrers at a GP practice with an ODS code can create referrals');
  const responsible = await responsibleForPractice(deps, practice.ods_code);
  const commissioner = await deps.db.selectFrom('organisations').select(['id', 'name']).where('ods_code', '=', responsible.subIcb.odsCode).where('kind', '=', 'commissioner').executeTakeFirst();
  if (!commissioner) throw new DomainError('organisation-unknown', `${responsible.subIcb.name} is not set up as a commissioner on AQP yet.`);
  return { practice: { id: practice.id, odsCode: practice.ods_code, name: practice.name }, commissioner: { id: commissioner.id, odsCode: responsible.subIcb.odsCode, name: commissioner.name }, explanation: responsible.explanation };
}

/** The services a practice can refer to: each with the public offer covering its commissioner (an open one before a closed one) and that offer's current protocol version. */
export async function servicesOfferedTo(deps: Deps, setting: ReferralSetting): Promise<OfferedService[]> {
  const covering = await publicOffersCovering(deps.db, setting.commissioner);
  const protocols = await currentProtocolsOf(deps.db, covering.map((offer) => offer.id));
  const byService = new Map<string, OfferedService>();
  for (const offer of covering) {
    const protocol = protocols.get(offer.id);
    if (protocol && !byService.has(offer.service.code)) byService.set(offer.service.code, { serviceCode: offer.service.code, serviceName: offer.service.name, offer, protocol });
  }
  return [...byService.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'en-GB'));
}

/** The offer and protocol a referral to this service is judged against, or a field error when no offer covers the practice's commissioner. */
export async function offeredService(deps: Deps, setting: ReferralSetting, serviceCode: string): Promise<OfferedService> {
  const found = (await servicesOfferedTo(deps, setting)).find((service) => service.serviceCode === serviceCode);
  if (!found) throw new DomainError('validation-failed', `No AQP offer covers ${setting.commissioner.name} for this service`, { fieldErrors: [{ field: 'serviceCode', message: `Select a service that ${setting.commissioner.name} commissions through AQP` }] });
  return found;
}
