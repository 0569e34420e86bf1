/** View-models for offer pages: the overview a commissioner checks before publishing and the public reads. */
import { bandLabel } from './offer-prices.presenter.ts';
import type { OfferInFull } from '../../../domains/offers/offer-view.service.ts';
import { nextStatuses, OFFER_STATUS_LABELS, type OfferStatus } from '../../../domains/offers/offer-status.rules.ts';
import { financialYearLabel, financialYearOf, scheduleOn } from '../../../domains/offers/price-schedule.rules.ts';
import {
  localSpecification,
  SPECIFICATION_SECTIONS,
  type SpecificationSection,
} from '../../../domains/offers/specification-amendments.rules.ts';
import { formatPence } from '../../../lib/money.ts';
import { wordDiff } from '../../../lib/word-diff.ts';
import { packView } from '../catalogue/service.presenter.ts';
import { formatDate } from '../format.ts';

/** The NHS tag colour for each status, so status is never shown by colour alone (the text is always there). */
const STATUS_TAGS: Record<OfferStatus, string> = {
  draft: 'nhsuk-tag--grey',
  published: 'nhsuk-tag--blue',
  open: 'nhsuk-tag--green',
  closed: 'nhsuk-tag--yellow',
  withdrawn: 'nhsuk-tag--red',
};

export function statusTag(status: OfferStatus) {
  return { text: OFFER_STATUS_LABELS[status], classes: STATUS_TAGS[status] };
}

function windowText(offer: OfferInFull['offer']): string {
  if (!offer.windowOpens) return 'Not set';
  if (offer.windowKind === 'rolling') return `Rolling: providers can apply at any time from ${formatDate(offer.windowOpens)}`;
  return `Fixed: from ${formatDate(offer.windowOpens)} to ${formatDate(offer.windowCloses)}`;
}

function specificationView(full: OfferInFull) {
  const pack = full.offer.pack.content.specification;
  const local = localSpecification(pack, full.offer.amendments);
  return (Object.keys(SPECIFICATION_SECTIONS) as SpecificationSection[]).map((section, index) => {
    const amendment = full.offer.amendments.find((candidate) => candidate.section === section);
    return {
      heading: `${index + 1}. ${SPECIFICATION_SECTIONS[section]}`,
      text: local[section],
      amended: Boolean(amendment),
      reason: amendment?.reason ?? '',
      diff: amendment ? wordDiff(pack[section], amendment.text) : [],
    };
  });
}

/** Everything the offer page shows, with the prices in force today marked. */
export function offerView(full: OfferInFull, today: string) {
  const { offer, protocols, schedules, history } = full;
  const current = protocols[0];
  const inForce = scheduleOn(schedules, today);
  return {
    offer,
    statusTag: statusTag(offer.status),
    window: windowText(offer),
    specification: specificationView(full),
    contract: offer.contractStart ? `${formatDate(offer.contractStart)} to ${formatDate(offer.contractEnd)}` : 'Not set',
    coverage: offer.coverage.map((commissioner) => `${commissioner.name}${commissioner.odsCode ? ` (${commissioner.odsCode})` : ''}`),
    pack: packView({ ...offer.pack.content, protocol: current?.content ?? offer.pack.content.protocol }),
    protocolVersion: current?.version ?? 0,
    protocolChangedFromPack: JSON.stringify(current?.content) !== JSON.stringify(offer.pack.content.protocol),
    schedules: schedules.map((schedule) => ({
      effectiveFrom: formatDate(schedule.effectiveFrom),
      financialYear: financialYearLabel(financialYearOf(schedule.effectiveFrom)),
      inForce: schedule === inForce,
      prices: schedule.prices.map((price) => ({ band: bandLabel(offer.pack.content, price), price: formatPence(price.pricePence) })),
    })),
    history: history.map((change) => ({
      status: OFFER_STATUS_LABELS[change.toStatus as OfferStatus] ?? change.toStatus,
      at: change.changedAt,
      by: change.changedBy ?? 'AQP',
      reason: change.reason,
    })),
    nextStatuses: nextStatuses(offer.status).map((status) => ({ value: status, text: OFFER_STATUS_LABELS[status] })),
    isDraft: offer.status === 'draft',
  };
}
