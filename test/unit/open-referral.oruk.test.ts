import { describe, expect, it } from 'vitest';
import { addressOf, schedulesOf } from '../../src/domains/open-referral/location.oruk.ts';
import { organizationUuid, serviceUuid } from '../../src/domains/open-referral/oruk-ids.rules.ts';
import { orukPage } from '../../src/domains/open-referral/oruk-page.rules.ts';
import { readOrukQuery } from '../../src/domains/open-referral/oruk-query.rules.ts';
import { organizationIdentifiersOf, webAddress } from '../../src/domains/open-referral/organization.oruk.ts';
import type { OrukProvider, OrukSite } from '../../src/domains/open-referral/open-referral.repo.ts';
import { isUuid, uuidV5 } from '../../src/lib/uuid-v5.ts';

const site = (overrides: Partial<OrukSite> = {}): OrukSite => ({
  listingId: 'l1',
  id: 's1',
  name: 'Halifax clinic',
  siteCode: null,
  address: '12 Commercial Street, Halifax',
  postcode: 'HX1 1UJ',
  latitude: 53.72,
  longitude: -1.86,
  deliveryMode: 'clinic',
  accessibility: '',
  openingTimes: [],
  provider: { id: 'p1', odsCode: 'DEMO1' },
  ...overrides,
});

const provider: OrukProvider = {
  id: '0b7c8d3e-0000-4000-8000-000000000001',
  odsCode: 'DEMO1',
  name: 'Pennine Hearing Care',
  description: '',
  website: null,
  email: null,
  companiesHouseNumber: '07654321',
  charityNumber: null,
};

describe('name-based UUIDs', () => {
  it('gives the RFC 9562 example: www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives an organization id from the ODS code alone, so a rebuilt database gives the same id', () => {
    const before = organizationUuid({ id: 'a-row-id', odsCode: 'DEMO1' });
    expect(organizationUuid({ id: 'another-row-id', odsCode: 'demo1' })).toBe(before);
    expect(isUuid(before)).toBe(true);
  });

  it('gives each provider on each offer its own service id', () => {
    const ids = new Set([
      serviceUuid({ offerReference: 'AQP-00001', provider: { id: 'x', odsCode: 'DEMO1' } }),
      serviceUuid({ offerReference: 'AQP-00002', provider: { id: 'x', odsCode: 'DEMO1' } }),
      serviceUuid({ offerReference: 'AQP-00001', provider: { id: 'x', odsCode: 'DEMO2' } }),
    ]);
    expect(ids.size).toBe(3);
  });
});

describe('the feed’s query parameters', () => {
  it('defaults to the first page of 50', () => {
    expect(readOrukQuery({}, 'services')).toMatchObject({ page: 1, perPage: 50 });
  });

  it('reads proximity in metres with a postcode', () => {
    expect(readOrukQuery({ postcode: 'HX1 1PW', proximity: '2500' }, 'service_at_locations')).toMatchObject({ proximity: 2500 });
  });

  it('refuses every bad parameter at once, naming each', () => {
    let fields: string[] = [];
    try {
      readOrukQuery({ page: '0', per_page: 'lots', day: 'monday', postcode: 'HX1 1PW' }, 'services');
    } catch (error) {
      fields = (error as { details: { fieldErrors: { field: string }[] } }).details.fieldErrors.map((entry) => entry.field);
    }
    expect(fields.sort()).toEqual(['day', 'page', 'per_page', 'postcode']);
  });

  it('refuses a proximity without a postcode to measure it from', () => {
    expect(() => readOrukQuery({ proximity: '1000' }, 'service_at_locations')).toThrow(/give postcode too/);
  });
});

describe('the paging envelope', () => {
  it('counts pages and marks the first and last', () => {
    expect(orukPage(['a'], 3, 2, 2)).toEqual({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
      contents: ['a'],
    });
  });
});

describe('locations and organizations', () => {
  it('splits an address into its first line and town, with England and GB', () => {
    expect(addressOf(site())).toMatchObject({
      address_1: '12 Commercial Street',
      city: 'Halifax',
      state_province: 'England',
      country: 'GB',
    });
  });

  it('keeps a one-part address as the first line, and the site name when there is none', () => {
    expect(addressOf(site({ address: 'Unit 4' }))).toMatchObject({ address_1: 'Unit 4', city: '' });
    expect(addressOf(site({ address: null }))).toMatchObject({ address_1: 'Halifax clinic' });
  });

  it('groups days with the same hours into one weekly schedule, in week order', () => {
    const schedules = schedulesOf(
      [
        { day: 'friday', opens: '09:00', closes: '17:00' },
        { day: 'monday', opens: '09:00', closes: '17:00' },
        { day: 'saturday', opens: '10:00', closes: '12:00' },
      ],
      'service',
      'sal',
    );
    expect(schedules.map((schedule) => [schedule.byday, schedule.opens_at, schedule.closes_at])).toEqual([
      ['MO,FR', '09:00:00', '17:00:00'],
      ['SA', '10:00:00', '12:00:00'],
    ]);
  });

  it('publishes a website only as an absolute web address', () => {
    expect(webAddress('www.pennine.example')).toBe('https://www.pennine.example/');
    expect(webAddress('not a site')).toBeUndefined();
  });

  it('names the ODS code and Companies House number as identifiers', () => {
    expect(organizationIdentifiersOf(provider).map((identifier) => [identifier.identifier_scheme, identifier.identifier])).toEqual([
      ['ODS', 'DEMO1'],
      ['GB-COH', '07654321'],
    ]);
  });
});
