/** A patient's postcode as the referral rules see it: a real postcode from the directory or an NHS pseudo-postcode (decision 0026). */
import type { PseudoPostcode } from '../../lib/postcode.ts';
import type { PostcodeRecord } from '../reference/postcode.repo.ts';

/** A patient's postcode: a real one found in the directory, or an NHS pseudo-postcode (no fixed abode, not known, overseas) that names no place (decision 0026). */
export type PatientPostcode = PostcodeRecord | PseudoPostcode;

/** True for an NHS pseudo-postcode, which gives neither a commissioner by residence nor a point to measure distances from. */
export function isPseudoPostcode(postcode: PatientPostcode): postcode is PseudoPostcode {
  return 'meaning' in postcode;
}
