/** Commissioners open AQP offers from a pack version (PRODUCT.md §3.2) and shape them while they are drafts. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { findServiceByCode, listServices, type PackVersion, packVersionsOf, type ServiceRecord } from '../catalogue/catalogue.repo.ts';
import { localServicesOwnedBy } from '../catalogue/local-services.repo.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId, offerToChange } from './offer-access.ts';
import { coverageDateErrors, coveragePeriodOf, resolveCoverage } from './offer-coverage.ts';
import { coverageAreaOf } from './offer-coverage.repo.ts';
import { type OfferDetails, offerDetailsFieldErrors } from './offer-details.rules.ts';
import { insertOffer, type OfferRecord, replaceCoverage, updateAmendments, updateOfferDetails } from './offer.repo.ts';
import { insertProtocolVersion, insertStatusChange } from './offer-terms.repo.ts';
import { type Amendment, amendmentsFrom } from './specification-amendments.rules.ts';

export interface OpenOfferInput {
  serviceCode: string;
  /** The pack version to adopt; the current one when absent. */
  packVersion?: number;
  title: string;
  summary?: string;
  coverage: string[];
}

/** The services a commissioner can open an offer from: national ones with a current pack and not retired, then its own local services. */
export async function servicesToOffer(deps: Deps, organisationId: string): Promise<ServiceRecord[]> {
  const national = (await listServices(deps.db)).filter((service) => service.currentPackVersion !== null && !service.isRetired);
  return [...national, ...(await localServicesOwnedBy(deps.db, organisationId))];
}

function commissionerOf(context: ActionContext): string {
  if (context.principal?.role !== 'commissioner') throw new DomainError('forbidden', 'Only commissioners can open offers');
  return context.principal.organisationId;
}

/** The service and pack version an offer adopts: a national service, or a local service only for the commissioner that owns it (docs/decisions/0028-local-service-offers.md). */
async function adoptablePack(
  trx: Executor,
  leadId: string,
  input: OpenOfferInput,
): Promise<{ service?: ServiceRecord; pack?: PackVersion; errors: FieldError[] }> {
  const service = input.serviceCode ? await findServiceByCode(trx, input.serviceCode) : undefined;
  if (!service)
    return { errors: [{ field: 'serviceCode', message: 'Choose a service from the national list or one of your local services' }] };
  if (service.local && service.local.owner.id !== leadId) {
    return {
      errors: [
        {
          field: 'serviceCode',
          message: `${service.name} is a local service of ${service.local.owner.name}: only its commissioners can offer it. To offer it yourself, propose it to your region.`,
        },
      ],
    };
  }
  const packs = await packVersionsOf(trx, service.id);
  const pack = input.packVersion === undefined ? packs[0] : packs.find((candidate) => candidate.version === input.packVersion);
  if (!pack)
    return {
      service,
      errors: [
        {
          field: 'serviceCode',
          message: packs.length
            ? `${service.name} has no pack version ${input.packVersion}`
            : `${service.name} has no implementation pack yet, so it cannot be offered`,
        },
      ],
    };
  return { service, pack, errors: [] };
}

