/** Commissioners start prioritisation runs: the long list from the national list, member commissioners, the milestone timetable. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { PHASES } from '../catalogue/catalogue.service.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { insertMilestones } from './criteria.repo.ts';
import { insertNationalItems } from './long-list.repo.ts';
import { milestonesForPlanYear, planYearOf } from './milestones.rules.ts';
import { actingUserId } from './run-access.service.ts';
import { insertRun, listRunsNotifiedTo, listRunsOfCommissioner, memberCandidates, type MemberRecord, type RunRecord } from './run.repo.ts';

export const DEFAULT_PHASES = ['2012-13-priority'];

export interface NewRunInput {
  title: string;
  yearLabel: string;
  /** Member commissioners by organisation id or ODS code: the run's own organisation and/or its sub-ICB locations. */
  members: string[];
  /** Phases of the national list to start the long list from. */
  phases?: string[];
}

function resolveMembers(candidates: MemberRecord[], references: string[], errors: FieldError[]): string[] {
  const ids = new Set<string>();
  for (const reference of references.map((value) => value.trim()).filter(Boolean)) {
    const match = candidates.find(
      (candidate) => candidate.id === reference || candidate.odsCode?.toUpperCase() === reference.toUpperCase(),
    );
    if (match) ids.add(match.id);
    else errors.push({ field: 'members', message: `${reference} is not your organisation or one of its sub-ICB locations` });
  }
  if (!ids.size && !errors.some((error) => error.field === 'members'))
    errors.push({ field: 'members', message: 'Select the commissioners taking part in this prioritisation' });
  return [...ids];
}

function commissionerOf(context: ActionContext): Principal {
  if (context.principal?.role !== 'commissioner') throw new DomainError('forbidden', 'Only commissioners run prioritisation');
  return context.principal;
}

/** Starts a run for the commissioner's organisation: members, the chosen phases of the national list, and the 2011 timetable moved to its year. */
export async function createRun(deps: Deps, context: ActionContext, input: NewRunInput): Promise<{ id: string }> {
  const principal = commissionerOf(context);
  const title = input.title.trim();
  const yearLabel = input.yearLabel.trim();
  const phases = input.phases ?? DEFAULT_PHASES;
  const errors: FieldError[] = [];
  if (!title) errors.push({ field: 'title', message: 'Enter a title for the prioritisation' });
  else if (title.length > 200) errors.push({ field: 'title', message: 'Title must be 200 characters or fewer' });
  const planYear = planYearOf(yearLabel);
  if (planYear === undefined || planYear < 2000 || planYear > 2100)
    errors.push({ field: 'yearLabel', message: 'Enter the plan year like 2012/13' });
  for (const phase of phases)
    if (!(phase in PHASES)) errors.push({ field: 'phases', message: `${phase} is not a phase of the national list` });
  return deps.db.transaction().execute(async (trx) => {
    const memberIds = resolveMembers(await memberCandidates(trx, principal.organisationId), input.members, errors);
    if (errors.length) throw validationFailed(errors);
    const id = await insertRun(trx, {
      organisationId: principal.organisationId,
      title,
      yearLabel,
      userId: actingUserId(principal),
      memberIds,
    });
    await insertNationalItems(trx, id, phases);
    await insertMilestones(trx, id, milestonesForPlanYear(planYear!));
    await recordAudit(trx, context, {
      action: 'prioritisation.create',
      entityType: 'prioritisation-run',
      entityId: id,
      details: { title, yearLabel, phases, members: memberIds.length },
    });
    return { id };
  });
}

/** The runs a person may see: a commissioner's own and those they take part in; a regional reviewer's notified ones. */
export async function listRunsFor(
  deps: Deps,
  principal: Principal,
  page: { limit: number; offset: number },
): Promise<{ rows: RunRecord[]; total: number }> {
  if (principal.role === 'regional-reviewer') return listRunsNotifiedTo(deps.db, principal.organisationId, page);
  if (principal.role === 'commissioner') return listRunsOfCommissioner(deps.db, principal.organisationId, page);
  return { rows: [], total: 0 };
}

/** The commissioners a new run may include, for the form's checkboxes. */
export async function memberChoicesFor(deps: Deps, principal: Principal): Promise<MemberRecord[]> {
  return memberCandidates(deps.db, principal.organisationId);
}
