/** View-models for the application pages: status tags, the answers form, the price in force and the decision as the provider reads it. */
import { bandLabel } from '../offers/offer-prices.presenter.ts';
import type { ApplicationAnswers } from '../../../domains/applications/application-criteria.rules.ts';
import type { OfferQuestion } from '../../../domains/offers/offer-questions.repo.ts';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  REFUSAL_GROUND_LABELS,
  type RefusalGround,
} from '../../../domains/applications/application-status.rules.ts';
import type { ApplicationSite } from '../../../domains/applications/application-sites.repo.ts';
import type { ApplicationInFull } from '../../../domains/applications/application-view.service.ts';
import type { PriceSchedule } from '../../../domains/offers/price-schedule.rules.ts';
import { formatPence } from '../../../lib/money.ts';
import { field } from '../form.ts';
import { fieldList } from '../offers/protocol-form.ts';

const STATUS_TAGS: Record<ApplicationStatus, string> = {
  draft: 'nhsuk-tag--grey',
  submitted: 'nhsuk-tag--blue',
  clarification: 'nhsuk-tag--yellow',
  qualified: 'nhsuk-tag--green',
  'not-qualified': 'nhsuk-tag--red',
  withdrawn: 'nhsuk-tag--grey',
};

/** The status as an NHS tag; the text always says it, colour only helps. */
export function applicationStatusTag(status: ApplicationStatus) {
  return { text: APPLICATION_STATUS_LABELS[status], classes: STATUS_TAGS[status] };
}

export function refusalGroundLabel(ground: RefusalGround | null): string | undefined {
  return ground ? REFUSAL_GROUND_LABELS[ground] : undefined;
}

/** Reads the application form: ticked declarations post "yes", each offer question posts `question-<id>`. */
export function answersFromForm(body: unknown, questions: readonly OfferQuestion[]): { answers: ApplicationAnswers; siteIds: string[] } {
  const ticked = (name: string) => field(body, name) === 'yes';
  return {
    answers: {
      acceptsContract: ticked('acceptsContract'),
      acceptsPrice: ticked('acceptsPrice'),
      capability: field(body, 'capability'),
      compliesWithProtocol: ticked('compliesWithProtocol'),
      protocolCompliance: field(body, 'protocolCompliance'),
      agreesToLocalSchedules: ticked('agreesToLocalSchedules'),
      questionAnswers: Object.fromEntries(questions.map((question) => [question.id, field(body, `question-${question.id}`)])),
    },
    siteIds: fieldList(body, 'sites'),
  };
}

/** The price schedule as rows a provider reads before accepting it. */
export function priceRows(schedule: PriceSchedule | undefined, pack: Parameters<typeof bandLabel>[0]): { band: string; price: string }[] {
  return (schedule?.prices ?? []).map((price) => ({ band: bandLabel(pack, price), price: formatPence(price.pricePence) }));
}

/** Everything the form template needs: values, the sites to tick and the offer's questions. */
export function formView(
  full: Pick<ApplicationInFull, 'offer' | 'questions' | 'priceSchedule'>,
  values: { answers: ApplicationAnswers; siteIds: string[] },
  sites: ApplicationSite[],
) {
  const checkbox = (name: keyof ApplicationAnswers, text: string, hint?: string) => ({
    value: 'yes',
    text,
    checked: values.answers[name] === true,
    ...(hint ? { hint: { text: hint } } : {}),
  });
  return {
    offer: full.offer,
    answers: values.answers,
    questions: full.questions,
    currency: full.offer.pack.content.currency.unit,
    priceFrom: full.priceSchedule?.effectiveFrom,
    prices: priceRows(full.priceSchedule, full.offer.pack.content),
    contractItem: [checkbox('acceptsContract', 'We accept the terms of the NHS Standard Contract')],
    priceItem: [
      checkbox(
        'acceptsPrice',
        'We accept the offer’s price schedule shown above',
        'AQP is not a bidding process: every qualified provider is paid the same price.',
      ),
    ],
    protocolItem: [checkbox('compliesWithProtocol', 'We will comply with the offer’s referral protocol')],
    schedulesItem: [checkbox('agreesToLocalSchedules', 'We agree to the local schedules: reporting, the information model and the KPIs')],
    siteItems: sites.map((site) => ({
      value: site.id,
      text: site.name,
      hint: { text: [site.address, site.postcode].filter(Boolean).join(', ') },
      checked: values.siteIds.includes(site.id),
    })),
  };
}
