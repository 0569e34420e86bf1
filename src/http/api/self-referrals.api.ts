/** Self-referral over the API (issue #6 item 8): public, no key, rate limited; the same judgement as the self-referral form. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { PATIENT_SEXES } from '../../domains/referrals/referral-input.rules.ts';
import { reasonsForPatients } from '../../domains/referrals/patient-advice.rules.ts';
import { REFERENCE_DELIVERIES } from '../../domains/referrals/patient-contact.rules.ts';
import { HELP_WANTED_MAX } from '../../domains/referrals/self-referral-input.rules.ts';
import { SELF_REFERRALS_PER_TEN_MINUTES, selfRefer } from '../../domains/referrals/self-referral.service.ts';
import { Decision, sendDecision } from './referral-decision.api.ts';
import { CommunicationNeedsInput, ContactFields, contactInputOfBody } from './patient-contact.schemas.ts';
import { problemResponses } from './schemas.ts';

const NewSelfReferral = Type.Object({
  serviceCode: Type.String({ maxLength: 80 }),
  patient: Type.Object(
    {
      nhsNumber: Type.String({ maxLength: 20, description: 'Required, with its modulus 11 check digit' }),
      givenName: Type.String({ maxLength: 200 }),
      familyName: Type.String({ maxLength: 200 }),
      dateOfBirth: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
      sex: Type.Enum(PATIENT_SEXES),
      postcode: Type.String({ maxLength: 10, description: 'Where the patient lives' }),
      ...ContactFields,
    },
    { description: 'A phone number or an email address is required, so the provider can contact the patient' },
  ),
  communicationNeeds: Type.Optional(CommunicationNeedsInput),
  sendReferenceBy: Type.Optional(
    Type.Union([Type.Enum(REFERENCE_DELIVERIES), Type.Null()], {
      description:
        'The patient’s wish to be sent the reference and access code by email or text message: recorded now; messages are not sent yet',
    }),
  ),
  practiceOdsCode: Type.Union([Type.String({ maxLength: 12 }), Type.Null()], {
    description: 'The patient’s GP practice; null when not registered (the commissioner is then found by residence)',
  }),
  bodyArea: Type.Optional(Type.String({ maxLength: 100 })),
  answers: Type.Record(Type.String({ maxLength: 60 }), Type.Boolean(), {
    description: 'Answers to the protocol’s exclusion and prerequisite questions by id: true is yes',
  }),
  helpWanted: Type.String({ maxLength: HELP_WANTED_MAX, description: 'In the patient’s words: what help they are looking for' }),
});

/** The public self-referral API: no key, rate limited per address. */
export function registerSelfReferralApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/self-referrals',
    {
      config: { rateLimit: { max: SELF_REFERRALS_PER_TEN_MINUTES, timeWindow: '10 minutes' } },
      schema: {
        tags: ['referrals'],
        security: [],
        body: NewSelfReferral,
        response: { 200: Decision, 201: Decision, ...problemResponses },
        summary:
          'A patient refers themselves (public, rate limited): judged against the commissioner’s protocol with route self; 201 with a reference and access code when eligible, 200 with every reason when not (nothing is saved)',
      },
    },
    async (request, reply) => {
      const { patient, practiceOdsCode, communicationNeeds: _needs, sendReferenceBy, ...rest } = request.body;
      const contact = { ...contactInputOfBody(request.body), sendReferenceBy: sendReferenceBy ?? '' };
      const decision = await selfRefer(deps, request.actionContext(), {
        ...rest,
        ...patient,
        ...contact,
        phone: contact.phone ?? '',
        email: contact.email ?? '',
        practiceOdsCode,
      });
      return sendDecision(reply, {
        ...decision,
        eligibility: { ...decision.eligibility, reasons: reasonsForPatients(decision.eligibility.reasons) },
      });
    },
  );
}
