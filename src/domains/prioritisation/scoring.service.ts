/** Weighted prioritisation and benefits criteria, and each long-list item's score against them (PRODUCT.md §3.2). */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { criteriaOf, type CriterionKind, replaceCriteriaRows, upsertScores } from './criteria.repo.ts';
import { itemsOf } from './long-list.repo.ts';
import { runForChange } from './run-access.service.ts';
import { MAX_CRITERION_SCORE } from './scoring.rules.ts';

export const CRITERION_KINDS: Record<CriterionKind, string> = {
  prioritisation: 'Prioritisation criterion',
  benefits: 'Benefits criterion',
};

export interface CriterionInput {
  kind: string;
  name: string;
  description?: string;
  weight: number | string;
}

function criterionErrors(input: CriterionInput, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!(input.kind in CRITERION_KINDS))
    errors.push({ field: `${prefix}kind`, message: 'Select whether this is a prioritisation or a benefits criterion' });
  const name = input.name.trim();
  if (!name) errors.push({ field: `${prefix}name`, message: 'Enter the name of the criterion' });
  else if (name.length > 200) errors.push({ field: `${prefix}name`, message: 'Name must be 200 characters or fewer' });
  if ((input.description ?? '').length > 2000)
    errors.push({ field: `${prefix}description`, message: 'Description must be 2,000 characters or fewer' });
  const weight = Number(String(input.weight).trim());
  if (!Number.isInteger(weight) || weight < 1 || weight > 100 || String(input.weight).trim() === '')
    errors.push({ field: `${prefix}weight`, message: 'Enter a weight as a whole number from 1 to 100' });
  return errors;
}

/** Replaces the run's criteria as a whole; a criterion kept by name keeps its scores, a removed one loses them. */
export async function replaceCriteria(
  deps: Deps,
  context: ActionContext,
  runId: string,
  inputs: CriterionInput[],
  fieldPrefix = (index: number) => `${index}.`,
): Promise<void> {
  const errors = inputs.flatMap((input, index) => criterionErrors(input, fieldPrefix(index)));
  const names = inputs.map((input) => input.name.trim().toLowerCase());
  names.forEach((name, index) => {
    if (name && names.indexOf(name) !== index)
      errors.push({ field: `${fieldPrefix(index)}name`, message: `There is already a criterion called ${inputs[index]!.name.trim()}` });
  });
  if (errors.length) throw validationFailed(errors);
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    await replaceCriteriaRows(
      trx,
      run.id,
      inputs.map((input) => ({
        kind: input.kind as CriterionKind,
        name: input.name.trim(),
        description: (input.description ?? '').trim(),
        weight: Number(input.weight),
      })),
    );
    await recordAudit(trx, context, {
      action: 'prioritisation.criteria.replace',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { criteria: inputs.map((input) => input.name.trim()) },
    });
  });
}

export interface ScoreInput {
  itemId: string;
  criterionId: string;
  /** 0–5, or null to clear the score. */
  score: number | null;
}

/** Sets scores 0–5 per item per criterion; any score out of range or for an unknown item or criterion means none is saved. */
export async function setScores(
  deps: Deps,
  context: ActionContext,
  runId: string,
  inputs: ScoreInput[],
  fieldOf = (input: ScoreInput, index: number) => `${index}.score`,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    const itemNames = new Map((await itemsOf(trx, run.id)).map((item) => [item.id, item.name]));
    const criterionNames = new Map((await criteriaOf(trx, run.id)).map((criterion) => [criterion.id, criterion.name]));
    const errors: FieldError[] = [];
    inputs.forEach((input, index) => {
      if (!itemNames.has(input.itemId) || !criterionNames.has(input.criterionId))
        errors.push({
          field: fieldOf(input, index),
          message: 'This score is for a service or criterion that is not in this prioritisation',
        });
      else if (input.score !== null && (!Number.isInteger(input.score) || input.score < 0 || input.score > MAX_CRITERION_SCORE)) {
        errors.push({
          field: fieldOf(input, index),
          message: `Enter the score of ${itemNames.get(input.itemId)} for ${criterionNames.get(input.criterionId)} as a whole number from 0 to ${MAX_CRITERION_SCORE}`,
        });
      }
    });
    if (errors.length) throw validationFailed(errors);
    await upsertScores(trx, inputs);
    await recordAudit(trx, context, {
      action: 'prioritisation.scores.set',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { count: inputs.length },
    });
  });
}
