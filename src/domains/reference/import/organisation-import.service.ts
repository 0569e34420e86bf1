/** Imports NHS organisations from ODS files and the ONS ICB list: regions, ICBs, sub-ICB locations, GP practices, trusts. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { NHS_ENGLAND_REGIONS } from '../regions.ts';
import { openCsv } from './csv-source.ts';
import { emptySummary, type ImportSummary, reject } from './import-summary.ts';
import { type OdsRecord, parseOdsRecord } from './ods-record.ts';
import { type OrganisationRow, upsertOrganisations } from './organisation-upsert.ts';

const BATCH_SIZE = 1000;
/** ODS prescribing setting 4: a GP practice (the others are walk-in centres, hospices, prisons ...). */
export const GP_PRACTICE_SETTING = 4;

async function saveInBatches(deps: Deps, rows: OrganisationRow[], summary: ImportSummary): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await deps.db.transaction().execute((trx) => upsertOrganisations(trx, rows.slice(start, start + BATCH_SIZE), summary));
  }
}

/** Reads an ODS file, turning each usable record into an organisation row (undefined = skipped). */
async function importOdsFile(
  deps: Deps,
  dataset: string,
  file: string,
  toRow: (record: OdsRecord) => OrganisationRow | undefined,
): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary(dataset, file, 'ods-csv');
  const rows: OrganisationRow[] = [];
  for await (const record of (await openCsv(file)).records) {
    summary.rowsRead += 1;
    const parsed = parseOdsRecord(record.fields);
    if ('reason' in parsed) {
      reject(summary, record.line, parsed.reason);
      continue;
    }
    const row = toRow(parsed);
    if (row) rows.push(row);
    else summary.skipped += 1;
  }
  await saveInBatches(deps, rows, summary);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** The seven NHS England regions, the parents of ICBs. */
export async function importRegions(deps: Deps): Promise<ImportSummary> {
  const summary = emptySummary('regions', 'built in', 'built-in');
  const rows: OrganisationRow[] = NHS_ENGLAND_REGIONS.map((region) => ({
    odsCode: region.odsCode,
    name: region.name,
    kind: 'region',
    odsType: 'region',
    parentOdsCode: null,
    address: null,
    postcode: null,
    openDate: null,
    closeDate: null,
    regionCode: region.odsCode,
    prescribingSetting: null,
    status: null,
  }));
  summary.rowsRead = rows.length;
  await saveInBatches(deps, rows, summary);
  return summary;
}

/** ICBs from the ONS names-and-codes file; each ICB's region comes from the sub-ICB file beside it when present. */
export async function importIcbs(deps: Deps, file: string): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary('icbs', file, 'ons-icb-names');
  const regionOfIcb = new Map<string, string>();
  const subIcbFile = path.join(path.dirname(file), 'eccg.csv');
  if (existsSync(subIcbFile)) {
    for await (const record of (await openCsv(subIcbFile)).records) {
      const parsed = parseOdsRecord(record.fields);
      if (!('reason' in parsed) && !parsed.closeDate && parsed.icbCode && parsed.regionCode)
        regionOfIcb.set(parsed.icbCode, parsed.regionCode);
    }
  }
  const rows: OrganisationRow[] = [];
  for await (const record of (await openCsv(file)).records) {
    if (record.line === 1) {
      if (record.fields[1] !== 'ICB24CDH' && !/^ICB\d\dCDH$/.test(record.fields[1] ?? ''))
        throw new Error(`${file}: expected the ONS ICB names and codes file (ICB24CD,ICB24CDH,ICB24NM,...)`);
      continue;
    }
    summary.rowsRead += 1;
    const [, code, name] = record.fields;
    if (record.fields.length < 3 || !code || !/^Q[A-Z0-9]{2}$/.test(code) || !name) {
      reject(
        summary,
        record.line,
        record.fields.length < 3 ? `expected at least 3 columns, found ${record.fields.length}` : `malformed ICB code or name "${code}"`,
      );
      continue;
    }
    const region = regionOfIcb.get(code) ?? null;
    rows.push({
      odsCode: code,
      name,
      kind: 'commissioner',
      odsType: 'icb',
      parentOdsCode: region,
      address: null,
      postcode: null,
      openDate: null,
      closeDate: null,
      regionCode: region,
      prescribingSetting: null,
      status: null,
    });
  }
  await saveInBatches(deps, rows, summary);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Sub-ICB locations (eccg.csv): the commissioners, open and closed, under their ICB. */
export function importSubIcbLocations(deps: Deps, file: string): Promise<ImportSummary> {
  return importOdsFile(deps, 'sub-icb-locations', file, (record) => ({
    odsCode: record.code,
    name: record.name,
    kind: 'commissioner',
    odsType: 'sub-icb',
    parentOdsCode: record.icbCode,
    address: record.address,
    postcode: record.postcode,
    openDate: record.openDate,
    closeDate: record.closeDate,
    regionCode: record.regionCode,
    prescribingSetting: null,
    status: record.status,
  }));
}

/** GP practices (epraccur.csv, prescribing setting 4) under the sub-ICB location that commissions for them. */
export function importPractices(deps: Deps, file: string): Promise<ImportSummary> {
  return importOdsFile(deps, 'gp-practices', file, (record) =>
    record.prescribingSetting !== GP_PRACTICE_SETTING
      ? undefined
      : {
          odsCode: record.code,
          name: record.name,
          kind: 'gp-practice',
          odsType: 'gp-practice',
          parentOdsCode: record.commissionerCode,
          address: record.address,
          postcode: record.postcode,
          openDate: record.openDate,
          closeDate: record.closeDate,
          regionCode: record.regionCode,
          prescribingSetting: record.prescribingSetting,
          status: record.status,
        },
  );
}

/** NHS trusts (etr.csv): providers, under the ICB of their area. */
export function importTrusts(deps: Deps, file: string): Promise<ImportSummary> {
  return importOdsFile(deps, 'nhs-trusts', file, (record) => ({
    odsCode: record.code,
    name: record.name,
    kind: 'provider',
    odsType: 'trust',
    parentOdsCode: record.icbCode,
    address: record.address,
    postcode: record.postcode,
    openDate: record.openDate,
    closeDate: record.closeDate,
    regionCode: record.regionCode,
    prescribingSetting: null,
    status: record.status,
  }));
}
