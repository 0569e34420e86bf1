import { describe, expect, it } from 'vitest';
import { NATIONAL_PACK_REVISIONS, NATIONAL_PACKS } from '../../../src/domains/catalogue/national-packs.seed.ts';
import { kpiDefinitionOf, offerKpiDefinitions } from '../../../src/domains/provider-quality/kpi-definition.rules.ts';

const latestKpis = (service: string) => NATIONAL_PACKS[service]!.content.kpis;
const none = new Map<string, number>();

describe('the KPI definitions an offer is measured by', () => {
  it('measures hearing as seen within 16 working days at 95% and two aids at 80%, per quarter, not under 10', () => {
    expect(offerKpiDefinitions(latestKpis('adult-hearing'), [], none)).toEqual([
      {
        code: 'seen-within-16-working-days',
        name: 'Seen within 16 working days of referral',
        measure: { kind: 'first-seen-within-working-days', workingDays: 16 },
        thresholdPercent: 95,
        direction: 'at-least',
        period: 'quarter',
        minimumCount: 10,
      },
      expect.objectContaining({ code: 'bilateral-fittings', measure: { kind: 'two-aids-fitted' }, thresholdPercent: 80 }),
    ]);
  });

  it('seeds talking therapies, ultrasound and podiatry from their sources', () => {
    const measures = (service: string) =>
      offerKpiDefinitions(latestKpis(service), [], none).map((kpi) => [kpi.code, kpi.thresholdPercent, kpi.measure]);
    expect(measures('psychological-therapies')).toEqual([
      ['recovery-rate', 50, { kind: 'recovery-rate' }],
      ['first-treatment-within-6-weeks', 75, { kind: 'treatment-started-within-weeks', weeks: 6 }],
      ['first-treatment-within-18-weeks', 95, { kind: 'treatment-started-within-weeks', weeks: 18 }],
    ]);
    expect(measures('non-obstetric-ultrasound')).toEqual([
      ['scanned-within-10-working-days', 80, { kind: 'first-seen-within-working-days', workingDays: 10 }],
      ['scanned-within-20-working-days', 100, { kind: 'first-seen-within-working-days', workingDays: 20 }],
      ['report-within-2-working-days', 80, { kind: 'reported-within-working-days', workingDays: 2 }],
      ['report-within-5-working-days', 100, { kind: 'reported-within-working-days', workingDays: 5 }],
    ]);
    expect(measures('podiatry')).toEqual([
      ['routine-within-4-weeks', 95, { kind: 'first-seen-within-weeks', weeks: 4, priority: 'routine' }],
      ['urgent-within-2-weeks', 95, { kind: 'first-seen-within-weeks', weeks: 2, priority: 'urgent' }],
      ['did-not-attend-rate', 10, { kind: 'did-not-attend-rate' }],
    ]);
    expect(offerKpiDefinitions(latestKpis('continence'), [], none)).toEqual([
      expect.objectContaining({ code: 'did-not-attend-rate', direction: 'at-most', thresholdPercent: 10 }),
    ]);
  });

  it('takes the offer’s local threshold in place of the national one, for that KPI only', () => {
    const local = new Map([['seen-within-16-working-days', 90]]);
    expect(offerKpiDefinitions(latestKpis('adult-hearing'), [], local).map((kpi) => kpi.thresholdPercent)).toEqual([90, 80]);
  });

  it('measures an offer still on an older pack as the latest national pack measures the same code, keeping its own threshold', () => {
    const older = NATIONAL_PACK_REVISIONS['adult-hearing']![2]!.content.kpis;
    expect(older[0]!.measure).toBeUndefined();
    const changed = [
      { ...older[0]!, thresholdPercent: 85 },
      { ...older[1]!, code: 'local-only' },
    ];
    expect(offerKpiDefinitions(changed, latestKpis('adult-hearing'), none)).toEqual([
      expect.objectContaining({ code: 'seen-within-16-working-days', thresholdPercent: 85, period: 'quarter' }),
    ]);
  });

  it('does not measure a KPI that says nothing of how it is measured', () => {
    expect(kpiDefinitionOf({ code: 'local', description: 'Set locally', thresholdPercent: 50 })).toBeNull();
  });
});
