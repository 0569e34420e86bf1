/** Turns what a person typed into a place: a full postcode's coordinates, or a district's centre for public searches. */
import { DomainError } from '../../lib/errors.ts';
import { parsePostcodeQuery } from '../../lib/postcode.ts';
import type { Deps } from '../deps.ts';
import { countPostcodes, findDistrict, findPostcode, type PostcodeRecord } from './postcode.repo.ts';

export interface Place {
  kind: 'postcode' | 'district';
  /** The standard form: "LS1 4AP", or "LS1" for a district. */
  label: string;
  latitude: number;
  longitude: number;
  postcode?: PostcodeRecord;
}

const IMPORT_HINT = 'Postcodes have not been imported yet. A platform administrator can load them with: npx aqp import postcodes';

/** A live full postcode; refuses malformed, unknown and terminated ones with a clear message. */
export async function lookupPostcode(deps: Deps, text: string): Promise<PostcodeRecord> {
  const query = parsePostcodeQuery(text);
  if (query.kind !== 'postcode') {
    throw new DomainError('validation-failed', 'Enter a full postcode, like LS1 4AP', {
      fieldErrors: [{ field: 'postcode', message: 'Enter a full postcode, like LS1 4AP' }],
    });
  }
  const record = await findPostcode(deps.db, query.postcode);
  if (!record) {
    const hint = (await countPostcodes(deps.db)) === 0 ? ` ${IMPORT_HINT}` : '';
    throw new DomainError('postcode-unknown', `We cannot find the postcode ${query.postcode}. Check it and try again.${hint}`, {
      postcode: query.postcode,
    });
  }
  if (record.terminatedOn) {
    throw new DomainError(
      'postcode-terminated',
      `The postcode ${record.postcode} is no longer in use (closed ${record.terminatedOn}). Use the current postcode.`,
      { postcode: record.postcode },
    );
  }
  return record;
}

/** A full postcode or a district (e.g. "LS1"), for public searches where a partial postcode is enough. */
export async function lookupPlace(deps: Deps, text: string): Promise<Place> {
  const query = parsePostcodeQuery(text);
  if (query.kind === 'invalid') {
    throw new DomainError('validation-failed', query.message, { fieldErrors: [{ field: 'postcode', message: query.message }] });
  }
  if (query.kind === 'postcode') {
    const postcode = await lookupPostcode(deps, text);
    return { kind: 'postcode', label: postcode.postcode, latitude: postcode.latitude, longitude: postcode.longitude, postcode };
  }
  const district = await findDistrict(deps.db, query.district);
  if (!district)
    throw new DomainError('postcode-unknown', `We cannot find the postcode area ${query.district}. Check it, or enter a full postcode.`, {
      postcode: query.district,
    });
  return { kind: 'district', label: district.district, latitude: district.latitude, longitude: district.longitude };
}
