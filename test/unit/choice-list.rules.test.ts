import { describe, expect, it } from 'vitest';
import { indicativeWait, median, waitToFirstAppointment } from '../../src/domains/provider-quality/waits.rules.ts';
import { createHash } from 'node:crypto';
import { acceptBy, choiceListContentHash, nearestSite, orderChoiceList } from '../../src/domains/referrals/choice-list.rules.ts';

/** Every entry accepts in a day (and the slowest to see patients accepts fastest), so only the wait to first appointment can decide the order. */
const entry = (providerName: string, distanceKm: number, workingDays: number | null, siteName = 'Main clinic') => ({
  providerName,
  siteName,
  distanceKm,
  wait: { workingDays: workingDays === 12 ? 0 : 1, basedOn: 5 },
  firstAppointmentWait: { workingDays, basedOn: workingDays === null ? 0 : 5 },
});

describe('choice list order', () => {
  const entries = [
    entry('Calder Hearing', 5.2, 12),
    entry('Aire Hearing', 1.1, null),
    entry('Brontë Audiology', 5.2, 3),
    entry('Dales Hearing', 9.9, 3),
  ];

  it('puts the nearest provider first by default, breaking equal distances by name', () => {
    expect(orderChoiceList(entries, 'distance').map((e) => e.providerName)).toEqual([
      'Aire Hearing',
      'Brontë Audiology',
      'Calder Hearing',
      'Dales Hearing',
    ]);
  });

  it('puts the shortest wait to first appointment first on request (not the quickest to accept), ties by name, and providers with no wait yet last', () => {
    expect(orderChoiceList(entries, 'wait').map((e) => e.providerName)).toEqual([
      'Brontë Audiology',
      'Dales Hearing',
      'Calder Hearing',
      'Aire Hearing',
    ]);
  });

  it('orders providers that have no wait by name among themselves', () => {
    expect(orderChoiceList([entry('Zeta', 1, null), entry('Alpha', 9, null)], 'wait').map((e) => e.providerName)).toEqual([
      'Alpha',
      'Zeta',
    ]);
  });

  it('does not change the list it is given', () => {
    const copy = [...entries];
    orderChoiceList(entries, 'wait');
    expect(entries).toEqual(copy);
  });
});

