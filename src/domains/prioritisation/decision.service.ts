/** The decision steps of a run (PRODUCT.md §3.2): a short list of three or more, board approval, notification to the region. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { criteriaOf, scoresOf } from './criteria.repo.ts';
import { itemsOf, responsesOf, setShortList } from './long-list.repo.ts';
import { rankItems, type RankedLongListItem } from './run-overview.service.ts';
import { actingUserId, runForChange, runVisibleTo } from './run-access.service.ts';
import { type MemberRecord, nearestRegionAbove, recordApproval, recordNotification, type RunRecord, setRunStatus } from './run.repo.ts';
import { MINIMUM_SHORT_LIST } from './run-status.rules.ts';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** Chooses the short list (at least three items of the long list); it can be chosen again until the board approves it. */
export async function chooseShortList(deps: Deps, context: ActionContext, runId: string, itemIds: string[]): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'short-list');
    const known = new Set((await itemsOf(trx, run.id)).map((item) => item.id));
    const chosen = [...new Set(itemIds)];
    const errors: FieldError[] = [];
    if (chosen.some((id) => !known.has(id))) errors.push({ field: 'items', message: 'Choose services from this long list only' });
    else if (chosen.length < MINIMUM_SHORT_LIST)
      errors.push({
        field: 'items',
        message: `Choose at least ${MINIMUM_SHORT_LIST} services for the short list (you chose ${chosen.length})`,
      });
    if (errors.length) throw validationFailed(errors);
    await setShortList(trx, run.id, chosen);
    await setRunStatus(trx, run.id, 'short-listed');
    await recordAudit(trx, context, {
      action: 'prioritisation.short-list',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { itemIds: chosen },
    });
  });
}

/** Records the board's approval of the short list: which board, its note, who recorded it and when. */
export async function approveShortList(
  deps: Deps,
  context: ActionContext,
  runId: string,
  input: { boardName: string; note?: string },
): Promise<void> {
  const boardName = input.boardName.trim();
  const note = (input.note ?? '').trim();
  const errors: FieldError[] = [];
  if (!boardName) errors.push({ field: 'boardName', message: 'Enter the name of the board that approved the short list' });
  else if (boardName.length > 200) errors.push({ field: 'boardName', message: 'Board name must be 200 characters or fewer' });
  if (note.length > 2000) errors.push({ field: 'note', message: 'Note must be 2,000 characters or fewer' });
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'approve');
    if (errors.length) throw validationFailed(errors);
    await recordApproval(trx, run.id, { boardName, note, at: deps.clock.now(), userId: actingUserId(context.principal) });
    await recordAudit(trx, context, {
      action: 'prioritisation.approve',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { boardName },
    });
  });
}

/** The notification's words: who chose which services for which year, with each one's score, support and rank. */
export function notificationText(
  run: Pick<RunRecord, 'organisationName' | 'yearLabel' | 'title' | 'boardName' | 'approvedAt'>,
  shortList: RankedLongListItem[],
  approvedOn: string,
): string {
  const lines = shortList.map(
    (item, index) =>
      `${index + 1}. ${item.name}: score ${item.score.toFixed(1)} out of 100, rank ${item.rank}, stakeholder support ${item.support === null ? 'no responses' : `${item.support.toFixed(1)} out of 3 from ${item.responseCount} responses`}`,
  );
  return [
    `${run.organisationName} has chosen these ${shortList.length} services for patient choice of Any Qualified Provider in ${run.yearLabel} (${run.title}).`,
    `Approved by ${run.boardName ?? 'the board'} on ${approvedOn}.`,
    '',
    ...lines,
  ].join('\n');
}

async function composeNotification(deps: Deps, db: Executor, run: RunRecord): Promise<{ region: MemberRecord | undefined; text: string }> {
  const region = await nearestRegionAbove(db, run.organisationId);
  const [items, criteria, scores, responses] = [
    await itemsOf(db, run.id),
    await criteriaOf(db, run.id),
    await scoresOf(db, run.id),
    await responsesOf(db, run.id),
  ];
  const shortList = rankItems(items, criteria, scores, responses).filter((item) => item.isShortListed);
  return { region, text: notificationText(run, shortList, LONG_DATE.format(run.approvedAt ?? deps.clock.now())) };
}

/** What notifying would send and to which region, for the commissioner to check first. */
export async function previewNotification(
  deps: Deps,
  principal: Principal | null,
  runId: string,
): Promise<{ run: RunRecord; regionName: string | null; text: string }> {
  const run = await runVisibleTo(deps.db, principal, runId);
  const { region, text } = await composeNotification(deps, deps.db, run);
  return { run, regionName: region?.name ?? null, text };
}

/** Notifies the nearest region above the run's organisation of the approved short list, keeping the text as sent. */
export async function notifyRegion(deps: Deps, context: ActionContext, runId: string): Promise<{ regionName: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'notify');
    const { region, text } = await composeNotification(deps, trx, run);
    if (!region)
      throw new DomainError(
        'conflict',
        `${run.organisationName} has no region above it to notify; ask a platform administrator to record its region`,
      );
    await recordNotification(trx, run.id, { regionId: region.id, text, at: deps.clock.now() });
    await recordAudit(trx, context, {
      action: 'prioritisation.notify',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { regionId: region.id, regionOdsCode: region.odsCode },
    });
    return { regionName: region.name };
  });
}
