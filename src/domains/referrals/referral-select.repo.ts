/** The one query that reads referrals whole (patient, offer, commissioner, referrer and chosen provider), shared by every lookup of a referral record. */
import type { Executor } from '../../db/executor.ts';
import { offerReference } from '../offers/offer.repo.ts';
import type { EligibilityResult } from './eligibility.rules.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

export interface ReferralRecord {
  id: string;
  ubrn: string;
  accessCodeHash: string;
  status: ReferralStatus;
  version: number;
  offer: { id: string; reference: string; title: string; serviceCode: string; serviceName: string; servicePublicName: string };
  protocolVersion: number;
  commissioner: { id: string; name: string; odsCode: string | null };
  referrer: { organisationId: string | null; organisationName: string | null; odsCode: string | null; userId: string | null };
  route: string;
  priority: string;
  bodyArea: string | null;
  answers: Record<string, boolean>;
  eligibility: EligibilityResult;
  clinicalInformation: string;
  referredOn: string;
  patient: {
    id: string;
    nhsNumber: string | null;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    sex: string;
    postcode: string;
  };
  chosen: {
    listingId: string;
    siteId: string;
    providerOrganisationId: string;
    providerName: string;
    providerOdsCode: string | null;
    siteName: string;
    siteAddress: string | null;
    sitePostcode: string;
  } | null;
  chosenAt: Date | null;
  chosenBy: string | null;
  sentAt: Date | null;
  acceptBy: string | null;
  acceptedAt: Date | null;
  dischargedAt: Date | null;
  sessionsAttended: number;
}

/** Referrals with everything a ReferralRecord holds; callers add their own where, order and limit. */
export function selectReferrals(db: Executor) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('organisations as c', 'c.id', 'r.commissioner_organisation_id')
    .leftJoin('organisations as ro', 'ro.id', 'r.referrer_organisation_id')
    .leftJoin('organisations as po', 'po.id', 'r.provider_organisation_id')
    .leftJoin('sites as site', 'site.id', 'r.site_id')
    .select([
      'r.id',
      'r.ubrn',
      'r.access_code_hash',
      'r.status',
      'r.version',
      'r.offer_id',
      'o.number',
      'o.title',
      's.code as service_code',
      's.name as service_name',
      's.public_name as service_public_name',
      'r.protocol_version',
      'c.id as commissioner_id',
      'c.name as commissioner_name',
      'c.ods_code as commissioner_ods',
      'r.referrer_organisation_id',
      'ro.name as referrer_name',
      'ro.ods_code as referrer_ods',
      'r.referrer_user_id',
      'r.route',
      'r.priority',
      'r.body_area',
      'r.answers',
      'r.eligibility',
      'r.clinical_information',
      'r.referred_on',
      'p.id as patient_id',
      'p.nhs_number',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.sex',
      'p.postcode',
      'r.listing_id',
      'r.site_id',
      'r.provider_organisation_id',
      'po.name as provider_name',
      'po.ods_code as provider_ods',
      'site.name as site_name',
      'site.address as site_address',
      'site.postcode as site_postcode',
      'r.chosen_at',
      'r.chosen_by',
      'r.sent_at',
      'r.accept_by',
      'r.accepted_at',
      'r.discharged_at',
      'r.sessions_attended',
    ]);
}

type ReferralRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectReferrals>['executeTakeFirst']>>>;

/** A selected row as the record every service reads. */
export function referralRecordOf(row: ReferralRow): ReferralRecord {
  return {
    id: row.id,
    ubrn: row.ubrn,
    accessCodeHash: row.access_code_hash,
    status: row.status as ReferralStatus,
    version: row.version,
    offer: {
      id: row.offer_id,
      reference: offerReference(row.number),
      title: row.title,
      serviceCode: row.service_code,
      serviceName: row.service_name,
      servicePublicName: row.service_public_name ?? row.service_name,
    },
    protocolVersion: row.protocol_version,
    commissioner: { id: row.commissioner_id, name: row.commissioner_name, odsCode: row.commissioner_ods },
    referrer: {
      organisationId: row.referrer_organisation_id,
      organisationName: row.referrer_name,
      odsCode: row.referrer_ods,
      userId: row.referrer_user_id,
    },
    route: row.route,
    priority: row.priority,
    bodyArea: row.body_area,
    answers: row.answers as Record<string, boolean>,
    eligibility: row.eligibility as EligibilityResult,
    clinicalInformation: row.clinical_information,
    referredOn: row.referred_on,
    patient: {
      id: row.patient_id,
      nhsNumber: row.nhs_number,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      sex: row.sex,
      postcode: row.postcode,
    },
    chosen:
      row.listing_id && row.site_id && row.provider_organisation_id
        ? {
            listingId: row.listing_id,
            siteId: row.site_id,
            providerOrganisationId: row.provider_organisation_id,
            providerName: row.provider_name!,
            providerOdsCode: row.provider_ods,
            siteName: row.site_name!,
            siteAddress: row.site_address,
            sitePostcode: row.site_postcode!,
          }
        : null,
    chosenAt: row.chosen_at,
    chosenBy: row.chosen_by,
    sentAt: row.sent_at,
    acceptBy: row.accept_by,
    acceptedAt: row.accepted_at,
    dischargedAt: row.discharged_at,
    sessionsAttended: row.sessions_attended,
  };
}