describe('indicative wait', () => {
  const today = '2027-03-01';
  const accepted = (pairs: [string, string][]) => pairs.map(([sentOn, acceptedOn]) => ({ sentOn, acceptedOn }));

  it('is the median of working days from sent to accepted, skipping weekends and bank holidays', () => {
    // Thu 2026-12-24 → Tue 2026-12-29 spans Christmas Day and the substitute Boxing Day (28th): 1 working day (the 29th).
    const wait = indicativeWait(
      accepted([
        ['2026-12-24', '2026-12-29'],
        ['2027-02-01', '2027-02-03'],
        ['2027-02-05', '2027-02-08'],
        ['2027-02-08', '2027-02-15'],
        ['2027-02-15', '2027-02-19'],
      ]),
      today,
    );
    expect(wait).toEqual({ workingDays: 2, basedOn: 5 });
  });

  it('says nothing with fewer than five referrals accepted in the last 90 days', () => {
    expect(
      indicativeWait(
        accepted([
          ['2027-02-01', '2027-02-03'],
          ['2027-02-01', '2027-02-03'],
          ['2027-02-01', '2027-02-03'],
          ['2027-02-01', '2027-02-03'],
        ]),
        today,
      ),
    ).toEqual({ workingDays: null, basedOn: 4 });
  });

  it('leaves out referrals accepted more than 90 days ago or after today', () => {
    const old = accepted([
      ['2026-11-01', '2026-11-30'],
      ['2026-11-01', '2026-12-01'],
    ]);
    const future = accepted([['2027-03-01', '2027-03-05']]);
    const recent = accepted([
      ['2027-02-01', '2027-02-02'],
      ['2027-02-01', '2027-02-02'],
      ['2027-02-01', '2027-02-02'],
      ['2027-02-01', '2027-02-02'],
      ['2027-02-01', '2027-02-02'],
    ]);
    expect(indicativeWait([...old, ...future, ...recent], today)).toEqual({ workingDays: 1, basedOn: 5 });
    expect(indicativeWait([...old, ...future, ...recent.slice(1)], today)).toEqual({ workingDays: null, basedOn: 4 });
  });

  it('takes the mean of the middle two for an even count, rounded', () => {
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('nearest site and acceptance deadline', () => {
  it('chooses the site nearest the patient and gives its distance in km and miles', () => {
    const halifax = { id: 'a', name: 'Halifax', latitude: 53.72436, longitude: -1.8607 };
    const wakefield = { id: 'b', name: 'Wakefield', latitude: 53.69242, longitude: -1.48856 };
    const nearest = nearestSite({ latitude: 53.70711, longitude: -1.91078 }, [wakefield, halifax])!;
    expect(nearest.site.name).toBe('Halifax');
    expect(nearest.km).toBeCloseTo(3.813, 3);
    expect(nearest.miles).toBeCloseTo(nearest.km / 1.609344, 9);
    expect(nearestSite({ latitude: 53.7, longitude: -1.9 }, [])).toBeUndefined();
  });

  it('counts the deadline in working days after the day of sending, over weekends and bank holidays', () => {
    expect(acceptBy('2027-03-01', 5)).toBe('2027-03-08');
    expect(acceptBy('2026-12-23', 5)).toBe('2027-01-04');
    expect(acceptBy('2027-03-26', 1)).toBe('2027-03-30');
  });
});

describe('wait to first appointment', () => {
  const today = '2027-03-01';
  const seen = (pairs: [string, string][]) => pairs.map(([sentOn, seenOn]) => ({ sentOn, seenOn }));

  it('is the median of working days from sending to the first attended appointment, over patients first seen in the last 90 days', () => {
    const firstSeen = seen([
      ['2027-01-04', '2027-01-18'],
      ['2027-01-04', '2027-01-11'],
      ['2027-02-01', '2027-02-15'],
      ['2027-02-01', '2027-02-22'],
      ['2027-02-08', '2027-02-22'],
      ['2026-09-01', '2026-10-01'],
    ]);
    expect(waitToFirstAppointment(firstSeen, today)).toEqual({ workingDays: 10, basedOn: 5 });
  });

  it('shows no figure while fewer than five patients have been seen, so no patient can be picked out', () => {
    expect(
      waitToFirstAppointment(
        seen([
          ['2027-02-01', '2027-02-15'],
          ['2027-02-01', '2027-02-15'],
          ['2027-02-01', '2027-02-15'],
          ['2027-02-01', '2027-02-15'],
        ]),
        today,
      ),
    ).toEqual({ workingDays: null, basedOn: 4 });
  });
});

describe("a choice list's content hash", () => {
  const entry = {
    rank: 1,
    listingId: '6f0c7c1e-1d8e-4e7b-9a57-0c9d3b5a1f10',
    siteId: '0b9d1f4e-8a2c-4f0e-b1d3-5e6f7a8b9c0d',
    providerOrganisationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    providerName: 'Sowerby Hearing (test) — “quoted” \u2028',
    providerOdsCode: null,
    siteName: 'Sowerby Bridge clinic',
    siteAddress: '1 Wharf Street',
    sitePostcode: 'HX6 2AF',
    deliveryMode: 'clinic',
    distanceKm: 0,
    distanceMiles: -0,
    wait: { workingDays: 3, basedOn: 5 },
    quality: { cqcStatus: 'registered', assuranceVerified: true, contractStart: '2027-01-30', kpis: undefined },
  };
  const withFirstAppointment = { ...entry, rank: 2, firstAppointmentWait: { workingDays: null, basedOn: 0 } };

  it.each([
    ['no entries', []],
    ['an entry without a first-appointment wait and one with', [entry, withFirstAppointment]],
  ])("is the SHA-256 of the whole list's JSON, as every stored list's hash was made: %s", (_what, entries) => {
    const head = {
      referralId: '11111111-2222-4333-8444-555555555555',
      orderedBy: 'wait' as const,
      origin: { kind: 'patient-postcode', postcode: 'HX6 3AB' },
    };
    const whole = createHash('sha256')
      .update(JSON.stringify({ ...head, entries }))
      .digest('base64url');
    expect(choiceListContentHash(head, JSON.stringify(entries))).toBe(whole);
  });
});
