/** The postcode files an operator may import: ours (shared/data), the ONS Postcode Directory, and OS Code-Point Open. */
import { gridToWgs84 } from '../../../lib/british-national-grid.ts';
import { isInGreatBritain } from '../../../lib/geo.ts';
import { normalisePostcode } from '../../../lib/postcode.ts';

export interface PostcodeRow {
  postcode: string;
  latitude: number;
  longitude: number;
  countryCode: string | null;
  localAuthorityCode: string | null;
  subIcbCode: string | null;
  terminatedOn: string | null;
}

/** A parsed row, or the reason it was rejected (with the postcode when it could be read). */
export type ParsedPostcode = { row: PostcodeRow } | { reason: string; postcode?: string };

export interface PostcodeFormat {
  name: 'aqp-csv' | 'onspd' | 'code-point-open';
  hasHeader: boolean;
  parse(fields: string[]): ParsedPostcode;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function located(
  postcode: string,
  latitude: number,
  longitude: number,
  rest: Omit<PostcodeRow, 'postcode' | 'latitude' | 'longitude'>,
): ParsedPostcode {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { reason: 'missing or non-numeric coordinate', postcode };
  if (!isInGreatBritain({ latitude, longitude }))
    return { reason: `coordinate ${latitude}, ${longitude} is outside Great Britain`, postcode };
  return { row: { postcode, latitude, longitude, ...rest } };
}

/** shared/data/postcodes_gb.csv.gz: postcode, latitude, longitude, country, local_authority_code. */
const aqpCsv: PostcodeFormat = {
  name: 'aqp-csv',
  hasHeader: true,
  parse(fields) {
    if (fields.length !== 5) return { reason: `expected 5 columns, found ${fields.length}` };
    const postcode = normalisePostcode(fields[0]!);
    if (!postcode) return { reason: `malformed postcode "${fields[0]}"` };
    if (!fields[1] || !fields[2]) return { reason: 'missing coordinate', postcode };
    return located(postcode, Number(fields[1]), Number(fields[2]), {
      countryCode: nonEmpty(fields[3]),
      localAuthorityCode: nonEmpty(fields[4]),
      subIcbCode: null,
      terminatedOn: null,
    });
  },
};

/** ONSPD's "doterm" (YYYYMM) as the first day of that month. */
function terminationDate(value: string | undefined): string | null {
  const text = nonEmpty(value);
  return text && /^\d{6}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-01` : null;
}

/** The ONS Postcode Directory (CSV with a header; columns found by name). No-coordinate rows carry 99.999999. */
function onspd(header: string[]): PostcodeFormat {
  const at = (...names: string[]) => names.map((name) => header.indexOf(name)).find((index) => index >= 0) ?? -1;
  const columns = {
    pcds: at('pcds', 'pcd'),
    lat: at('lat'),
    long: at('long'),
    doterm: at('doterm'),
    ctry: at('ctry'),
    lad: at('oslaua', 'lad25cd', 'lad24cd', 'lad'),
    subIcb: at('sicbl', 'sicbl24cd', 'ccg'),
  };
  return {
    name: 'onspd',
    hasHeader: true,
    parse(fields) {
      if (fields.length !== header.length) return { reason: `expected ${header.length} columns, found ${fields.length}` };
      const postcode = normalisePostcode(fields[columns.pcds] ?? '');
      if (!postcode) return { reason: `malformed postcode "${fields[columns.pcds]}"` };
      const latitude = Number(fields[columns.lat]);
      if (!fields[columns.lat] || latitude > 99) return { reason: 'missing coordinate', postcode };
      return located(postcode, latitude, Number(fields[columns.long]), {
        countryCode: nonEmpty(fields[columns.ctry]),
        localAuthorityCode: nonEmpty(fields[columns.lad]),
        subIcbCode: columns.subIcb >= 0 ? nonEmpty(fields[columns.subIcb]) : null,
        terminatedOn: terminationDate(fields[columns.doterm]),
      });
    },
  };
}

/** OS Code-Point Open data files: no header; postcode, quality, eastings, northings, country, NHS codes, county, district, ward. */
const codePointOpen: PostcodeFormat = {
  name: 'code-point-open',
  hasHeader: false,
  parse(fields) {
    if (fields.length !== 10) return { reason: `expected 10 columns, found ${fields.length}` };
    const postcode = normalisePostcode(fields[0]!);
    if (!postcode) return { reason: `malformed postcode "${fields[0]}"` };
    const [easting, northing] = [Number(fields[2]), Number(fields[3])];
    if (fields[1] === '90' || !fields[2] || !fields[3] || (easting === 0 && northing === 0))
      return { reason: 'missing coordinate', postcode };
    const { latitude, longitude } = gridToWgs84(easting, northing);
    return located(postcode, Math.round(latitude * 1e5) / 1e5, Math.round(longitude * 1e5) / 1e5, {
      countryCode: nonEmpty(fields[4]),
      localAuthorityCode: nonEmpty(fields[8]),
      subIcbCode: null,
      terminatedOn: null,
    });
  },
};

/** Chooses the format from the file's first record, or explains why none fits. */
export function detectPostcodeFormat(first: string[]): PostcodeFormat | { error: string } {
  const lower = first.map((field) => field.trim().toLowerCase());
  if (lower.join(',') === 'postcode,latitude,longitude,country,local_authority_code') return aqpCsv;
  if ((lower.includes('pcds') || lower.includes('pcd')) && lower.includes('lat') && lower.includes('long')) return onspd(lower);
  if (first.length === 10 && normalisePostcode(first[0] ?? '')) return codePointOpen;
  return {
    error: 'Not a recognised postcode file: expected the AQP postcode CSV, the ONS Postcode Directory CSV or an OS Code-Point Open CSV',
  };
}
