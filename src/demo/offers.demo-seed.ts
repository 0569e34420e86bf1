/** Demo offers (issue #4 item 9): West Yorkshire's sub-ICBs offer adult hearing (Calderdale from 50, the others from the national 55), back and neck pain and talking therapies. */
import type { Deps } from '../domains/deps.ts';
import { financialYearOf } from '../domains/offers/price-schedule.rules.ts';
import { amendSpecification, changeOfferDetails, openOffer } from '../domains/offers/offer.service.ts';
import { changeOfferStatus, saveOfferProtocol, setPriceSchedule } from '../domains/offers/offer-terms.service.ts';
import { listOffers } from '../domains/offers/offer.repo.ts';
import { protocolVersionsOf } from '../domains/offers/offer-terms.repo.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO_HISTORY_DAYS } from './demo-calendar.ts';
import { addDays } from '../lib/working-days.ts';

interface DemoOffer {
  serviceCode: string;
  title: string;
  summary: string;
  coverage: string[];
  prices: Record<string, number>;
  ageMin?: number;
  scopeAmendment?: { text: string; reason: string };
}

/** Prices are the commissioner's local prices (demo figures), except talking therapies, which uses the brief's £47.20 per session. */
const DEMO_OFFERS: DemoOffer[] = [
  {
    serviceCode: 'adult-hearing',
    title: 'Adult hearing services, Calderdale (50 and over)',
    summary: 'Hearing assessment, hearing aids and aftercare for adults 50 and over registered with a Calderdale practice.',
    coverage: ['02T'],
    prices: { MONAURAL: 45_000, BINAURAL: 72_500 },
    ageMin: 50,
    scopeAmendment: {
      text: 'Adults 50 and over with age-acquired hearing loss, referred by their GP.',
      reason: 'Calderdale’s audit found many people aged 50 to 54 waiting for hospital audiology with age-acquired loss.',
    },
  },
  {
    serviceCode: 'adult-hearing',
    title: 'Adult hearing services, Kirklees and Wakefield',
    summary: 'Hearing assessment, hearing aids and aftercare for adults 55 and over.',
    coverage: ['X2C4Y', '03R'],
    prices: { MONAURAL: 45_000, BINAURAL: 72_500 },
  },
  {
    serviceCode: 'back-and-neck-pain',
    title: 'Back and neck pain (manual therapy), West Yorkshire',
    summary: 'Up to 8 sessions of manual therapy per referral for adults with back or neck pain.',
    coverage: ['02T', 'X2C4Y', '03R'],
    prices: { STANDARD: 24_000 },
  },
  {
    serviceCode: 'psychological-therapies',
    title: 'Talking therapies, West Yorkshire',
    summary: 'Stepped-care talking therapies for people 16 and over, by referral or self-referral.',
    coverage: ['02T', 'X2C4Y', '03R'],
    prices: { STANDARD: 4_720 },
  },
];

/** Opens and publishes the demo offers through the same services a commissioner uses; does nothing once the demo commissioner has offers. */
export async function seedDemoOffers(deps: Deps): Promise<{ offers: number }> {
  const context = await demoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  if (!context) return { offers: 0 };
  if ((await listOffers(deps.db, { leadOrganisationId: context.principal!.organisationId }, 1)).length) return { offers: 0 };
  const yearStart = `${financialYearOf(addDays(deps.clock.today(), -DEMO_HISTORY_DAYS))}-04-01`;
  const contractEnd = `${Number(yearStart.slice(0, 4)) + 3}-03-31`;
  for (const demo of DEMO_OFFERS) {
    const { id } = await openOffer(deps, context, {
      serviceCode: demo.serviceCode,
      title: demo.title,
      summary: demo.summary,
      coverage: demo.coverage,
    });
    await changeOfferDetails(deps, context, id, {
      title: demo.title,
      summary: demo.summary,
      contractStart: yearStart,
      contractEnd,
      windowKind: 'rolling',
      windowOpens: yearStart,
      windowCloses: null,
    });
    if (demo.ageMin !== undefined) {
      const [national] = await protocolVersionsOf(deps.db, id);
      await saveOfferProtocol(deps, context, id, { ...national!.content, ageMin: demo.ageMin });
    }
    if (demo.scopeAmendment) {
      await amendSpecification(deps, context, id, [{ section: 'scope', ...demo.scopeAmendment }]);
    }
    await setPriceSchedule(deps, context, id, {
      effectiveFrom: yearStart,
      prices: Object.entries(demo.prices).map(([complexityBand, pricePence]) => ({ complexityBand, pricePence })),
    });
    await changeOfferStatus(deps, context, id, 'published', 'Approved by the West Yorkshire ICB board');
    await changeOfferStatus(deps, context, id, 'open', 'Qualification window open');
  }
  return { offers: DEMO_OFFERS.length };
}
