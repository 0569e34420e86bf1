/** The long list during engagement: local candidates and national services added or removed, stakeholder responses by form or CSV. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { findServiceByCode, listServices, type ServiceRecord } from '../catalogue/catalogue.repo.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { deleteItem, insertLocalItem, insertResponses, insertServiceItem, type ItemRecord, itemsOf } from './long-list.repo.ts';
import { runForChange } from './run-access.service.ts';
import type { Priority } from './scoring.rules.ts';
import { parseStakeholderCsv } from './stakeholder-csv.rules.ts';

export type NewItemInput = { serviceCode: string } | { name: string; description?: string };

/** National services still in use that are not on the long list yet, to choose from when adding one. */
export async function servicesAddableToLongList(deps: Deps, onList: ReadonlySet<string | null>): Promise<ServiceRecord[]> {
  return (await listServices(deps.db)).filter((service) => !onList.has(service.code) && !service.isRetired);
}

/** Adds a local candidate (by name) or a national service (by code) to the long list, once each. */
export async function addLongListItem(deps: Deps, context: ActionContext, runId: string, input: NewItemInput): Promise<{ id: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    const items = await itemsOf(trx, run.id);
    let id: string;
    if ('serviceCode' in input) {
      if (!input.serviceCode.trim()) throw validationFailed([{ field: 'serviceCode', message: 'Choose a national service to add' }]);
      const service = await findServiceByCode(trx, input.serviceCode.trim());
      if (!service)
        throw validationFailed([{ field: 'serviceCode', message: `There is no national service with the code ${input.serviceCode}` }]);
      if (items.some((item) => item.serviceId === service.id))
        throw validationFailed([{ field: 'serviceCode', message: `${service.name} is already on the long list` }]);
      id = await insertServiceItem(trx, run.id, service.id);
    } else {
      const name = input.name.trim();
      const description = (input.description ?? '').trim();
      const errors: FieldError[] = [];
      if (!name) errors.push({ field: 'name', message: 'Enter the name of the local candidate service' });
      else if (name.length > 200) errors.push({ field: 'name', message: 'Name must be 200 characters or fewer' });
      else if (items.some((item) => item.name.toLowerCase() === name.toLowerCase()))
        errors.push({ field: 'name', message: `${name} is already on the long list` });
      if (description.length > 2000) errors.push({ field: 'description', message: 'Description must be 2,000 characters or fewer' });
      if (errors.length) throw validationFailed(errors);
      id = await insertLocalItem(trx, run.id, { name, description });
    }
    await recordAudit(trx, context, {
      action: 'prioritisation.item.add',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { itemId: id, ...input },
    });
    return { id };
  });
}

/** Removes an item, with its responses and scores, while the run is in engagement. */
export async function removeLongListItem(deps: Deps, context: ActionContext, runId: string, itemId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    const item = (await itemsOf(trx, run.id)).find((candidate) => candidate.id === itemId);
    if (!item || !(await deleteItem(trx, run.id, itemId))) throw new DomainError('not-found', 'That service is not on the long list');
    await recordAudit(trx, context, {
      action: 'prioritisation.item.remove',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { itemId, name: item.name },
    });
  });
}

export interface ResponseInput {
  itemId: string;
  group: string;
  priority: string;
  benefits?: string;
  comment?: string;
}

function responseErrors(input: ResponseInput, items: ItemRecord[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!items.some((item) => item.id === input.itemId))
    errors.push({ field: `${prefix}itemId`, message: 'Select a service from the long list' });
  const group = input.group.trim();
  if (!group) errors.push({ field: `${prefix}group`, message: 'Enter the stakeholder group, like Patients, carers and relatives' });
  else if (group.length > 200) errors.push({ field: `${prefix}group`, message: 'Stakeholder group must be 200 characters or fewer' });
  if (!['high', 'mid', 'low'].includes(input.priority))
    errors.push({ field: `${prefix}priority`, message: 'Select high, mid or low priority' });
  if ((input.benefits ?? '').length > 2000)
    errors.push({ field: `${prefix}benefits`, message: 'Benefits must be 2,000 characters or fewer' });
  if ((input.comment ?? '').length > 2000) errors.push({ field: `${prefix}comment`, message: 'Comment must be 2,000 characters or fewer' });
  return errors;
}

/** Records stakeholder responses (one from the form, or several from the API); any invalid one means none is saved. */
export async function addResponses(deps: Deps, context: ActionContext, runId: string, inputs: ResponseInput[]): Promise<{ saved: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    const items = await itemsOf(trx, run.id);
    const errors = inputs.flatMap((input, index) => responseErrors(input, items, inputs.length > 1 ? `${index}.` : ''));
    if (!inputs.length) errors.push({ field: 'responses', message: 'Send at least one response' });
    if (errors.length) throw validationFailed(errors);
    await insertResponses(
      trx,
      inputs.map((input) => ({
        itemId: input.itemId,
        group: input.group.trim(),
        priority: input.priority as Priority,
        benefits: (input.benefits ?? '').trim(),
        comment: (input.comment ?? '').trim(),
        source: 'form',
      })),
    );
    await recordAudit(trx, context, {
      action: 'prioritisation.responses.add',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { count: inputs.length },
    });
    return { saved: inputs.length };
  });
}

/** Imports responses from CSV, all or nothing: one bad row and nothing is saved, with every bad row's number and reason. */
export async function importResponses(deps: Deps, context: ActionContext, runId: string, csv: string): Promise<{ saved: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId, 'edit-long-list');
    const items = await itemsOf(trx, run.id);
    const lookup = (service: string) => {
      const key = service.trim().toLowerCase();
      return items.find((item) => item.serviceCode?.toLowerCase() === key || (item.isLocal && item.name.toLowerCase() === key))?.id;
    };
    const result = parseStakeholderCsv(csv, lookup);
    if (!result.ok) throw validationFailed(result.errors, 'The CSV has problems; no responses were saved');
    await insertResponses(
      trx,
      result.rows.map((row) => ({ ...row, source: 'csv' as const })),
    );
    await recordAudit(trx, context, {
      action: 'prioritisation.responses.import',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { count: result.rows.length },
    });
    return { saved: result.rows.length };
  });
}
