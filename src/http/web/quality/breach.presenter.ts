/** View-models for the breach pages: statuses as tags, the figure that opened a breach, its milestones and its history as a timeline. */
import type { BreachView } from '../../../domains/provider-quality/breach-read.service.ts';
import type { BreachRecord } from '../../../domains/provider-quality/breach.repo.ts';
import { BREACH_LIFECYCLE, type BreachStatus } from '../../../domains/provider-quality/breach.rules.ts';
import { figureInWords } from '../../../domains/provider-quality/breach-messages.rules.ts';
import { formatDate, formatDateTime } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

/** The NHS tag colour of each status: blue while waiting, red when escalated or suspended, green closed, grey withdrawn. */
const TAG_CLASSES: Record<BreachStatus, string> = {
  open: 'nhsuk-tag--yellow',
  'notice-issued': 'nhsuk-tag--blue',
  responded: 'nhsuk-tag--blue',
  'remedial-plan': 'nhsuk-tag--purple',
  escalated: 'nhsuk-tag--orange',
  suspended: 'nhsuk-tag--red',
  closed: 'nhsuk-tag--green',
  withdrawn: 'nhsuk-tag--grey',
};

/** A status as a tag. */
export function statusTag(status: BreachStatus) {
  return { text: BREACH_LIFECYCLE.label(status), classes: TAG_CLASSES[status] };
}

/** What each step of the history is called on the timeline. */
const ACTION_TITLES: Record<string, string> = {
  open: 'Breach found by the KPI run',
  notice: 'Contract performance notice issued',
  response: 'Provider responded',
  plan: 'Remedial action plan agreed',
  'milestone-met': 'Milestone met',
  'milestone-missed': 'Milestone missed',
  close: 'Breach closed',
  withdraw: 'Notice withdrawn',
  escalate: 'Breach escalated',
  suspend: 'Listing suspended',
};

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

/** The breaches list as its page and its CSV both show it (decision 0067): the other side's name heads the second column. */
export function breachListColumns(party: 'provider' | 'commissioner'): ListColumns<BreachRecord> {
  return [
    { heading: 'Breach', cell: (breach) => ({ text: breach.reference, href: `/quality/breaches/${breach.id}` }) },
    { heading: 'Found on', cell: (breach) => formatDate(breach.openedOn) },
    party === 'provider'
      ? { heading: 'Provider', cell: (breach) => breach.provider.name }
      : { heading: 'Commissioner', cell: (breach) => breach.commissioner.name },
    { heading: 'KPI', cell: (breach) => `${breach.kpi.name} (${breach.offer.reference})` },
    { heading: 'Figure', cell: (breach) => figureInWords(breach.kpi) },
    {
      heading: 'Status',
      cell: (breach) => {
        const tag = statusTag(breach.status);
        return { text: tag.text, tag: tag.classes };
      },
    },
  ];
}

/** The breach's facts for a summary list: who, which KPI and figure, and the dates of its steps. */
export function breachRows(breach: BreachView) {
  const rows = [
    row('Offer', `${breach.offer.reference} ${breach.offer.title}`),
    row('Provider', breach.provider.name),
    row('Commissioner', breach.commissioner.name),
    row('KPI', breach.kpi.name),
    row('Period', `${formatDate(breach.kpi.periodFrom)} to ${formatDate(breach.kpi.periodTo)}`),
    row('Figure', figureInWords(breach.kpi)),
    row('Found on', formatDate(breach.openedOn)),
  ];
  if (breach.noticeOn) rows.push(row('Notice issued on', formatDate(breach.noticeOn)), row('Respond by', formatDate(breach.respondBy)));
  if (breach.respondedOn)
    rows.push(row('Responded on', formatDate(breach.respondedOn)), row('Meet and agree a plan by', formatDate(breach.meetBy)));
  if (breach.planAgreedOn) rows.push(row('Plan agreed on', formatDate(breach.planAgreedOn)));
  if (breach.finishedOn) rows.push(row('Finished on', formatDate(breach.finishedOn)));
  if (breach.periods) rows.push(row('Periods from', breach.periods.edition));
  return rows;
}

/** The plan's milestones with what became of each. */
export function milestoneItems(breach: BreachView) {
  return breach.milestones.map((milestone) => ({
    ...milestone,
    dueOn: formatDate(milestone.dueOn),
    outcome: milestone.metOn
      ? `Met on ${formatDate(milestone.metOn)}`
      : milestone.missed || milestone.missedOn
        ? 'Missed'
        : milestone.current
          ? 'Not due yet'
          : 'Replaced by a revised plan',
    open: milestone.current && !milestone.metOn && !milestone.missedOn,
  }));
}

/** The history, oldest first, as a timeline of what happened, when and by whom. */
export function timeline(breach: BreachView) {
  return breach.events.map((event) => ({
    title: ACTION_TITLES[event.action] ?? event.action,
    when: formatDateTime(event.occurredAt),
    by: event.by,
    detail: event.detail,
  }));
}
