/** The self-referral form page: the patient's details, contact, the protocol's questions from the protocol data, and the help they want. */
import type { FastifyReply } from 'fastify';
import type { OfferedService, PatientSetting } from '../../../domains/referrals/referral-offer.service.ts';
import type { PatientLocation } from '../../../domains/referrals/self-referral-location.service.ts';
import { datePartsOf } from '../date-input.ts';
import type { FormErrors } from '../form.ts';
import { questionsOf } from './referral-form.ts';
import { HONEYPOT_FIELD, locationQuery } from './self-referral-form.ts';

export interface SelfReferralForm {
  setting: PatientSetting;
  postcode: string;
  service: OfferedService;
  location: PatientLocation;
}

/** Renders the form for one service and location, keeping what was typed and showing errors beside their fields. */
export function renderSelfReferralForm(reply: FastifyReply, form: SelfReferralForm, body: unknown, status = 200, errors?: FormErrors) {
  return reply.status(status).render('pages/referrals/self-referral-form.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Refer yourself: ${form.service.servicePublicName}`, ...form, protocol: form.service.protocol.content,
    values: (body ?? {}) as Record<string, string>, dateOfBirth: datePartsOf(body, 'dateOfBirth'), questions: questionsOf(form.service.protocol.content, body),
    changeHref: `/self-referral?${locationQuery(form.location)}`, servicesHref: `/self-referral/services?${locationQuery(form.location)}`, honeypotField: HONEYPOT_FIELD, ...errors,
  });
}
