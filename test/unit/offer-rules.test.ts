import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTransition, nextStatuses, OFFER_STATUSES } from '../../src/domains/offers/offer-status.rules.ts';
import { checkNewSchedule, financialYearOf, scheduleChangeRefusal, scheduleOn } from '../../src/domains/offers/price-schedule.rules.ts';
import { amendmentsFrom, localSpecification } from '../../src/domains/offers/specification-amendments.rules.ts';
import { wordDiff } from '../../src/lib/word-diff.ts';

const schedule = (effectiveFrom: string, pricePence = 45_000) => ({ effectiveFrom, prices: [{ complexityBand: 'STANDARD', pricePence }] });
const isoDate = fc
  .date({ min: new Date('2012-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('price schedules', () => {
  it('puts 31 March in the financial year that began the April before, and 1 April in the new one', () => {
    expect(financialYearOf('2027-03-31')).toBe(2026);
    expect(financialYearOf('2027-04-01')).toBe(2027);
  });

  it('refuses a second change in the same financial year and accepts one in the next', () => {
    const context = { status: 'published', today: '2027-06-01' };
    expect(scheduleChangeRefusal([schedule('2027-04-01')], schedule('2028-03-31'), context)?.message).toContain(
      'a new schedule can take effect from 2028-04-01',
    );
    expect(scheduleChangeRefusal([schedule('2027-04-01')], schedule('2028-04-01'), context)).toBeUndefined();
  });

  it('never lets a published offer backdate its prices, but lets a draft replace its schedule freely', () => {
    expect(
      scheduleChangeRefusal([schedule('2020-04-01')], schedule('2027-05-01'), { status: 'published', today: '2027-06-01' })?.message,
    ).toContain('cannot be backdated');
    expect(
      scheduleChangeRefusal([schedule('2027-04-01')], schedule('2027-05-01'), { status: 'draft', today: '2027-06-01' }),
    ).toBeUndefined();
  });

  it('accepts a published offer’s new schedule exactly when it starts in a later financial year and not in the past', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (latest, proposed, today) => {
        const refused = scheduleChangeRefusal([schedule(latest)], schedule(proposed), { status: 'published', today }) !== undefined;
        expect(refused).toBe(proposed < today || financialYearOf(proposed) <= financialYearOf(latest));
      }),
    );
  });

  it('finds the schedule in force on any date: the latest that had taken effect', () => {
    const schedules = [schedule('2027-04-01', 1), schedule('2028-04-01', 2)];
    expect(scheduleOn(schedules, '2027-03-31')).toBeUndefined();
    expect(scheduleOn(schedules, '2028-03-31')?.prices[0]?.pricePence).toBe(1);
    expect(scheduleOn(schedules, '2031-01-01')?.prices[0]?.pricePence).toBe(2);
  });

  it('needs exactly one positive price for every band of the pack, and no others', () => {
    const attempt = () =>
      checkNewSchedule(
        [],
        {
          effectiveFrom: '2027-04-01',
          prices: [
            { complexityBand: 'MONAURAL', pricePence: 0 },
            { complexityBand: 'TRIAURAL', pricePence: 1 },
          ],
        },
        { status: 'draft', today: '2027-01-01', bands: ['MONAURAL', 'BINAURAL'] },
      );
    expect(attempt).toThrow(
      expect.objectContaining({
        details: {
          fieldErrors: [
            { field: 'price-MONAURAL', message: 'The price for the MONAURAL band must be more than £0' },
            { field: 'price-BINAURAL', message: 'Enter the price for the BINAURAL band' },
            { field: 'price-TRIAURAL', message: expect.stringContaining('TRIAURAL is not a complexity band') },
          ],
        },
      }),
    );
  });
});

describe('the offer lifecycle', () => {
  it('allows draft → published → open → closed → open, and withdrawal from any status but withdrawn', () => {
    expect(() => assertTransition('draft', 'published')).not.toThrow();
    expect(() => assertTransition('closed', 'open')).not.toThrow();
    expect(() => assertTransition('draft', 'open')).toThrow(
      'An offer that is draft cannot become open for applications; it can become published or withdrawn',
    );
    for (const status of OFFER_STATUSES) expect(nextStatuses(status).includes('withdrawn')).toBe(status !== 'withdrawn');
    expect(nextStatuses('withdrawn')).toEqual([]);
  });
});

describe('local amendments to a specification', () => {
  const pack = {
    populationNeeds: 'Need.',
    scope: 'Adults 55 and over.',
    outcomes: 'Better hearing.',
    serviceDescription: 'Fit aids.',
    applicableStandards: 'NHS Standard Contract.',
  };

  it('keeps only sections that differ from the pack, each with its reason', () => {
    const kept = amendmentsFrom(pack, [
      { section: 'scope', text: 'Adults 50 and over.', reason: 'Local audit shows need from 50.' },
      { section: 'outcomes', text: 'Better hearing.', reason: '' },
    ]);
    expect(kept).toEqual([{ section: 'scope', text: 'Adults 50 and over.', reason: 'Local audit shows need from 50.' }]);
    expect(localSpecification(pack, kept).scope).toBe('Adults 50 and over.');
    expect(localSpecification(pack, kept).outcomes).toBe('Better hearing.');
  });

  it('refuses an amendment without a reason', () => {
    expect(() => amendmentsFrom(pack, [{ section: 'scope', text: 'Adults 50 and over.', reason: ' ' }])).toThrow(
      expect.objectContaining({
        details: { fieldErrors: [{ field: 'scope-reason', message: 'Say why scope differs from the national pack' }] },
      }),
    );
  });

  it('shows what was inserted and deleted, word by word, and rebuilds both texts', () => {
    expect(wordDiff('Adults 55 and over.', 'Adults 50 and over.')).toEqual([
      { kind: 'same', text: 'Adults ' },
      { kind: 'deleted', text: '55' },
      { kind: 'inserted', text: '50' },
      { kind: 'same', text: ' and over.' },
    ]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = wordDiff(a, b);
        expect(
          parts
            .filter((p) => p.kind !== 'inserted')
            .map((p) => p.text)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.kind !== 'deleted')
            .map((p) => p.text)
            .join(''),
        ).toBe(b);
      }),
    );
  });
});
