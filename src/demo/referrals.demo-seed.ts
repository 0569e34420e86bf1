/** Seeds the demo's referrals through the same services people use, each step on its own day, so worklists, waits, history and audit read like real use. */
import { londonInstant } from '../lib/clock.ts';
import { withNhsCheckDigit } from '../lib/nhs-number.ts';
import { addDays } from '../lib/working-days.ts';
import type { Deps } from '../domains/deps.ts';
import type { ActionContext } from '../domains/identity/principal.ts';
import { ensurePostcodes } from '../domains/reference/postcode.repo.ts';
import { offerChoiceList } from '../domains/referrals/choice-list.service.ts';
import { chooseProvider } from '../domains/referrals/choice.service.ts';
import { cancelReferral } from '../domains/referrals/referral-cancel.service.ts';
import { acceptReferral, dischargeReferral, returnReferral } from '../domains/referrals/referral-provider.service.ts';
import { recordContact } from '../domains/referrals/referral-session.service.ts';
import { findReferralByUbrn, practiceHasReferrals, type ReferralRecord, setAccessCodeHash } from '../domains/referrals/referral.repo.ts';
import { createReferral } from '../domains/referrals/referral.service.ts';
import { DEMO_PATIENT_POSTCODES, DEMO_REFERRALS, type DemoReferral, type DemoStep } from './referrals.demo-data.ts';
import { offeredService, referralSettingFor } from '../domains/referrals/referral-offer.service.ts';
import { normaliseAccessCode } from '../domains/referrals/referral-reference.rules.ts';
import { hashAccessCode } from '../domains/referrals/access-code-hash.ts';
import { demoActor } from './demo-actor.ts';
import { daysAgo } from './demo-calendar.ts';
import { PAYMENT_HISTORY } from './payments.demo-data.ts';
import { QUALITY_HISTORY } from './quality-history.demo-data.ts';

async function answersFor(deps: Deps, gp: ActionContext, serviceCode: string): Promise<Record<string, boolean>> {
  const { protocol } = await offeredService(deps, await referralSettingFor(deps, gp.principal), serviceCode);
  return Object.fromEntries([
    ...protocol.content.exclusions.map((question) => [question.id, false]),
    ...protocol.content.prerequisites.map((question) => [question.id, true]),
  ]);
}

async function createDemoReferral(deps: Deps, gp: ActionContext, demo: DemoReferral): Promise<ReferralRecord | undefined> {
  const on = daysAgo(deps, demo.createdDaysAgo);
  const decision = await createReferral(
    on,
    gp,
    {
      serviceCode: demo.serviceCode,
      nhsNumber: withNhsCheckDigit(demo.nhsNine)!,
      givenName: demo.givenName,
      familyName: demo.familyName,
      dateOfBirth: demo.dateOfBirth,
      sex: demo.sex,
      postcode: demo.postcode,
      priority: 'routine',
      route: 'gp',
      bodyArea: demo.bodyArea,
      answers: await answersFor(deps, gp, demo.serviceCode),
      clinicalInformation: demo.clinicalInformation,
    },
    demo.fixedAccess ? { ubrns: () => demo.fixedAccess!.ubrn } : {},
  );
  if (!decision.created) return undefined;
  if (demo.fixedAccess) {
    const hash = await hashAccessCode(deps.accessCodeKeys, decision.created.ubrn, normaliseAccessCode(demo.fixedAccess.accessCode));
    await setAccessCodeHash(deps.db, decision.created.referralId, hash);
  }
  return findReferralByUbrn(deps.db, decision.created.ubrn);
}

async function chooseFor(deps: Deps, gp: ActionContext, referral: ReferralRecord, providerOds: string): Promise<boolean> {
  const list = await offerChoiceList(deps, gp, referral, 'distance');
  const entry = list.entries.find((candidate) => candidate.providerOdsCode === providerOds);
  if (!entry) return false;
  await chooseProvider(deps, gp, referral, { listingId: entry.listingId, siteId: entry.siteId }, 'referrer');
  return true;
}

async function applyStep(
  deps: Deps,
  actors: { gp: ActionContext; provider: ActionContext },
  referral: ReferralRecord,
  step: DemoStep,
): Promise<void> {
  const on = daysAgo(deps, step.daysAgo, step.action === 'session' ? '14:00' : '10:00');
  switch (step.action) {
    case 'accept':
      return acceptReferral(on, actors.provider, referral);
    case 'return':
      return returnReferral(on, actors.provider, referral, step);
    case 'discharge':
      return dischargeReferral(on, actors.provider, referral, step);
    case 'cancel':
      return cancelReferral(on, actors.gp, referral, step);
    case 'appointment':
    case 'session': {
      const when = londonInstant(addDays(on.clock.today(), step.inDays ?? 0), '11:00').toISOString();
      await recordContact(on, actors.provider, referral, {
        kind: step.action,
        scheduledFor: when,
        ...(step.attendance ? { attendance: step.attendance } : {}),
        ...(step.scores ? { phq9Score: step.scores[0], gad7Score: step.scores[1] } : {}),
        note: step.note ?? '',
      });
    }
  }
}

/** One demo referral's whole story: created, chosen, then each step as the provider's administrator or the GP; a story that cannot be told (no such provider live) stops quietly. */
async function tellStory(deps: Deps, gp: ActionContext, demo: DemoReferral): Promise<boolean> {
  let referral = await createDemoReferral(deps, gp, demo);
  if (!referral) return false;
  const provider =
    demo.chooses && (await chooseFor(daysAgo(deps, demo.createdDaysAgo), gp, referral, demo.chooses))
      ? await demoActor(deps, {
          role: 'provider-admin',
          organisationId: (await findReferralByUbrn(deps.db, referral.ubrn))!.chosen!.providerOrganisationId,
        })
      : undefined;
  for (const step of demo.steps) {
    referral = (await findReferralByUbrn(deps.db, referral.ubrn))!;
    if (step.action !== 'cancel' && !provider) return false;
    await applyStep(deps, { gp, provider: provider! }, referral, step);
  }
  return true;
}

/** Seeds referrals in every state from the demo practice, and with `history` the year of earlier patients behind the KPIs; does nothing once it has any referral or when the demo referrer is missing. */
export async function seedDemoReferrals(deps: Deps, options: { history?: boolean } = {}): Promise<{ referrals: number }> {
  const gp = await demoActor(deps, { role: 'referrer', email: 'referrer@aqp.example' });
  if (!gp) return { referrals: 0 };
  if (await practiceHasReferrals(deps.db, gp.principal!.organisationId!)) return { referrals: 0 };
  await ensurePostcodes(deps.db, DEMO_PATIENT_POSTCODES);
  let referrals = 0;
  const stories = [...DEMO_REFERRALS, ...PAYMENT_HISTORY, ...(options.history ? QUALITY_HISTORY : [])];
  for (const demo of stories.sort((a, b) => b.createdDaysAgo - a.createdDaysAgo)) if (await tellStory(deps, gp, demo)) referrals += 1;
  return { referrals };
}
