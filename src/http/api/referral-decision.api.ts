/** The eligibility decision as the API answers it, shared by GP referrals, self-referrals and replies that resend a referral. */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ReferralDecision } from '../../domains/referrals/referral-decision.service.ts';

export const Eligibility = Type.Object({
  eligible: Type.Boolean(),
  ageOnReferralDate: Type.Integer(),
  reasons: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      advice: Type.Optional(Type.String({ description: 'What to do instead, written for referrers' })),
      patientAdvice: Type.Optional(
        Type.String({ description: 'What to do instead, written for the patient (always given to a self-referral)' }),
      ),
      urgent: Type.Optional(
        Type.Boolean({
          description: 'True for a safety exclusion: the person may need help now; show the patient advice as urgent care advice',
        }),
      ),
      questionId: Type.Optional(Type.String()),
    }),
  ),
});
/** The eligibility decision as the API returns it, for referrers and self-referring patients alike. */
export const Decision = Type.Object({
  eligible: Type.Boolean(),
  eligibility: Eligibility,
  protocolVersion: Type.Integer(),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), serviceName: Type.String() }),
  commissioner: Type.Object({ odsCode: Type.String(), name: Type.String() }),
  ubrn: Type.Optional(Type.String({ description: 'The 12-digit referral reference (UBRN), when eligible' })),
  accessCode: Type.Optional(Type.String({ description: 'The patient’s access code, shown this once: only its hash is kept' })),
});

/** 201 with the reference and access code when the referral was saved; 200 with every reason when it was not. */
export function sendDecision(reply: FastifyReply, decision: ReferralDecision) {
  const body = {
    eligible: decision.eligibility.eligible,
    eligibility: decision.eligibility,
    protocolVersion: decision.protocolVersion,
    offer: decision.offer,
    commissioner: { odsCode: decision.commissioner.odsCode, name: decision.commissioner.name },
  };
  return decision.created
    ? reply.status(201).send({ ...body, ubrn: decision.created.ubrn, accessCode: decision.created.accessCode })
    : reply.status(200).send(body);
}
