/** What a browser session remembers about referrals: the access code to show once after creating one (and print on the choice list), and a patient's proven access to their referral. */
import type { FastifyRequest } from 'fastify';

/** A patient's access lasts this long after they prove who they are, then they enter their details again. */
export const PATIENT_ACCESS_MINUTES = 30;

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** Shown once on the referral page after it is created, then forgotten. */
    newReferral?: { ubrn: string; accessCode: string };
    /** The access code already shown, kept for printing on the patient's choice list until another referral is made or the session ends (decision 0036). */
    accessCodeToPrint?: { ubrn: string; accessCode: string };
    /** The referral a patient proved they hold, until the time given (ms since the epoch). */
    patientReferral?: { ubrn: string; until: number };
  }
}

/** The reference of the referral the patient proved they hold in this session, while that access lasts. */
export function patientUbrnOf(request: FastifyRequest): string | undefined {
  const access = request.session.patientReferral;
  if (!access || access.until < Date.now()) return undefined;
  return access.ubrn;
}

/** Takes the access code to show once on screen for this referral, keeping it only for the printed choice list. */
export function takeNewAccessCode(request: FastifyRequest, ubrn: string): string | undefined {
  const created = request.session.newReferral;
  if (created?.ubrn !== ubrn) return undefined;
  request.session.newReferral = undefined;
  request.session.accessCodeToPrint = created;
  return created.accessCode;
}

/** The access code to print on this referral's choice list: known only in the session that made the referral (only its hash is stored). */
export function accessCodeToPrint(request: FastifyRequest, ubrn: string): string | undefined {
  const kept = request.session.accessCodeToPrint ?? request.session.newReferral;
  return kept?.ubrn === ubrn ? kept.accessCode : undefined;
}
