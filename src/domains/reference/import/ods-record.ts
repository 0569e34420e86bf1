/** Reads the standard 27-column ODS CSV layout (no header) used by epraccur, eccg and etr. */

export interface OdsRecord {
  code: string;
  name: string;
  regionCode: string | null;
  icbCode: string | null;
  address: string | null;
  postcode: string | null;
  openDate: string | null;
  closeDate: string | null;
  status: string | null;
  commissionerCode: string | null;
  prescribingSetting: number | null;
}

const ODS_COLUMNS = 27;
const ODS_CODE = /^[A-Z0-9]{3,6}$/;

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** ODS dates are YYYYMMDD; the platform uses ISO dates. */
export function odsDate(value: string | undefined): string | null | 'invalid' {
  const text = nonEmpty(value);
  if (!text) return null;
  if (!/^\d{8}$/.test(text)) return 'invalid';
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** Parses one ODS row, or returns the reason it cannot be used. */
export function parseOdsRecord(fields: string[]): OdsRecord | { reason: string } {
  if (fields.length !== ODS_COLUMNS) return { reason: `expected ${ODS_COLUMNS} columns, found ${fields.length}` };
  const code = fields[0]!.toUpperCase();
  if (!ODS_CODE.test(code)) return { reason: `malformed ODS code "${fields[0]}"` };
  const name = nonEmpty(fields[1]);
  if (!name) return { reason: `${code} has no name` };
  const openDate = odsDate(fields[10]);
  const closeDate = odsDate(fields[11]);
  if (openDate === 'invalid' || closeDate === 'invalid') return { reason: `${code} has a date that is not YYYYMMDD` };
  const setting = nonEmpty(fields[25]);
  return {
    code,
    name,
    regionCode: nonEmpty(fields[2]),
    icbCode: nonEmpty(fields[3]),
    address:
      [4, 5, 6, 7, 8]
        .map((index) => nonEmpty(fields[index]))
        .filter(Boolean)
        .join(', ') || null,
    postcode: nonEmpty(fields[9]),
    openDate,
    closeDate,
    status: nonEmpty(fields[12]),
    commissionerCode: nonEmpty(fields[14]),
    prescribingSetting: setting && /^\d+$/.test(setting) ? Number(setting) : null,
  };
}
