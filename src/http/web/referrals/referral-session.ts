/** What a browser session remembers about referrals: the access code to show once after creating one, and a patient's proven access to their referral. */
import type { FastifyRequest } from 'fastify';

/** A patient's access lasts this long after they prove who they are, then they enter their details again. */
export const PATIENT_ACCESS_MINUTES = 30;

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** Shown once on the referral page after it is created, then forgotten. */
    newReferral?: { ubrn: string; accessCode: string };
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

/** Takes the access code to show once for this referral, forgetting it. */
export function takeNewAccessCode(request: FastifyRequest, ubrn: string): string | undefined {
  const created = request.session.newReferral;
  if (created?.ubrn !== ubrn) return undefined;
  request.session.newReferral = undefined;
  return created.accessCode;
}
