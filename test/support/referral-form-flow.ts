/** The referrer's form as a person uses it: check eligibility, read the result, then send (issue #12 item 9). */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { csrfTokenIn, type WebClient } from './web-client.ts';

/** Fills the form, checks eligibility and presses "Send referral" on the result page; returns the send's response (303 to the new referral). */
export async function checkAndSend(client: WebClient, serviceCode: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
  const page = await client.get(`/referrals/new/${serviceCode}`);
  const result = await client.post(`/referrals/new/${serviceCode}`, { _csrf: csrfTokenIn(page.body), ...form });
  expect(result.statusCode, result.body).toBe(200);
  expect(result.body).toContain('Send referral');
  return client.post(`/referrals/new/${serviceCode}/send`, { _csrf: csrfTokenIn(result.body) });
}
