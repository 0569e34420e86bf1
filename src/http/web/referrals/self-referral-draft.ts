/** A self-referral between its form and its check-your-answers page (decision 0031): the answers kept in the server-side session, for one service, for a short time, then forgotten. */
import type { FastifyRequest } from 'fastify';
import type { ReferenceDelivery } from '../../../domains/referrals/patient-contact.rules.ts';
import { HONEYPOT_FIELD } from './self-referral-form.ts';

/** Answers are kept this long after the form was last sent, then the patient starts again. */
export const DRAFT_MINUTES = 30;

type DraftFields = Record<string, string | string[]>;

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** A self-referral checked but not yet sent: the service and the answers as typed, until the time given (ms since the epoch). */
    selfReferralDraft?: { serviceCode: string; fields: DraftFields; until: number };
    /** How the patient asked to be sent the reference just made, to say honestly on the confirmation what happens. */
    referenceDelivery?: { ubrn: string; by: ReferenceDelivery; to: string };
  }
}

/** The form's fields worth keeping: text and ticked boxes, never the CSRF token or the trap field. */
function keptFields(body: unknown): DraftFields {
  const fields: DraftFields = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name === '_csrf' || name === HONEYPOT_FIELD) continue;
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value)) fields[name] = value.filter((item): item is string => typeof item === 'string').slice(0, 20);
  }
  return fields;
}

/** Keeps the answers of a self-referral that passed its checks, for the check-your-answers page. */
export function keepDraft(request: FastifyRequest, serviceCode: string, body: unknown): void {
  request.session.selfReferralDraft = { serviceCode, fields: keptFields(body), until: Date.now() + DRAFT_MINUTES * 60_000 };
}

/** The kept answers while they last (for one service when named), or undefined. */
export function draftOf(request: FastifyRequest, serviceCode?: string): { serviceCode: string; fields: DraftFields } | undefined {
  const draft = request.session.selfReferralDraft;
  if (!draft || draft.until < Date.now() || (serviceCode && draft.serviceCode !== serviceCode)) return undefined;
  return draft;
}

/** Forgets the answers, once sent. */
export function forgetDraft(request: FastifyRequest): void {
  request.session.selfReferralDraft = undefined;
}
