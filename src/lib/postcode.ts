/** UK postcodes: normalise any case and spacing to the standard form (LS1 4AP), and check the format (BS 7666). */

/** Outward code forms A9, A99, AA9, AA99, A9A, AA9A with the letters each position allows. */
const OUTWARD =
  /^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$/;
/** Inward code: a digit and two letters, never C, I, K, M, O or V. */
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;

/** Removes every space and upper-cases, the first step of every postcode comparison. */
export function compactPostcode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** True for a well-formed outward code (district) such as LS1, SW1A or W1. */
export function isOutwardCode(text: string): boolean {
  return OUTWARD.test(compactPostcode(text));
}

/** The standard form of a full postcode ("ls14ap" → "LS1 4AP"), or undefined when it is not one. */
export function normalisePostcode(text: string): string | undefined {
  const compact = compactPostcode(text);
  if (compact === 'GIR0AA') return 'GIR 0AA';
  if (compact.length < 5 || compact.length > 7) return undefined;
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  return OUTWARD.test(outward) && INWARD.test(inward) ? `${outward} ${inward}` : undefined;
}

/** What an NHS pseudo-postcode (ZZ99 + digit + letter + Z, NHS Data Dictionary "postcode of usual address") records instead of a place. */
export type PseudoPostcodeMeaning =
  | 'no-fixed-abode'
  | 'address-not-known'
  | 'england-not-specified'
  | 'wales-not-specified'
  | 'scotland-not-specified'
  | 'northern-ireland-not-specified'
  | 'overseas';

export interface PseudoPostcode {
  postcode: string;
  meaning: PseudoPostcodeMeaning;
  /** Plain words for the screen: "no fixed abode". */
  description: string;
}

const PSEUDO = /^ZZ99([0-9][A-Z])Z$/;
const PSEUDO_MEANINGS: Record<string, [PseudoPostcodeMeaning, string]> = {
  '3V': ['no-fixed-abode', 'no fixed abode'],
  '3W': ['address-not-known', 'address not known'],
  '3C': ['england-not-specified', 'England or the UK, address not otherwise specified'],
  '3G': ['wales-not-specified', 'Wales, address not otherwise specified'],
  '1W': ['scotland-not-specified', 'Scotland, address not otherwise specified'],
  '2W': ['northern-ireland-not-specified', 'Northern Ireland, address not otherwise specified'],
};

/** An NHS pseudo-postcode (ZZ99 3VZ no fixed abode, ZZ99 3WZ not known, ZZ99 3CZ England, ZZ99 xxZ a country overseas), which names no place; undefined for anything else. */
export function pseudoPostcodeOf(text: string): PseudoPostcode | undefined {
  const compact = compactPostcode(text);
  const code = PSEUDO.exec(compact)?.[1];
  if (!code) return undefined;
  const [meaning, description] = PSEUDO_MEANINGS[code] ?? ['overseas', 'usual address outside the UK'];
  return { postcode: `ZZ99 ${compact.slice(4)}`, meaning, description };
}

export type PostcodeQuery =
  | { kind: 'postcode'; postcode: string; district: string; sector: string }
  | { kind: 'district'; district: string }
  | { kind: 'invalid'; message: string };

/** Reads what someone typed as a full postcode or, for public searches, a district; says plainly what is wrong otherwise. */
export function parsePostcodeQuery(text: string): PostcodeQuery {
  const compact = compactPostcode(text);
  if (!compact) return { kind: 'invalid', message: 'Enter a postcode' };
  const pseudo = pseudoPostcodeOf(compact);
  if (pseudo)
    return {
      kind: 'invalid',
      message: `${pseudo.postcode} is the NHS code for ${pseudo.description}, not a place. Enter a real postcode, like LS1 4AP, or the first part of one, like LS1`,
    };
  const postcode = normalisePostcode(compact);
  if (postcode) {
    const [district, inward] = postcode.split(' ') as [string, string];
    return { kind: 'postcode', postcode, district, sector: `${district} ${inward[0]}` };
  }
  if (isOutwardCode(compact)) return { kind: 'district', district: compact };
  return { kind: 'invalid', message: 'Enter a real postcode, like LS1 4AP, or the first part of one, like LS1' };
}
