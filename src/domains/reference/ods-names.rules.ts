/** Names people use for NHS organisations: ODS publishes them in capitals ("STATION ROAD SURGERY,") and sub-ICB locations by code ("NHS West Yorkshire ICB - 02T"). */

/** Initialisms kept in capitals wherever they appear. */
const INITIALISMS = new Set([
  'NHS',
  'ICB',
  'CCG',
  'GP',
  'GPS',
  'PCN',
  'UK',
  'CIC',
  'LLP',
  'LTD',
  'PLC',
  'MSK',
  'CAMHS',
  'IAPT',
  'H&J',
  'C&P',
  'SAS',
  'IW&H',
  'CFH&W',
  'MRI',
  'CT',
  'ECG',
  'ENT',
]);
/** Short words written in lower case inside a name ("Calder and Ryburn", "Stoke-on-Trent"). */
const SMALL_WORDS = new Set(['and', 'of', 'the', 'on', 'upon', 'in', 'under', 'by', 'at', 'for', 'with', 'le', 'de']);
const LOWER_PLURAL = new Map([
  ['GPS', 'GPs'],
  ['LTD', 'Ltd'],
]);

function capitalise(word: string): string {
  const lower = word.toLowerCase();
  const mc = /^(ma?c)([a-z]{3,})$/.exec(lower);
  if (mc && mc[1] === 'mc') return `Mc${mc[2]![0]!.toUpperCase()}${mc[2]!.slice(1)}`;
  return lower
    .replace(/(^|['’.])([a-z])/g, (_all, before: string, letter: string) => `${before}${letter.toUpperCase()}`)
    .replace(/(['’])S$/, '$1s');
}

/** One word (letters, apostrophes, full stops; no spaces or hyphens) in title case, keeping initialisms and initials. */
function titleWord(word: string, first: boolean): string {
  const upper = word.toUpperCase();
  if (INITIALISMS.has(upper)) return LOWER_PLURAL.get(upper) ?? upper;
  if (/^[A-Z]$/i.test(word) || /^([A-Z]\.)+[A-Z]?$/i.test(word)) return upper;
  const lower = word.toLowerCase();
  if (!first && SMALL_WORDS.has(lower)) return lower;
  return capitalise(word).replace(/'S\b/g, "'s");
}

/** An ODS name as people write it: title case, initialisms and initials kept, "and"/"of" small, Mc and O' right, no stray commas. */
export function odsNameInTitleCase(name: string): string {
  const tidy = name
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  if (/[a-z]/.test(tidy)) return tidy;
  return tidy
    .split(' ')
    .map((word, index) =>
      word
        .split('-')
        .map((part, partIndex) => {
          const [, lead = '', core = '', trail = ''] = /^([^A-Za-z0-9]*)(.*?)([^A-Za-z0-9.'’]*)$/.exec(part) ?? [];
          return `${lead}${titleWord(core, index === 0 && partIndex === 0)}${trail}`;
        })
        .join('-'),
    )
    .join(' ');
}

export interface CommissionerAreaFacts {
  /** The ODS name, e.g. "NHS West Yorkshire ICB - 02T" or "NHS CALDERDALE CCG". */
  name: string;
  /** The local authority where the location has its office (from the postcode district), when known. */
  localAuthority: string | null;
  /** True when another open location of the same ICB has its office in the same local authority, so that name would not tell them apart. */
  sharesLocalAuthority: boolean;
  /** True when the location is the only open one of its ICB: its area is the ICB's. */
  onlyLocationOfIcb: boolean;
}

const SUB_ICB_LOCATION = /^NHS (.+?) ICB - [A-Z0-9]{3,5}$/i;
const CCG = /^NHS (.+?) (?:CCG|Clinical Commissioning Group)$/i;
const ICB = /^NHS (.+?) (?:ICB|Integrated Care Board)$/i;
const REPORTING_ENTITY = /^(.+?) - Sub-ICB Reporting Entity$/i;

/**
 * The area a commissioner serves, in the words patients use: "Calderdale" for "NHS West Yorkshire ICB - 02T" (its office's
 * local authority), "West Yorkshire" when that cannot tell it from its neighbours, "Calderdale" for "NHS CALDERDALE CCG".
 */
export function commissionerAreaName(facts: CommissionerAreaFacts): string {
  const name = facts.name.trim();
  const location = SUB_ICB_LOCATION.exec(name);
  if (location) {
    const icbArea = odsNameInTitleCase(location[1]!);
    return facts.localAuthority && !facts.sharesLocalAuthority && !facts.onlyLocationOfIcb ? facts.localAuthority : icbArea;
  }
  const area = CCG.exec(name) ?? ICB.exec(name) ?? REPORTING_ENTITY.exec(name);
  return odsNameInTitleCase(area ? area[1]! : name);
}
