import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationUuid, organizationUuid, serviceUuid, taxonomyTermUuid } from '../../src/domains/open-referral/oruk-ids.rules.ts';
import { offerReference } from '../../src/domains/offers/offer.repo.ts';
import { inCommissionerArea } from '../support/directory-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { anOffer } from '../support/offer-rows.ts';
import { type OrukSchema, orukErrors, orukValidators } from '../support/oruk-schemas.ts';
import { aListingIn, aProviderWithSites, placePostcodes } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';

describe('the Open Referral UK feed', () => {
  let t: TestApp;
  let validator: ReturnType<typeof orukValidators>;
  let hearingReference: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  /** Fetches a feed address and checks the answer against the profile: the page envelope and each item, or the whole object. */
  const valid = async (url: string, schema: OrukSchema, paged = true) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const body = response.json();
    if (!paged) {
      expect(orukErrors(validator(schema), body)).toEqual([]);
      return body;
    }
    expect(orukErrors(validator('page'), body)).toEqual([]);
    for (const item of body.contents) expect(orukErrors(validator(schema), item)).toEqual([]);
    return body;
  };

  beforeAll(async () => {
    validator = orukValidators();
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB', 'HX1 1PW', 'HX3 6BP']);
    const hearing = await anOffer(t.deps.db).forService('adult-hearing').coveringOds('02T').withStatus('open').withPackProtocol().insert();
    const number = await t.deps.db.selectFrom('offers').select('number').where('id', '=', hearing.id).executeTakeFirstOrThrow();
    hearingReference = offerReference(number.number);
    await aProviderWithSites(t.deps, {
      odsCode: 'TST41',
      name: 'Ripponden Hearing (test)',
      sites: [
        { name: 'Ripponden clinic', postcode: 'HX6 3AB' },
        { name: 'Huddersfield clinic', postcode: 'HD1 1JF' },
      ],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST42',
      name: 'Halifax Audiology (test)',
      sites: [{ name: 'Halifax clinic', postcode: 'HX3 6BP' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST43',
      name: 'Suspended Hearing (test)',
      sites: [{ name: 'Suspended clinic', postcode: 'HX1 1PW' }],
    });
    await aListingIn(t.deps, hearing.id, 'TST41', 'live', TODAY);
    await aListingIn(t.deps, hearing.id, 'TST42', 'live', TODAY);
    await aListingIn(t.deps, hearing.id, 'TST43', 'suspended', TODAY);
    await t.deps.db
      .updateTable('sites')
      .set({
        address: '1 Market Street, Halifax',
        accessibility: 'Step-free entrance and a hearing loop.',
        opening_times: JSON.stringify([
          { day: 'monday', opens: '09:00', closes: '17:00' },
          { day: 'tuesday', opens: '09:00', closes: '17:00' },
          { day: 'saturday', opens: '09:00', closes: '12:30' },
        ]),
      })
      .where('name', '=', 'Halifax clinic')
      .execute();
  });
  afterAll(() => t.close());

  it('answers GET / with the HSDS-UK-3.0 version the ORUK validator reads, publicly cacheable and readable from any origin', async () => {
    const about = await valid('/openreferral/', 'about', false);
    expect(about.version).toBe('HSDS-UK-3.0');
    const response = await get('/openreferral/');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
  });

  it('lists live services only, each valid against the profile, with ids derived from the offer and the provider’s ODS code', async () => {
    const page = await valid('/openreferral/services', 'compiled/service_list.json');
    expect(page.contents.map((service: { organization: { name: string } }) => service.organization.name)).toEqual([
      'Halifax Audiology (test)',
      'Ripponden Hearing (test)',
    ]);
    expect(page).toMatchObject({
      total_items: 2,
      total_pages: 1,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: true,
      empty: false,
    });
    const ripponden = page.contents[1];
    expect(ripponden.id).toBe(serviceUuid({ offerReference: hearingReference, provider: { id: 'unused', odsCode: 'TST41' } }));
    expect(ripponden.organization.id).toBe(organizationUuid({ id: 'unused', odsCode: 'TST41' }));
    expect(ripponden).toMatchObject({ status: 'active', minimum_age: 55 });
  });

  it('pages with page and per_page, and says when a page is past the end', async () => {
    const second = await valid('/openreferral/services?per_page=1&page=2', 'compiled/service_list.json');
    expect(second).toMatchObject({
      total_items: 2,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    expect(second.contents[0].organization.name).toBe('Ripponden Hearing (test)');
    const beyond = await valid('/openreferral/services?per_page=1&page=3', 'compiled/service_list.json');
    expect(beyond).toMatchObject({ total_items: 2, size: 0, empty: true, contents: [] });
  });

  it('answers an empty page when nothing matches', async () => {
    const empty = await valid('/openreferral/services?search=chiropody', 'compiled/service_list.json');
    expect(empty).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it('gives a fully nested service by id: its sites with addresses and accessibility, weekly schedules, area and catalogue term', async () => {
    const list = await valid('/openreferral/services', 'compiled/service_list.json');
    const halifax = await valid(`/openreferral/services/${list.contents[0].id}`, 'compiled/service.json', false);
    expect(halifax.service_at_locations).toHaveLength(1);
    expect(halifax.service_at_locations[0].location.addresses[0]).toMatchObject({
      address_1: '1 Market Street',
      city: 'Halifax',
      postal_code: 'HX3 6BP',
      country: 'GB',
    });
    expect(halifax.service_at_locations[0].location.accessibility[0].description).toBe('Step-free entrance and a hearing loop.');
    expect(halifax.schedules.map((schedule: { byday: string; opens_at: string }) => [schedule.byday, schedule.opens_at])).toEqual([
      ['MO,TU', '09:00:00'],
      ['SA', '09:00:00'],
    ]);
    expect(halifax.attributes[0].taxonomy_term).toMatchObject({ id: taxonomyTermUuid('adult-hearing'), term: 'adult-hearing' });
    expect(halifax.organization.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'ODS', identifier: 'TST42' }),
    ]);
  });

  it('never shows a suspended listing, and its id is an unknown service (404 with CORS)', async () => {
    const suspendedId = serviceUuid({ offerReference: hearingReference, provider: { id: 'unused', odsCode: 'TST43' } });
    const sites = await valid('/openreferral/service_at_locations', 'compiled/service_at_location_list.json');
    expect(sites.contents.map((entry: { location: { name: string } }) => entry.location.name)).not.toContain('Suspended clinic');
    const response = await get(`/openreferral/services/${suspendedId}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('lists services at locations nearest first from a postcode, within the proximity in metres', async () => {
    const near = await valid('/openreferral/service_at_locations?postcode=HX1%201PW', 'compiled/service_at_location_list.json');
    expect(near.contents.map((entry: { location: { name: string } }) => entry.location.name)).toEqual([
      'Halifax clinic',
      'Ripponden clinic',
      'Huddersfield clinic',
    ]);
    const within2km = await valid(
      '/openreferral/service_at_locations?postcode=HX1%201PW&proximity=2000',
      'compiled/service_at_location_list.json',
    );
    expect(within2km.contents.map((entry: { location: { name: string } }) => entry.location.name)).toEqual(['Halifax clinic']);
    expect(within2km.contents[0].location.id).toBe(
      locationUuid({ siteCode: null, name: 'Halifax clinic', provider: { id: 'unused', odsCode: 'TST42' } }),
    );
    const one = await valid(`/openreferral/service_at_locations/${within2km.contents[0].id}`, 'compiled/service_at_location.json', false);
    expect(one.location.addresses[0].postal_code).toBe('HX3 6BP');
  });

  it('lists organizations with a live service, and one with its identifiers and services', async () => {
    const page = await valid('/openreferral/organizations', 'compiled/organization_list.json');
    expect(page.contents.map((organization: { name: string }) => organization.name)).toEqual([
      'Halifax Audiology (test)',
      'Ripponden Hearing (test)',
    ]);
    const halifax = await valid(`/openreferral/organizations/${page.contents[0].id}`, 'compiled/organization.json', false);
    expect(halifax.services).toHaveLength(1);
    const suspended = await get(`/openreferral/organizations/${organizationUuid({ id: 'unused', odsCode: 'TST43' })}`);
    expect(suspended.statusCode).toBe(404);
  });

  it('publishes the national service catalogue as its taxonomy, each service a term, and filters services by term', async () => {
    const taxonomies = await valid('/openreferral/taxonomies', 'taxonomy.json');
    expect(taxonomies.total_items).toBe(1);
    await valid(`/openreferral/taxonomies/${taxonomies.contents[0].id}`, 'taxonomy.json', false);
    const terms = await valid('/openreferral/taxonomy_terms?per_page=200', 'taxonomy_term.json');
    expect(terms.contents.map((term: { term: string }) => term.term)).toContain('adult-hearing');
    await valid(`/openreferral/taxonomy_terms/${taxonomyTermUuid('adult-hearing')}`, 'taxonomy_term.json', false);
    const backPain = await valid(
      `/openreferral/services?taxonomy_term_id=${taxonomyTermUuid('back-and-neck-pain')}`,
      'compiled/service_list.json',
    );
    expect(backPain.total_items).toBe(0);
  });

  it('refuses bad parameters with a 400 naming each, still readable from any origin', async () => {
    const bad = [
      'services?page=0',
      'services?per_page=500',
      'services?minimum_age=18',
      'services?colour=blue',
      'service_at_locations?proximity=1000',
      'service_at_locations?postcode=NOT%20A%20POSTCODE',
      'service_at_locations?postcode=ZZ1%201ZZ',
      'service_at_locations?postcode=HX1%201PW&proximity=near',
    ];
    for (const url of bad.map((query) => `/openreferral/${query}`)) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.json()).toMatchObject({ status: 400, code: 'validation-failed' });
    }
  });

  it('answers a CORS preflight and an unknown feed address with CORS', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/openreferral/services',
      headers: { origin: 'https://directory.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
    const missing = await get('/openreferral/programs');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(missing.json()).toMatchObject({ code: 'not-found' });
  });
});
