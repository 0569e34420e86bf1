/** The self-referral form page: the patient's details, contact, the protocol's questions from the protocol data, and the help they want. */
import type { FastifyReply } from 'fastify';
import type { OfferedService, PatientSetting } from '../../../domains/referrals/referral-offer.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { IneligibilityReason } from '../../../domains/referrals/eligibility.rules.ts';
import { reasonsForPatients } from '../../../domains/referrals/patient-advice.rules.ts';
import { type PatientLocation, selfReferralFormFor } from '../../../domains/referrals/self-referral-location.service.ts';
import { datePartsOf } from '../date-input.ts';
import { attempt, type FormErrors, renderForm } from '../form.ts';
import { contactChoicesOf } from './patient-contact-form.ts';
import { questionsOf } from './referral-form.ts';
import { HONEYPOT_FIELD, locationQuery } from './self-referral-form.ts';

export interface SelfReferralForm {
  setting: PatientSetting;
  postcode: string;
  service: OfferedService;
  location: PatientLocation;
}

/** Renders the form for one service and location, keeping what was typed and showing errors beside their fields. */
export function viewSelfReferralForm(reply: FastifyReply, form: SelfReferralForm, body: unknown, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/referrals/self-referral-form.njk',
    `Refer yourself: ${form.service.servicePublicName}`,
    {
      ...form,
      protocol: form.service.protocol.content,
      values: (body ?? {}) as Record<string, string>,
      dateOfBirth: datePartsOf(body, 'dateOfBirth'),
      questions: questionsOf(form.service.protocol.content, body),
      contactChoices: contactChoicesOf(body),
      changeHref: `/self-referral?${locationQuery(form.location)}`,
      servicesHref: `/self-referral/services?${locationQuery(form.location)}`,
      honeypotField: HONEYPOT_FIELD,
    },
    errors,
  );
}

/** The form's setting and service, or the location's problems to show on the start page. */
export async function formFor(
  deps: Deps,
  location: PatientLocation,
  serviceCode: string,
): Promise<SelfReferralForm | { errors: FormErrors }> {
  const outcome = await attempt(() => selfReferralFormFor(deps, location, serviceCode));
  return outcome.ok ? { ...outcome.value, location } : { errors: outcome.errors };
}

/** The refusal in words for the patient: safety advice first, as urgent care advice, never the advice written for referrers. */
export function renderRefusal(
  reply: FastifyReply,
  refusal: { serviceName: string; commissionerName: string; reasons: IneligibilityReason[]; location: PatientLocation },
) {
  const reasons = reasonsForPatients(refusal.reasons);
  const pageTitle = reasons.some((reason) => reason.urgent)
    ? 'Get help now: you cannot refer yourself to this service'
    : 'You cannot refer yourself to this service';
  return reply.render('pages/referrals/self-referral-ineligible.njk', {
    pageTitle,
    ...refusal,
    reasons,
    query: locationQuery(refusal.location),
  });
}