/** Opens a draft offer: adopts a pack version and copies its protocol as the offer's first protocol version. */
export async function openOffer(deps: Deps, context: ActionContext, input: OpenOfferInput): Promise<{ id: string }> {
  const leadId = commissionerOf(context);
  return deps.db.transaction().execute(async (trx) => {
    const { service, pack, errors } = await adoptablePack(trx, leadId, input);
    const title = input.title.trim() || (service ? service.name : '');
    if (title.length > 200) errors.push({ field: 'title', message: 'The title must be 200 characters or fewer' });
    const today = deps.clock.today();
    const coverage = resolveCoverage(await coverageAreaOf(trx, leadId), input.coverage, { today, from: today, to: today });
    errors.push(...coverage.errors);
    if (errors.length || !service || !pack) throw validationFailed(errors, 'The offer cannot be opened');
    const id = await insertOffer(
      trx,
      {
        leadOrganisationId: leadId,
        serviceId: service.id,
        packId: pack.id,
        title,
        summary: (input.summary ?? '').trim(),
        userId: actingUserId(context),
      },
      deps.clock.now(),
    );
    await replaceCoverage(trx, id, coverage.ids);
    await insertProtocolVersion(trx, id, 1, pack.content.protocol, actingUserId(context));
    const source = `${service.local ? 'local ' : ''}pack version ${pack.version}`;
    await insertStatusChange(trx, {
      offerId: id,
      fromStatus: null,
      toStatus: 'draft',
      reason: `Opened from ${source}`,
      at: deps.clock.now(),
      actor: { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) },
    });
    await recordAudit(trx, context, {
      action: 'offer.open',
      entityType: 'offer',
      entityId: id,
      details: { service: service.code, packVersion: pack.version, local: Boolean(service.local), coverage: input.coverage },
    });
    return { id };
  });
}

function assertDraft(offer: OfferRecord, what: string): void {
  if (offer.status !== 'draft')
    throw new DomainError('invalid-transition', `${what} can only change while the offer is a draft; this offer is ${offer.status}`);
}

/** Sets the title, contract term and qualification window of a draft offer; only those fields are kept, whatever else the input carries. */
export async function changeOfferDetails(deps: Deps, context: ActionContext, id: string, input: OfferDetails): Promise<void> {
  const date = (value: string | null) => value?.trim() || null;
  const details: OfferDetails = {
    title: input.title.trim(),
    summary: input.summary.trim(),
    windowKind: input.windowKind,
    contractStart: date(input.contractStart),
    contractEnd: date(input.contractEnd),
    windowOpens: date(input.windowOpens),
    windowCloses: date(input.windowCloses),
  };
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    assertDraft(offer, 'The details');
    const errors = offerDetailsFieldErrors(details);
    if (!errors.length) {
      const startField =
        details.windowOpens && (!details.contractStart || details.windowOpens < details.contractStart) ? 'windowOpens' : 'contractStart';
      errors.push(
        ...coverageDateErrors(
          await coverageAreaOf(trx, offer.lead.id),
          offer.coverage.map((c) => c.id),
          coveragePeriodOf(details, deps.clock.today()),
          startField,
        ),
      );
    }
    if (errors.length) throw validationFailed(errors, 'The offer details are not valid');
    await updateOfferDetails(trx, id, details, deps.clock.now());
    await recordAudit(trx, context, { action: 'offer.details', entityType: 'offer', entityId: id, details: { ...details } });
  });
}

/** Sets which commissioners a draft offer covers. */
export async function changeCoverage(deps: Deps, context: ActionContext, id: string, odsCodes: string[]): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    assertDraft(offer, 'Coverage');
    const coverage = resolveCoverage(await coverageAreaOf(trx, offer.lead.id), odsCodes, coveragePeriodOf(offer, deps.clock.today()));
    if (coverage.errors.length) throw validationFailed(coverage.errors, 'The coverage is not valid');
    await replaceCoverage(trx, id, coverage.ids);
    await recordAudit(trx, context, { action: 'offer.coverage', entityType: 'offer', entityId: id, details: { coverage: odsCodes } });
  });
}

/** Records local amendments to the pack's specification; only sections that differ are kept, each with its reason. */
export async function amendSpecification(
  deps: Deps,
  context: ActionContext,
  id: string,
  proposed: Amendment[],
): Promise<{ amended: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, id);
    assertDraft(offer, 'The specification');
    const amendments = amendmentsFrom(offer.pack.content.specification, proposed);
    await updateAmendments(trx, id, amendments, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'offer.amend-specification',
      entityType: 'offer',
      entityId: id,
      details: { sections: amendments.map((amendment) => amendment.section) },
    });
    return { amended: amendments.length };
  });
}
