import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { missingRevisions } from '../../src/domains/catalogue/catalogue.seed.ts';
import { PACK_SECTIONS, packFieldErrors } from '../../src/domains/catalogue/implementation-pack.schema.ts';
import { NATIONAL_PACK_REVISIONS, NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';

const SPECIFICATION_SECTIONS = ['populationNeeds', 'scope', 'outcomes', 'serviceDescription', 'applicableStandards'] as const;
const latest = Object.entries(NATIONAL_PACKS);

/** SHA-256 of each version-1 pack (change note and content) as first published: any edit to version 1 changes its hash. */
const VERSION_1_SHA256 = {
  'adult-hearing': 'eefba7d0b08caa21662ac87b24f8e53a8df779a9c2c2aded8a1a1a780a3eeb77',
  'back-and-neck-pain': '4449156e4257f988559503cdca571dde874c54efaea95d548c1a5abe2ea3aa25',
  'psychological-therapies': 'cf11f256ee793514c5102bd27085a50a621848b7fd48047db2379cc78ffb4cd5',
  'non-obstetric-ultrasound': 'c210b6d8d15dabec5a5276832b527252f284fa2aeb043273345f4b63f0298d90',
  mri: '98bccaf94e1f180cd7c01efc644d5fae3935dc9ef4af91755abb6f1ed9466fda',
  continence: 'b80899509d435b2ae135598f7cf67d095626e20b5e9a3f974c54f33826136489',
  'wheelchair-services': 'e1ee5505d6f6e90dfc40af2ce6a67010f5f2e7ee279242166ca0e6cca88fd2f4',
  'leg-ulcer-and-wound-healing': '2fee47a03f60bf1f6006b51a8c3294282dd6c113c9d5d8153c53cd94c5c6ada4',
  podiatry: 'f5750d4fb77f4118c9cc2bd889984686dcdb2e6ba8528b58bb4867dfe10d558b',
};

/** JSON with object keys in sorted order, so the hash depends on the values only. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the national implementation packs', () => {
  it('seeds a pack for each of the nine 2012/13 priority services, every one valid', () => {
    expect(Object.keys(NATIONAL_PACKS).sort()).toEqual([
      'adult-hearing',
      'back-and-neck-pain',
      'continence',
      'leg-ulcer-and-wound-healing',
      'mri',
      'non-obstetric-ultrasound',
      'podiatry',
      'psychological-therapies',
      'wheelchair-services',
    ]);
    for (const [code, pack] of latest) expect({ code, errors: packFieldErrors(pack.content) }).toEqual({ code, errors: [] });
  });

  it('gives every service its own specification: no two packs share the text of any section', () => {
    for (const section of SPECIFICATION_SECTIONS) {
      const texts = latest.map(([, pack]) => pack.content.specification[section]);
      expect({ section, distinct: new Set(texts).size }).toEqual({ section, distinct: texts.length });
    }
    for (const [code, pack] of latest)
      expect({ code, boilerplate: pack.content.specification.serviceDescription.includes('treatment in an episode of care') }).toEqual({
        code,
        boilerplate: false,
      });
  });

  it('cites a source for every section of every pack, naming the publisher, the title and the place in it', () => {
    for (const [code, pack] of latest) {
      const cited = new Set((pack.content.sources ?? []).map((citation) => citation.section));
      expect({ code, uncited: PACK_SECTIONS.filter((section) => !cited.has(section)) }).toEqual({ code, uncited: [] });
      for (const citation of pack.content.sources ?? []) {
        expect(citation).toMatchObject({ publisher: expect.stringMatching(/\S{2}/), title: expect.stringMatching(/\S{3}/) });
        expect(citation.location.length).toBeGreaterThan(3);
      }
    }
  });

  it('cites the original documents readers can look up, keeping our file names only as internal notes', () => {
    for (const citation of latest.flatMap(([, pack]) => pack.content.sources ?? [])) {
      const { internalNote, ...shown } = citation;
      expect(JSON.stringify(shown)).not.toMatch(/shared\/|\.txt|\.md\b|§[A-G]?\d/);
      expect(internalNote).toMatch(/^shared\/context\//);
      if (citation.url) expect(citation.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    }
  });

  it('says so in the citation wherever the source marks a fact unconfirmed', () => {
    const all = latest.flatMap(([, pack]) => pack.content.sources ?? []);
    expect(all.filter((citation) => !citation.confirmed).every((citation) => citation.note?.startsWith('UNCONFIRMED: '))).toBe(true);
    const hearingTariff = NATIONAL_PACKS['adult-hearing']!.content.sources!.filter((citation) => citation.section === 'tariff');
    expect(hearingTariff.map((citation) => citation.confirmed)).toEqual([false]);
  });

  it('describes wheelchair services as assessment, provision, repairs and maintenance and who owns the chair, paid per provision, not by sessions', () => {
    const wheelchairs = NATIONAL_PACKS['wheelchair-services']!.content;
    const pathway = `${wheelchairs.specification.scope} ${wheelchairs.specification.serviceDescription}`;
    for (const words of ['assessment', 'Provision', 'Repairs and maintenance', 'who owns the chairs', 'long-term loan'])
      expect(pathway).toContain(words);
    expect(wheelchairs.currency.unit).toBe('provision');
    expect(wheelchairs.currency.sessionCap).toBeUndefined();
    expect(wheelchairs.complexityBands.map((band) => band.code)).toEqual(['LOW-NEED', 'HIGHER-NEED', 'SPECIALIST-POWERED']);
  });

  it('pays diagnostics per test, hearing per 3-year pathway, and keeps back and neck pain’s 8-session cap', () => {
    expect(NATIONAL_PACKS['non-obstetric-ultrasound']!.content.currency.unit).toBe('test');
    expect(NATIONAL_PACKS.mri!.content.currency.unit).toBe('test');
    expect(NATIONAL_PACKS['adult-hearing']!.content.currency).toMatchObject({ unit: 'pathway', minimumPathwayYears: 3 });
    expect(NATIONAL_PACKS['adult-hearing']!.content.specification.serviceDescription).toMatch(
      /Assessment.*Fitting.*Follow-up.*Aftercare .*at least 3 years/s,
    );
    expect(NATIONAL_PACKS['back-and-neck-pain']!.content.currency).toMatchObject({ unit: 'episode', sessionCap: 8 });
    expect(latest.filter(([, pack]) => pack.content.currency.sessionCap === 6)).toEqual([]);
  });

  it('keeps the demo offers’ price bands, so offers on version 1 and version 2 price the same way', () => {
    for (const code of ['adult-hearing', 'back-and-neck-pain', 'psychological-therapies']) {
      const [first, second] = NATIONAL_PACK_REVISIONS[code]!;
      expect(second!.content.complexityBands.map((band) => band.code)).toEqual(first!.content.complexityBands.map((band) => band.code));
    }
  });

  it('never changes version 1: each first pack hashes exactly as databases already hold it', () => {
    const hashes = Object.fromEntries(
      Object.entries(NATIONAL_PACK_REVISIONS).map(([code, revisions]) => [code, sha256(canonicalJson(revisions[0]))]),
    );
    expect(hashes).toEqual(VERSION_1_SHA256);
    expect(NATIONAL_PACK_REVISIONS['wheelchair-services']![0]!.content.currency.sessionCap).toBe(6);
  });
});

describe('which national pack versions the seed adds', () => {
  const revisions = NATIONAL_PACK_REVISIONS['wheelchair-services']!;
  const published = (...notes: string[]) => notes.map((changeNote, index) => ({ version: index + 1, changeNote })).reverse();

  it('adds every version to a fresh database, in order', () => {
    expect(missingRevisions(revisions, [])).toEqual(revisions);
  });

  it('adds only versions 2 and 3 where version 1 was seeded before', () => {
    expect(revisions).toHaveLength(3);
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote))).toEqual([revisions[1], revisions[2]]);
  });

  it('adds only version 3 (the measured KPIs) where versions 1 and 2 were seeded before', () => {
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote, revisions[1]!.changeNote))).toEqual([revisions[2]]);
  });

  it('adds nothing once every version is there', () => {
    expect(missingRevisions(revisions, published(...revisions.map((revision) => revision.changeNote)))).toEqual([]);
  });

  it('adds nothing after a national admin has published a version of their own', () => {
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote, 'Local repairs standard added.'))).toEqual([]);
  });
});
