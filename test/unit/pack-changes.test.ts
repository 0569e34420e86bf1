import { describe, expect, it } from 'vitest';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { packChanges, plainPackPath } from '../../src/domains/catalogue/pack-changes.rules.ts';
import { packFormValues, packFromForm } from '../../src/http/web/catalogue/pack-form.ts';

const HEARING = NATIONAL_PACKS['adult-hearing']!.content;

describe('what changes between pack versions, in plain words', () => {
  it('names a JSON path as a person reads it', () => {
    expect(plainPackPath('complexityBands.1.description')).toBe('Complexity band 2: description');
    expect(plainPackPath('protocol.repeatLimit.withinMonths')).toBe('Referral protocol: repeat limit, within (months)');
    expect(plainPackPath('tariff.pricePence')).toBe('Tariff: price');
  });

  it('finds no change in a pack compared with itself, or with its indicators reordered', () => {
    expect(packChanges(HEARING, HEARING)).toEqual([]);
    expect(packChanges(HEARING, { ...HEARING, kpis: [...HEARING.kpis].reverse() })).toEqual([]);
  });

  it('lists a changed price in pounds, an added indicator by its code and a removed exclusion', () => {
    const after = {
      ...HEARING,
      tariff: { kind: 'national' as const, pricePence: 45_000, note: HEARING.tariff.note },
      kpis: [...HEARING.kpis, { code: 'dna-rate', description: 'Did not attend', thresholdPercent: 10 }],
      protocol: { ...HEARING.protocol, exclusions: HEARING.protocol.exclusions.slice(1) },
    };
    const changes = packChanges(HEARING, after);
    expect(changes).toContainEqual({ label: 'Tariff: price', kind: 'added', after: '£450.00' });
    expect(changes).toContainEqual({ label: 'Key performance indicator “dna-rate”: threshold (%)', kind: 'added', after: '10' });
    expect(
      changes
        .filter((change) => change.kind === 'removed')
        .every((change) => change.label.startsWith(`Referral protocol: exclusion “${HEARING.protocol.exclusions[0]!.id}”`)),
    ).toBe(true);
  });

  it('reads the form filled from a pack back as the same pack', () => {
    const { content, errors } = packFromForm(packFormValues(HEARING));
    expect(errors).toEqual([]);
    expect(packChanges(HEARING, content)).toEqual([]);
  });
  it('keeps how each indicator is measured through the form, and names a wrong measure beside its own box', () => {
    const values = packFormValues(HEARING);
    expect(JSON.parse(values['kpi-0-measurement'] as string)).toMatchObject({
      measure: { kind: 'first-seen-within-working-days', workingDays: 16 },
      period: 'quarter',
    });
    const wrongKind = packFromForm({ ...values, 'kpi-0-measurement': '{"measure": {"kind": "seen-soon"}}' });
    expect(wrongKind.errors.map((error) => error.field)).toContain('kpi-0-measurement');
    const notJson = packFromForm({ ...values, 'kpi-1-measurement': 'quarterly' });
    expect(notJson.errors).toEqual([
      { field: 'kpi-1-measurement', message: expect.stringMatching(/^Write how it is measured as a JSON object/) },
    ]);
  });
});
