/** View-models for prioritisation pages: status tags, the ranked long list and milestones as people read them. */
import type { RunOverview, RankedLongListItem } from '../../../domains/prioritisation/run-overview.service.ts';
import { MILESTONE_STATUS_LABELS, type MilestoneStatus } from '../../../domains/prioritisation/milestones.rules.ts';
import { RUN_STATUS_LABELS, type RunStatus } from '../../../domains/prioritisation/run-status.rules.ts';
import type { RunRecord } from '../../../domains/prioritisation/run.repo.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

const RUN_TAG_COLOURS: Record<RunStatus, string> = { engagement: 'blue', 'short-listed': 'purple', approved: 'green', notified: 'grey' };
const MILESTONE_TAG_COLOURS: Record<MilestoneStatus, string> = { 'not-started': 'grey', 'in-progress': 'blue', done: 'green' };

export const PRIORITY_LABELS: Record<string, string> = { high: 'High', mid: 'Mid', low: 'Low' };

/** The tag showing a run's status. */
export function runStatusTag(status: RunStatus): { text: string; classes: string } {
  return { text: RUN_STATUS_LABELS[status], classes: `nhsuk-tag--${RUN_TAG_COLOURS[status]}` };
}

/** "2.5 of 3 (1 high, 1 mid)" or "No responses". */
export function supportText(item: Pick<RankedLongListItem, 'support' | 'supportCounts'>): string {
  if (item.support === null) return 'No responses';
  const counts = (['high', 'mid', 'low'] as const)
    .filter((priority) => item.supportCounts[priority])
    .map((priority) => `${item.supportCounts[priority]} ${priority}`);
  return `${item.support.toFixed(1)} of 3 (${counts.join(', ')})`;
}

/** The long list as table rows, in rank order. */
export function longListRows(items: RankedLongListItem[], criteriaCount: number) {
  return items.map((item) => ({
    ...item,
    scoreText: item.score.toFixed(1),
    scoredText: criteriaCount ? `${item.scoredCriteria} of ${criteriaCount} criteria scored` : 'No criteria yet',
    supportText: supportText(item),
  }));
}

/** Everything the run overview page shows. */
export function runView(overview: RunOverview) {
  const { run } = overview;
  return {
    run,
    statusTag: runStatusTag(run.status),
    members: overview.members.map((member) => (member.odsCode ? `${member.name} (${member.odsCode})` : member.name)).join(', '),
    items: longListRows(overview.items, overview.criteria.length),
    shortList: overview.items.filter((item) => item.isShortListed),
    criteria: overview.criteria,
    responseCount: overview.responses.length,
    milestones: overview.milestones.map((milestone) => ({
      ...milestone,
      statusText: MILESTONE_STATUS_LABELS[milestone.status],
      statusClasses: `nhsuk-tag--${MILESTONE_TAG_COLOURS[milestone.status]}`,
    })),
    overdueCount: overview.milestones.filter((milestone) => milestone.overdue).length,
  };
}

/** The values of a repeated form field (checkboxes): one string, several, or none. */
export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The runs list as its page and its CSV both show it (decision 0067): a reviewer sees when each was notified, a commissioner when it started. */
export function runListColumns(isReviewer: boolean): ListColumns<RunRecord> {
  return [
    { heading: 'Prioritisation', cell: (run) => ({ text: run.title, href: `/prioritisation/${run.id}` }) },
    { heading: 'Plan year', cell: (run) => run.yearLabel },
    { heading: 'Commissioner', cell: (run) => run.organisationName },
    {
      heading: 'Status',
      cell: (run) => {
        const tag = runStatusTag(run.status);
        return { text: tag.text, tag: tag.classes };
      },
    },
    isReviewer
      ? { heading: 'Notified', cell: (run) => formatDate(run.notifiedAt) }
      : { heading: 'Started', cell: (run) => formatDate(run.createdAt) },
  ];
}
