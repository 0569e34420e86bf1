/** Referrals over the API (issue #6): create with the eligibility result, read (referrer or chosen provider, audited), the choice list offered, and the choice that sends it. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ChoiceListEntry } from '../../domains/referrals/choice-list.repo.ts';
import type { Deps } from '../../domains/deps.ts';
import { CHOICE_ORDERS } from '../../domains/referrals/choice-list.rules.ts';
import { type OfferedChoiceList, offerChoiceListByReference } from '../../domains/referrals/choice-list.service.ts';
import { chooseProvider } from '../../domains/referrals/choice.service.ts';
import { type SeenReferral, viewReferral } from '../../domains/referrals/referral-access.service.ts';
import { PATIENT_SEXES, REFERRAL_PRIORITIES, REFERRER_ROUTES } from '../../domains/referrals/referral-input.rules.ts';
import { createReferral } from '../../domains/referrals/referral.service.ts';
import { referralOutcomesOf } from '../../domains/referrals/referral-outcomes.service.ts';
import {
  ContactDetails,
  contactDetailsJson,
  ContactFields,
  CommunicationNeedsInput,
  contactInputOfBody,
} from './patient-contact.schemas.ts';
import { Decision, Eligibility, sendDecision } from './referral-decision.api.ts';
import { Outcomes, outcomesJson } from './referral-outcomes.schemas.ts';
import { problemResponses } from './schemas.ts';
import { MeasuredQualityProperties } from './published-quality.schema.ts';

const Ubrn = Type.Object({ ubrn: Type.String({ maxLength: 20 }) });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const NewReferral = Type.Object({
  serviceCode: Type.String({ maxLength: 80 }),
  patient: Type.Object({
    nhsNumber: Type.String({ maxLength: 20 }),
    givenName: Type.String({ maxLength: 200 }),
    familyName: Type.String({ maxLength: 200 }),
    dateOfBirth: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    sex: Type.Enum(PATIENT_SEXES),
    postcode: Type.String({ maxLength: 10 }),
    ...ContactFields,
  }),
  communicationNeeds: Type.Optional(CommunicationNeedsInput),
  priority: Type.Enum(REFERRAL_PRIORITIES),
  route: Type.Enum(REFERRER_ROUTES),
  bodyArea: Type.Optional(Type.String({ maxLength: 100 })),
  answers: Type.Record(Type.String({ maxLength: 60 }), Type.Boolean(), {
    description: 'Answers to the protocol’s exclusion and prerequisite questions by id: true is yes',
  }),
  clinicalInformation: Type.String({ maxLength: 5000 }),
});
const Referral = Type.Object({
  ubrn: Type.String(),
  status: Type.String(),
  referredOn: Type.String(),
  priority: Type.String(),
  route: Type.String(),
  bodyArea: Nullable(Type.String()),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), serviceCode: Type.String() }),
  protocolVersion: Type.Integer(),
  eligibility: Eligibility,
  patient: Type.Object({
    nhsNumber: Nullable(Type.String()),
    givenName: Type.String(),
    familyName: Type.String(),
    dateOfBirth: Type.String(),
    sex: Type.String(),
    postcode: Type.String(),
  }),
  answers: Type.Record(Type.String(), Type.Boolean()),
  clinicalInformation: Type.String(),
  chosen: Type.Union([
    Type.Object({
      listingId: Type.String(),
      siteId: Type.String(),
      providerName: Type.String(),
      siteName: Type.String(),
      sitePostcode: Type.String(),
    }),
    Type.Null(),
  ]),
  sentAt: Nullable(Type.String()),
  acceptBy: Nullable(Type.String()),
  contactDetails: ContactDetails,
  outcomes: Outcomes,
});
const Entry = Type.Object({
  rank: Type.Integer(),
  listingId: Type.String(),
  siteId: Type.String(),
  providerOrganisationId: Type.String(),
  providerName: Type.String(),
  providerOdsCode: Nullable(Type.String()),
  siteName: Type.String(),
  siteAddress: Nullable(Type.String()),
  sitePostcode: Type.String(),
  deliveryMode: Type.String(),
  distanceKm: Type.Number(),
  distanceMiles: Type.Number(),
  wait: Type.Object(
    { workingDays: Type.Union([Type.Integer(), Type.Null()]), basedOn: Type.Integer() },
    { description: 'Time to accept: median working days from sent to accepted' },
  ),
  firstAppointmentWait: Type.Optional(
    Type.Object(
      { workingDays: Type.Union([Type.Integer(), Type.Null()]), basedOn: Type.Integer() },
      { description: 'Median working days from sent to the first attended appointment; absent on lists offered before it was measured' },
    ),
  ),
  quality: Type.Object({
    contractStart: Nullable(Type.String()),
    cqcStatus: Nullable(Type.String()),
    registeredWith: Type.Optional(
      Nullable(
        Type.String({ description: 'Where CQC registration does not apply: the regulator of the verified registration held instead' }),
      ),
    ),
    assuranceVerified: Type.Boolean(),
    kpis: Type.Optional(MeasuredQualityProperties.kpis),
    feedback: Type.Optional(MeasuredQualityProperties.feedback),
  }),
});
/** A choice list's entries as the API gives them; each entry's stored JSON has exactly these properties (a test checks). */
export const ChoiceListEntries = Type.Array(Entry);
const choiceListHeadProperties = {
  id: Type.String(),
  offeredAt: Type.String(),
  orderedBy: Type.String(),
  originPostcode: Type.String(),
  origin: Type.Object({
    kind: Type.Union([Type.Literal('patient-postcode'), Type.Literal('gp-practice')], {
      description:
        'gp-practice when the patient’s postcode is an NHS pseudo-postcode (ZZ99 3VZ no fixed abode) and distances are measured from the GP practice',
    }),
    postcode: Type.String(),
  }),
  whenEmpty: Type.Optional(Type.String()),
};
const ChoiceList = Type.Object({ ...choiceListHeadProperties, entries: ChoiceListEntries });
/** The list's own fields, serialised apart from its entries (one schema object, so Fastify compiles it once; cast since `serializeInput` takes a plain record, which TypeBox's TObject is not declared as). */
const ChoiceListHead = Type.Object(choiceListHeadProperties) as unknown as Record<string, unknown>;

