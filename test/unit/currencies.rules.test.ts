import { describe, expect, it } from 'vitest';
import { type PackContent, packFieldErrors, type PayableCurrency } from '../../src/domains/catalogue/implementation-pack.schema.ts';
import { currenciesOf } from '../../src/domains/catalogue/pack-currencies.rules.ts';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { localPackContent } from '../../src/domains/proposals/local-service.rules.ts';
import { checkNewSchedule, dnaPayableFor, type PriceSchedule } from '../../src/domains/offers/price-schedule.rules.ts';

const hearing = NATIONAL_PACKS['adult-hearing']!.content;

function withCurrencies(currencies: unknown): unknown {
  return { ...structuredClone(hearing), currencies };
}

const currency = (overrides: Partial<PayableCurrency> = {}): PayableCurrency => ({
  code: 'aftercare-visit',
  name: 'Aftercare visit',
  unit: 'session',
  oncePerReferral: false,
  dnaPayable: false,
  description: 'A visit to check and adjust the aids.',
  ...overrides,
});

describe('the currencies a pack pays', () => {
  it('pays hearing as one assessment-and-fitting pathway per referral, then aftercare visits and repairs', () => {
    expect(currenciesOf(hearing).map((c) => [c.code, c.unit, c.oncePerReferral, c.nationalCostCode])).toEqual([
      ['assessment-and-fitting', 'pathway', true, 'AS05'],
      ['aftercare-visit', 'session', false, 'AS11'],
      ['repair', 'item', false, undefined],
    ]);
  });

  it('pays back and neck pain per session up to 8, and talking therapies per session with no cap', () => {
    expect(currenciesOf(NATIONAL_PACKS['back-and-neck-pain']!.content)).toEqual([
      expect.objectContaining({ code: 'session', unit: 'session', sessionCap: 8, oncePerReferral: false }),
    ]);
    const therapies = currenciesOf(NATIONAL_PACKS['psychological-therapies']!.content);
    expect(therapies).toEqual([expect.objectContaining({ code: 'session', unit: 'session', oncePerReferral: false })]);
    expect(therapies[0]!.sessionCap).toBeUndefined();
  });

  it('pays no national pack’s DNAs by default, and uses only the National Cost Collection codes the sources give', () => {
    const all = Object.values(NATIONAL_PACKS).flatMap((pack) => currenciesOf(pack.content));
    expect(all.filter((c) => c.dnaPayable)).toEqual([]);
    expect([...new Set(all.flatMap((c) => (c.nationalCostCode ? [c.nationalCostCode] : [])))].sort()).toEqual([
      'A08A1',
      'AS05',
      'AS11',
      'N25AF',
      'RD01A',
      'RD40Z',
    ]);
  });

  it('derives one currency from an older pack’s single currency, coded by its unit', () => {
    const older: Pick<PackContent, 'currency'> = { currency: { unit: 'episode', sessionCap: 6, description: 'Up to 6 sessions.' } };
    expect(currenciesOf(older)).toEqual([
      {
        code: 'episode',
        name: 'Episode of care',
        unit: 'episode',
        oncePerReferral: true,
        dnaPayable: false,
        sessionCap: 6,
        description: 'Up to 6 sessions.',
      },
    ]);
    expect(currenciesOf({ currency: { unit: 'provision', sessionCap: 6, description: 'A chair.' } })[0]!.sessionCap).toBeUndefined();
  });

  it('refuses repeated codes, an episode without a cap, a cap on a pathway, and a session paid once per referral', () => {
    expect(
      packFieldErrors(
        withCurrencies([
          currency(),
          currency({ name: 'Again' }),
          currency({ code: 'episode', unit: 'episode' }),
          currency({ code: 'AS05', unit: 'pathway', sessionCap: 3, oncePerReferral: true }),
          currency({ code: 'session', oncePerReferral: true }),
        ]),
      ),
    ).toEqual([
      { field: 'currencies.1.code', message: 'Give each currency a different code: aftercare-visit is used twice' },
      { field: 'currencies.2.sessionCap', message: 'An episode currency needs a session cap' },
      { field: 'currencies.3.sessionCap', message: 'Only an episode or session currency has a session cap' },
      { field: 'currencies.4.oncePerReferral', message: 'A session currency is paid per session, not once per referral' },
    ]);
  });

  it('needs at least one currency, a known unit, and a code in kebab case or a National Cost Collection code', () => {
    expect(packFieldErrors(withCurrencies([]))).toEqual([{ field: 'currencies', message: 'needs at least 1' }]);
    expect(packFieldErrors(withCurrencies([currency({ unit: 'visit' as 'session' })]))[0]!.field).toBe('currencies.0.unit');
    expect(packFieldErrors(withCurrencies([currency({ code: 'Aftercare Visit' })]))[0]!.field).toBe('currencies.0.code');
    expect(packFieldErrors(withCurrencies([currency({ code: 'AS11' })]))).toEqual([]);
  });
});

