import { describe, expect, it } from 'vitest';
import { missingRevisions } from '../../src/domains/catalogue/catalogue.seed.ts';
import { PACK_SECTIONS, packFieldErrors } from '../../src/domains/catalogue/implementation-pack.schema.ts';
import { NATIONAL_PACK_REVISIONS, NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { FIRST_NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs-v1.seed.ts';

const SPECIFICATION_SECTIONS = ['populationNeeds', 'scope', 'outcomes', 'serviceDescription', 'applicableStandards'] as const;
const latest = Object.entries(NATIONAL_PACKS);

describe('the national implementation packs', () => {
  it('seeds a pack for each of the nine 2012/13 priority services, every one valid', () => {
    expect(Object.keys(NATIONAL_PACKS).sort()).toEqual(['adult-hearing', 'back-and-neck-pain', 'continence', 'leg-ulcer-and-wound-healing', 'mri', 'non-obstetric-ultrasound', 'podiatry', 'psychological-therapies', 'wheelchair-services']);
    for (const [code, pack] of latest) expect({ code, errors: packFieldErrors(pack.content) }).toEqual({ code, errors: [] });
  });

  it('gives every service its own specification: no two packs share the text of any section', () => {
    for (const section of SPECIFICATION_SECTIONS) {
      const texts = latest.map(([, pack]) => pack.content.specification[section]);
      expect({ section, distinct: new Set(texts).size }).toEqual({ section, distinct: texts.length });
    }
    for (const [code, pack] of latest) expect({ code, boilerplate: pack.content.specification.serviceDescription.includes('treatment in an episode of care') }).toEqual({ code, boilerplate: false });
  });

  it('cites a source for every section of every pack, naming the document and the place in it', () => {
    for (const [code, pack] of latest) {
      const cited = new Set((pack.content.sources ?? []).map((citation) => citation.section));
      expect({ code, uncited: PACK_SECTIONS.filter((section) => !cited.has(section)) }).toEqual({ code, uncited: [] });
      for (const citation of pack.content.sources ?? []) {
        expect(citation.document).toMatch(/^shared\/context\/(aqp-domain-brief\.md|payments-quality-standards-brief\.md|seeds\/\d{3}_[0-9a-f]{16}\.txt)/);
        expect(citation.location.length).toBeGreaterThan(3);
      }
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
    for (const words of ['assessment', 'Provision', 'Repairs and maintenance', 'who owns the chairs', 'long-term loan']) expect(pathway).toContain(words);
    expect(wheelchairs.currency.unit).toBe('provision');
    expect(wheelchairs.currency.sessionCap).toBeUndefined();
    expect(wheelchairs.complexityBands.map((band) => band.code)).toEqual(['LOW-NEED', 'HIGHER-NEED', 'SPECIALIST-POWERED']);
  });

  it('pays diagnostics per test, hearing per 3-year pathway, and keeps back and neck pain’s 8-session cap', () => {
    expect(NATIONAL_PACKS['non-obstetric-ultrasound']!.content.currency.unit).toBe('test');
    expect(NATIONAL_PACKS.mri!.content.currency.unit).toBe('test');
    expect(NATIONAL_PACKS['adult-hearing']!.content.currency).toMatchObject({ unit: 'pathway', minimumPathwayYears: 3 });
    expect(NATIONAL_PACKS['adult-hearing']!.content.specification.serviceDescription).toMatch(/Assessment.*Fitting.*Follow-up.*Aftercare .*at least 3 years/s);
    expect(NATIONAL_PACKS['back-and-neck-pain']!.content.currency).toMatchObject({ unit: 'episode', sessionCap: 8 });
    expect(latest.filter(([, pack]) => pack.content.currency.sessionCap === 6)).toEqual([]);
  });

  it('keeps the demo offers’ price bands, so offers on version 1 and version 2 price the same way', () => {
    for (const code of ['adult-hearing', 'back-and-neck-pain', 'psychological-therapies']) {
      const [first, second] = NATIONAL_PACK_REVISIONS[code]!;
      expect(second!.content.complexityBands.map((band) => band.code)).toEqual(first!.content.complexityBands.map((band) => band.code));
    }
  });

  it('never changes version 1: it is the first pack, as databases already hold it', () => {
    for (const [code, revisions] of Object.entries(NATIONAL_PACK_REVISIONS)) expect(revisions[0]).toBe(FIRST_NATIONAL_PACKS[code]);
    expect(NATIONAL_PACK_REVISIONS['wheelchair-services']![0]!.content.currency.sessionCap).toBe(6);
  });
});

describe('which national pack versions the seed adds', () => {
  const revisions = NATIONAL_PACK_REVISIONS['wheelchair-services']!;
  const published = (...notes: string[]) => notes.map((changeNote, index) => ({ version: index + 1, changeNote })).reverse();

  it('adds every version to a fresh database, in order', () => {
    expect(missingRevisions(revisions, [])).toEqual(revisions);
  });

  it('adds only version 2 where version 1 was seeded before', () => {
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote))).toEqual([revisions[1]]);
  });

  it('adds nothing once every version is there', () => {
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote, revisions[1]!.changeNote))).toEqual([]);
  });

  it('adds nothing after a national admin has published a version of their own', () => {
    expect(missingRevisions(revisions, published(revisions[0]!.changeNote, 'Local repairs standard added.'))).toEqual([]);
  });
});