const referralJson = (r: SeenReferral) => ({
  ubrn: r.ubrn,
  status: r.status,
  referredOn: r.referredOn,
  priority: r.priority,
  route: r.route,
  bodyArea: r.bodyArea,
  offer: { id: r.offer.id, reference: r.offer.reference, title: r.offer.title, serviceCode: r.offer.serviceCode },
  protocolVersion: r.protocolVersion,
  eligibility: r.eligibility,
  patient: {
    nhsNumber: r.patient.nhsNumber,
    givenName: r.patient.givenName,
    familyName: r.patient.familyName,
    dateOfBirth: r.patient.dateOfBirth,
    sex: r.patient.sex,
    postcode: r.patient.postcode,
  },
  answers: r.answers,
  clinicalInformation: r.clinicalInformation,
  chosen: r.chosen && {
    listingId: r.chosen.listingId,
    siteId: r.chosen.siteId,
    providerName: r.chosen.providerName,
    siteName: r.chosen.siteName,
    sitePostcode: r.chosen.sitePostcode,
  },
  sentAt: r.sentAt?.toISOString() ?? null,
  acceptBy: r.acceptBy,
  contactDetails: contactDetailsJson(r.contactDetails),
});

/**
 * The choice list's body: its own fields through their schema, then the entries' JSON as made once for every referral shown
 * them (decision 0080), so a list of thirty providers is not written out again for each answer.
 */
function choiceListBody(reply: FastifyReply, list: OfferedChoiceList, commissionerName: string): string {
  const head = reply.serializeInput(
    {
      id: list.id,
      offeredAt: list.offeredAt.toISOString(),
      orderedBy: list.orderedBy,
      originPostcode: list.originPostcode,
      origin: list.origin,
      ...(list.entries.length
        ? {}
        : {
            whenEmpty: `No provider is live for this service yet. Contact ${commissionerName}, the commissioner responsible for the patient, about other ways to get this care.`,
          }),
    },
    ChoiceListHead,
  );
  return `${head.slice(0, -1)},"entries":${list.entriesJson}}`;
}

export function registerReferralApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/referrals',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary:
          'Judge a referral against the commissioner’s protocol; 201 with a reference and access code when eligible, 200 with every reason when not (nothing is saved)',
        body: NewReferral,
        response: { 200: Decision, 201: Decision, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { patient, communicationNeeds: _needs, ...rest } = request.body;
      return sendDecision(
        reply,
        await createReferral(deps, request.actionContext(), { ...rest, ...patient, ...contactInputOfBody(request.body) }),
      );
    },
  );

  app.get(
    '/api/v1/referrals/:ubrn',
    {
      config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'One referral with its recorded outcomes, for the referring organisation or the chosen provider (every view is audited)',
        params: Ubrn,
        response: { 200: Referral, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await viewReferral(deps, request.actionContext(), request.params.ubrn, { page: 'api' });
      return { ...referralJson(referral), outcomes: outcomesJson(await referralOutcomesOf(deps, referral)) };
    },
  );

  app.get(
    '/api/v1/referrals/:ubrn/choice-list',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'Offer the choice list (live providers, nearest site, distance, wait, quality) and store it as offered',
        params: Ubrn,
        querystring: Type.Object({ order: Type.Optional(Type.Enum(CHOICE_ORDERS)) }),
        response: { 200: ChoiceList, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { referral, list } = await offerChoiceListByReference(deps, request.actionContext(), request.params.ubrn, {
        order: request.query.order ?? 'distance',
        page: 'api-choice-list',
      });
      return reply.type('application/json; charset=utf-8').send(choiceListBody(reply, list, referral.commissioner.name));
    },
  );

  app.post(
    '/api/v1/referrals/:ubrn/choice',
    {
      config: { roles: ['referrer'] as const },
      schema: {
        tags: ['referrals'],
        summary: 'Choose one entry of the latest choice list: the referral is sent to that provider',
        params: Ubrn,
        body: Type.Object({ listingId: Type.String({ maxLength: 40 }), siteId: Type.String({ maxLength: 40 }) }),
        response: {
          200: Type.Object({ status: Type.String(), providerName: Type.String(), siteName: Type.String(), acceptBy: Type.String() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const referral = await viewReferral(deps, request.actionContext(), request.params.ubrn, { page: 'api-choice', referrerOnly: true });
      return { status: 'sent', ...(await chooseProvider(deps, request.actionContext(), referral, request.body, 'referrer')) };
    },
  );
}

/** Each way assignable: the entries' JSON is sent as made, so an entry's type and the API's schema of it must agree (checked when compiled). */
type BothWays<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ENTRY_TYPE_MATCHES_SCHEMA: BothWays<Static<typeof Entry>, ChoiceListEntry> = true;