describe('a local service’s currencies', () => {
  const input = {
    specification: hearing.specification,
    currency: { unit: 'test' as const, description: 'Per spirometry test.' },
    complexityBands: [{ code: 'STANDARD', description: 'Every patient' }],
  };

  it('defines its own currencies through the same pack schema, and keeps them when a later version leaves them out', () => {
    const currencies = [currency({ code: 'spirometry', unit: 'test', oncePerReferral: true, dnaPayable: true })];
    const first = localPackContent({ ...input, currencies }) as PackContent;
    expect(packFieldErrors(first)).toEqual([]);
    expect(currenciesOf(first)).toEqual(currencies);
    expect((localPackContent(input, first) as PackContent).currencies).toEqual(currencies);
    expect(packFieldErrors(localPackContent({ ...input, currencies: [currency({ unit: 'episode' })] }))).toEqual([
      { field: 'currencies.0.sessionCap', message: 'An episode currency needs a session cap' },
    ]);
  });
});

describe('price schedules per currency and complexity band', () => {
  const currencies = [
    { code: 'assessment-and-fitting', name: 'Assessment and fitting', dnaPayable: false },
    { code: 'aftercare-visit', name: 'Aftercare visit', dnaPayable: false },
  ];
  const context = { status: 'draft', today: '2027-01-01', bands: ['MONAURAL', 'BINAURAL'], currencies };
  const refusal = (schedule: PriceSchedule) => {
    try {
      checkNewSchedule([], schedule, context);
      return [];
    } catch (error) {
      return (error as { details: { fieldErrors: unknown[] } }).details.fieldErrors;
    }
  };
  const price = (currencyCode: string | undefined, complexityBand: string, pricePence = 100) => ({
    ...(currencyCode ? { currencyCode } : {}),
    complexityBand,
    pricePence,
  });

  it('accepts a price for every band of every currency, and treats prices without a currency as the first currency’s', () => {
    expect(
      refusal({
        effectiveFrom: '2027-04-01',
        prices: [
          price(undefined, 'MONAURAL'),
          price(undefined, 'BINAURAL'),
          price('aftercare-visit', 'MONAURAL'),
          price('aftercare-visit', 'BINAURAL'),
        ],
      }),
    ).toEqual([]);
  });

  it('lets an offer leave a later currency unpriced, bundling it into the first currency’s price', () => {
    expect(refusal({ effectiveFrom: '2027-04-01', prices: [price(undefined, 'MONAURAL'), price(undefined, 'BINAURAL')] })).toEqual([]);
  });

  it('names the field of a missing, repeated or unknown currency or band', () => {
    expect(
      refusal({
        effectiveFrom: '2027-04-01',
        prices: [
          price('assessment-and-fitting', 'MONAURAL'),
          price('aftercare-visit', 'MONAURAL'),
          price('aftercare-visit', 'MONAURAL', 200),
          price('repair', 'MONAURAL'),
          price('aftercare-visit', 'TRIAURAL'),
        ],
      }),
    ).toEqual([
      { field: 'price-BINAURAL', message: 'Enter the price for the BINAURAL band' },
      { field: 'price-aftercare-visit-MONAURAL', message: 'Enter one aftercare visit price for the MONAURAL band' },
      { field: 'price-aftercare-visit-BINAURAL', message: 'Enter the aftercare visit price for the BINAURAL band' },
      {
        field: 'price-repair-MONAURAL',
        message: 'repair is not a currency of this offer’s implementation pack (assessment-and-fitting, aftercare-visit)',
      },
      { field: 'price-aftercare-visit-TRIAURAL', message: expect.stringContaining('TRIAURAL is not a complexity band') },
    ]);
  });

  it('refuses a DNA term for an unknown or repeated currency', () => {
    const prices = [price(undefined, 'MONAURAL'), price(undefined, 'BINAURAL')];
    expect(
      refusal({
        effectiveFrom: '2027-04-01',
        prices,
        dnaPayable: [
          { currencyCode: 'repair', payable: true },
          { currencyCode: 'aftercare-visit', payable: true },
          { currencyCode: 'aftercare-visit', payable: false },
        ],
      }),
    ).toEqual([
      {
        field: 'dna-repair',
        message: 'repair is not a currency of this offer’s implementation pack (assessment-and-fitting, aftercare-visit)',
      },
      { field: 'dna-aftercare-visit', message: 'Say once whether a missed aftercare visit is paid' },
    ]);
  });

  it('pays a DNA as the schedule says, else as the pack says', () => {
    const schedule: PriceSchedule = {
      effectiveFrom: '2027-04-01',
      prices: [],
      dnaPayable: [{ currencyCode: 'aftercare-visit', payable: true }],
    };
    expect(dnaPayableFor(schedule, currencies[1]!)).toBe(true);
    expect(dnaPayableFor(schedule, currencies[0]!)).toBe(false);
    expect(dnaPayableFor(schedule, { ...currencies[0]!, dnaPayable: true })).toBe(true);
  });
});
