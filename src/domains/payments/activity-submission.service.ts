/**
 * Receiving activity lines (issue #14 item 2; decision 0044): in one transaction, lines already received are reported and skipped, the
 * rest are validated against facts loaded for the whole batch, accepted lines are priced, and every new line is appended — never updated.
 */
import type { Executor } from '../../db/executor.ts';
import { DomainError, isDomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { type LoadedFacts, loadValidationFacts } from './activity-facts.service.ts';
import { type ActivityLine, REJECTION_REASONS, type RejectionReasonCode } from './activity-line.rules.ts';
import { insertLines, insertSubmission, type NewLine, type StoredLine, storedLinesById } from './activity-line.repo.ts';
import { type LineDecision, validateLines } from './activity-validation.rules.ts';
import { priceLine } from './pricing.rules.ts';

/** The start of the line ids the platform gives the activity it records itself; a provider's ids cannot start so. */
export const PLATFORM_LINE_PREFIX = 'platform:';

/** The most lines one API batch may carry; larger sets are sent as several batches or a file. */
export const MAX_BATCH_LINES = 1000;

export type LineOutcome =
  | { lineId: string; outcome: 'accepted'; pricePence: number | null }
  | { lineId: string; outcome: 'refused'; reasonCode: RejectionReasonCode; reason: string }
  | { lineId: string; outcome: 'already-received'; firstOutcome: 'accepted' | 'refused'; reasonCode?: string; pricePence: number | null };

export interface SubmissionReport {
  submissionId: string;
  received: number;
  accepted: number;
  refused: number;
  alreadyReceived: number;
  lines: LineOutcome[];
}

/** Who sent the lines, how, and when. */
export interface Submitter {
  providerId: string;
  source: 'platform' | 'api' | 'csv';
  fileName: string | null;
  userId: string | null;
  apiKeyId: string | null;
  at: Date;
  today: string;
}

/** Receives a provider's batch by API (or file) in its own transaction; the same line id twice in one batch is bad input. */
export async function submitActivityLines(
  deps: Deps,
  context: ActionContext,
  input: { lines: ActivityLine[]; source: 'api' | 'csv'; fileName?: string },
): Promise<SubmissionReport> {
  const submitter = providerSubmitter(deps, context, input.source, input.fileName ?? null);
  if (input.lines.length > MAX_BATCH_LINES)
    throw validationFailed([{ field: 'lines', message: `Send at most ${MAX_BATCH_LINES} lines in one batch` }]);
  refuseMalformedBatch(input.lines);
  return recordSubmission(deps, context, submitter, input.lines);
}

/** The provider sending lines, how and when; only a provider's people and keys may send activity. */
export function providerSubmitter(deps: Deps, context: ActionContext, source: 'api' | 'csv', fileName: string | null): Submitter {
  const principal = context.principal;
  if (!principal || (principal.role !== 'provider-admin' && principal.role !== 'provider-clinician'))
    throw new DomainError('forbidden', 'Only a provider can send activity lines');
  return {
    providerId: principal.organisationId,
    source,
    fileName,
    userId: actingUserId(context),
    apiKeyId: actingApiKeyId(context),
    at: deps.clock.now(),
    today: deps.clock.today(),
  };
}

/**
 * Records a batch or a whole file as one submission in one transaction, with its audit row: any failure leaves nothing written. Lines in
 * `unreadable` (a file's rows with a value that cannot be read) are refused as `invalid-line` without being validated.
 */
export async function recordSubmission(
  deps: Deps,
  context: ActionContext,
  submitter: Submitter,
  lines: readonly ActivityLine[],
  more: { unreadable?: ReadonlySet<string>; audit?: Record<string, unknown> } = {},
): Promise<SubmissionReport> {
  return deps.db.transaction().execute(async (trx) => {
    const report = await recordActivityIn(trx, submitter, lines, more.unreadable);
    const { lines: _lines, ...counts } = report;
    await recordAudit(trx, context, {
      action: 'activity.submit',
      entityType: 'activity-submission',
      entityId: report.submissionId,
      details: { ...counts, ...more.audit },
    });
    return report;
  });
}

/**
 * Refuses, before anything is stored, a batch the sender's software got wrong rather than a line's data: a platform line id, one id
 * twice, or a line whose kind and reversed line disagree (stored lines keep kind and reversed line in step; a refused id cannot be reused).
 */
function refuseMalformedBatch(lines: readonly ActivityLine[]): void {
  const platformId = lines.findIndex((line) => line.lineId.startsWith(PLATFORM_LINE_PREFIX));
  if (platformId >= 0)
    throw validationFailed([
      { field: `lines.${platformId}.lineId`, message: `Line ids starting ${PLATFORM_LINE_PREFIX} are the platform’s own` },
    ]);
  const seen = new Set<string>();
  const repeated = lines.findIndex((line) => seen.size === seen.add(line.lineId).size);
  if (repeated >= 0)
    throw validationFailed([
      { field: `lines.${repeated}.lineId`, message: `Line id ${lines[repeated]!.lineId} is used twice in this batch` },
    ]);
  const mismatched = lines.findIndex((line) => (line.kind === 'reversal') !== (line.reversesLineId !== undefined));
  if (mismatched >= 0)
    throw validationFailed([
      {
        field: `lines.${mismatched}.reversesLineId`,
        message:
          lines[mismatched]!.kind === 'reversal' ? 'A reversal must name the line it reverses' : 'Only a reversal names a line it reverses',
      },
    ]);
}

/**
 * Records lines inside the caller's transaction (a batch, a file, or one platform event): what was received before is only reported; the
 * rest are decided together, in order, and appended in chunks of MAX_BATCH_LINES rows (PostgreSQL takes at most 65,535 values a statement).
 */
export async function recordActivityIn(
  trx: Executor,
  submitter: Submitter,
  lines: readonly ActivityLine[],
  unreadable: ReadonlySet<string> = new Set(),
): Promise<SubmissionReport> {
  const stored = new Map(
    (
      await storedLinesById(
        trx,
        submitter.providerId,
        lines.map((line) => line.lineId),
      )
    ).map((line) => [line.providerLineId, line]),
  );
  const fresh = lines.filter((line) => !stored.has(line.lineId));
  const readable = fresh.filter((line) => !unreadable.has(line.lineId));
  const loaded = await loadValidationFacts(trx, submitter.providerId, readable, submitter.today);
  const decided = new Map(validateLines(readable, loaded.facts).map((decision) => [decision.line.lineId, decision]));
  const decisions = fresh.map((line): LineDecision => decided.get(line.lineId) ?? { outcome: 'refused', line, reason: 'invalid-line' });
  const newLines = decideAndPrice(decisions, loaded, submitter.providerId);
  const byId = new Map(newLines.map((line) => [line.providerLineId, line]));
  const outcomes = lines.map((line) =>
    byId.has(line.lineId) ? outcomeOf(byId.get(line.lineId)!) : alreadyReceived(stored.get(line.lineId)!),
  );
  const accepted = newLines.filter((line) => line.status === 'accepted').length;
  const report = { received: lines.length, accepted, refused: newLines.length - accepted, alreadyReceived: lines.length - newLines.length };
  const id = await insertSubmission(trx, {
    ...submitter,
    counts: { lines: report.received, accepted, refused: report.refused, alreadyReceived: report.alreadyReceived },
  });
  for (let start = 0; start < newLines.length; start += MAX_BATCH_LINES)
    await insertLines(
      trx,
      { id, providerId: submitter.providerId, source: submitter.source, at: submitter.at },
      newLines.slice(start, start + MAX_BATCH_LINES),
    );
  return { submissionId: id, ...report, lines: outcomes };
}

/** Each decision as the row to append: accepted lines priced (null when the offer has no price in force), refused ones with their reason. */
function decideAndPrice(decisions: readonly LineDecision[], loaded: LoadedFacts, providerId: string): NewLine[] {
  const originals = new Map(loaded.acceptedById);
  return decisions.map((decision) => {
    const line = decision.line;
    const referral = loaded.referrals.get(line.referralReference);
    const ours = referral && referral.providerId === providerId ? referral : undefined;
    const accepted = decision.outcome === 'accepted';
    if (accepted) originals.set(line.lineId, line);
    return {
      providerLineId: line.lineId,
      referralId: ours?.id ?? null,
      referralReference: line.referralReference,
      offerId: ours?.offerId ?? null,
      commissionerId: ours?.commissionerId ?? null,
      currencyCode: line.currencyCode,
      complexityBand: line.complexityBand,
      activityDate: line.activityDate,
      attendanceCode: line.attendance,
      kind: line.kind,
      reversesLineId: line.reversesLineId ?? null,
      status: accepted ? 'accepted' : 'refused',
      rejectionReason: decision.outcome === 'refused' ? decision.reason : null,
      pricePence: accepted && ours ? priceOrNull(line, loaded.schedules.get(ours.offerId) ?? [], originals) : null,
    };
  });
}

/** The line's price; an offer with no price in force for it leaves the line accepted but unpriced, for the commissioner to put right. */
function priceOrNull(line: ActivityLine, schedules: Parameters<typeof priceLine>[1], originals: Map<string, ActivityLine>): number | null {
  try {
    return priceLine(line, schedules, line.reversesLineId ? originals.get(line.reversesLineId) : undefined);
  } catch (error) {
    if (isDomainError(error) && error.code === 'not-found') return null;
    throw error;
  }
}

function outcomeOf(line: NewLine): LineOutcome {
  if (line.status === 'accepted') return { lineId: line.providerLineId, outcome: 'accepted', pricePence: line.pricePence };
  const code = line.rejectionReason as RejectionReasonCode;
  return { lineId: line.providerLineId, outcome: 'refused', reasonCode: code, reason: REJECTION_REASONS[code].label };
}

function alreadyReceived(line: StoredLine): LineOutcome {
  return {
    lineId: line.providerLineId,
    outcome: 'already-received',
    firstOutcome: line.status === 'accepted' ? 'accepted' : 'refused',
    ...(line.rejectionReason ? { reasonCode: line.rejectionReason } : {}),
    pricePence: line.pricePence,
  };
}
