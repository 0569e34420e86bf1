import type { Bundle, HealthcareService, Location, Organization, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aListingIn, aProviderWithSites, REAL_POSTCODES } from '../support/referral-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const SITE_CODE = 'https://fhir.nhs.uk/Id/ods-site-code';
const CATALOGUE = 'https://aqp.invalid/fhir/CodeSystem/service-catalogue';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const RIPPONDEN = REAL_POSTCODES['HX6 3AB']!;

describe('the FHIR directory: Organization, Location and HealthcareService', () => {
  let t: TestApp;
  let providerId: string;

  const get = (url: string) => t.app.inject(url);
  const bundle = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe(FHIR_JSON);
    return response.json() as Bundle;
  };
  const resources = <R extends Resource>(found: Bundle) => (found.entry ?? []).map((entry) => entry.resource as R);
  const names = (found: Bundle) => resources<Location>(found).map((resource) => resource.name);
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST41',
      name: 'Ripponden Hearing (test)',
      sites: [
        { name: 'Ripponden clinic', postcode: 'HX6 3AB' },
        { name: 'Halifax clinic', postcode: 'HX1 1PW' },
        { name: 'Leeds clinic', postcode: 'LS1 4AP' },
        { name: 'Old Todmorden clinic', postcode: 'OL14 5RN', closed: true },
      ],
    });
    await t.deps.db
      .updateTable('sites')
      .set({ site_code: 'TST4101', phone: '01422 111111' })
      .where('name', '=', 'Ripponden clinic')
      .execute();
    await aProviderWithSites(t.deps, {
      odsCode: 'TST42',
      name: 'Suspended Hearing (test)',
      sites: [{ name: 'Elland clinic', postcode: 'HX3 6BP' }],
    });
    const offer = (await get('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    await aListingIn(t.deps, offer, 'TST41', 'live', TODAY);
    await aListingIn(t.deps, offer, 'TST42', 'suspended', TODAY);
  });
  afterAll(async () => t?.close());

  describe('Organization', () => {
    it('reads a provider with its ODS code, FHIR type and UK Core profile', async () => {
      const response = await get(`/fhir/Organization/${providerId}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(FHIR_JSON);
      expect(response.json()).toMatchObject({
        resourceType: 'Organization',
        id: providerId,
        meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization'] },
        identifier: [{ system: ODS, value: 'TST41' }],
        active: true,
        name: 'Ripponden Hearing (test)',
        type: [{ coding: [{ code: 'prov' }, { code: 'provider' }] }],
      });
    });

    it('finds an organisation by ODS identifier, by the start of a word of its name, and commissioners by type pay', async () => {
      expect(resources<Organization>(await bundle(`/fhir/Organization?identifier=${ODS}|TST41`)).map((each) => each.id)).toEqual([
        providerId,
      ]);
      expect(names(await bundle('/fhir/Organization?name=ripp'))).toEqual(['Ripponden Hearing (test)']);
      expect(names(await bundle('/fhir/Organization?name=hearing'))).toEqual(expect.arrayContaining(['Ripponden Hearing (test)']));
      const payers = resources<Organization>(await bundle('/fhir/Organization?type=pay&_count=100'));
      expect(payers.length).toBeGreaterThan(0);
      expect(payers.every((each) => each.type?.[0]?.coding?.[1]?.code === 'commissioner')).toBe(true);
      expect((await bundle(`/fhir/Organization?identifier=https://example.org/other|TST41`)).total).toBe(0);
    });
  });

  describe('Location', () => {
    it('gives a provider’s sites with position, address, ODS site code where known, and closed sites as inactive', async () => {
      const sites = resources<Location>(await bundle(`/fhir/Location?organization=Organization/${providerId}`));
      expect(sites.map((site) => [site.name, site.status])).toEqual([
        ['Halifax clinic', 'active'],
        ['Leeds clinic', 'active'],
        ['Old Todmorden clinic', 'inactive'],
        ['Ripponden clinic', 'active'],
      ]);
      const ripponden = sites.find((site) => site.name === 'Ripponden clinic')!;
      expect(ripponden).toMatchObject({
        identifier: [{ system: SITE_CODE, value: 'TST4101' }],
        position: RIPPONDEN,
        address: { postalCode: 'HX6 3AB' },
        telecom: [{ system: 'phone', value: '01422 111111' }],
        managingOrganization: { reference: `Organization/${providerId}` },
      });
      expect(sites.find((site) => site.name === 'Halifax clinic')!.identifier).toBeUndefined();
      expect(resources<Location>(await bundle(`/fhir/Location?identifier=${SITE_CODE}|TST4101`)).map((site) => site.id)).toEqual([
        ripponden.id,
      ]);
    });

    it('finds sites near a point, nearest first, within the distance asked', async () => {
      const near = await bundle(`/fhir/Location?organization=${providerId}&near=${RIPPONDEN.latitude}|${RIPPONDEN.longitude}|10|km`);
      expect(names(near)).toEqual(['Ripponden clinic', 'Halifax clinic']);
      const wider = await bundle(`/fhir/Location?organization=${providerId}&near=${RIPPONDEN.latitude}|${RIPPONDEN.longitude}|25|mi`);
      expect(names(wider)).toEqual(['Ripponden clinic', 'Halifax clinic', 'Old Todmorden clinic', 'Leeds clinic']);
    });

    it('pages with _count and _offset, linking next and previous with the search’s own parameters', async () => {
      const first = await bundle(`/fhir/Location?organization=${providerId}&_count=3`);
      expect(first.total).toBe(4);
      expect(names(first)).toHaveLength(3);
      expect(first.link?.map((link) => link.relation)).toEqual(['self', 'next']);
      const nextUrl = first.link!.find((link) => link.relation === 'next')!.url!;
      expect(nextUrl).toContain(`organization=${providerId}`);
      const second = await bundle(pathOf(nextUrl));
      expect(names(second)).toEqual(['Ripponden clinic']);
      expect(second.link?.map((link) => link.relation)).toEqual(['self', 'previous']);
      expect(names(await bundle(pathOf(second.link!.find((link) => link.relation === 'previous')!.url!)))).toEqual(names(first));
      const countOnly = await bundle(`/fhir/Location?organization=${providerId}&_count=0`);
      expect([countOnly.total, countOnly.entry ?? []]).toEqual([4, []]);
    });
  });

  describe('HealthcareService', () => {
    it('gives one service per open site of each live listing, with type, provider, eligibility, coverage and the AQP programme', async () => {
      const found = await bundle(`/fhir/HealthcareService?service-type=${CATALOGUE}|adult-hearing&organization=Organization/${providerId}`);
      const services = resources<HealthcareService>(found);
      expect(services.map((service) => service.location?.[0]?.display)).toEqual(['Halifax clinic', 'Leeds clinic', 'Ripponden clinic']);
      expect(services[0]).toMatchObject({
        meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-HealthcareService'] },
        active: true,
        providedBy: { reference: `Organization/${providerId}`, display: 'Ripponden Hearing (test)' },
        type: [{ coding: [{ system: CATALOGUE, code: 'adult-hearing' }] }],
        program: [{ text: 'Any Qualified Provider' }],
        referralMethod: [{ coding: [{ code: 'elec' }] }],
        coverageArea: [{ identifier: { system: ODS, value: '02T' } }],
      });
      expect(services[0]!.eligibility?.[0]?.comment).toMatch(/^For /);
    });

    it('leaves out suspended listings and reads a service back by its id', async () => {
      const all = resources<HealthcareService>(await bundle('/fhir/HealthcareService?service-type=adult-hearing&_count=100'));
      expect(all.some((service) => service.providedBy?.display === 'Suspended Hearing (test)')).toBe(false);
      const one = all.find((service) => service.providedBy?.display === 'Ripponden Hearing (test)')!;
      const read = await get(`/fhir/HealthcareService/${one.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(one);
    });

    it('finds services near a point nearest first, and at a given location', async () => {
      const near = resources<HealthcareService>(
        await bundle(`/fhir/HealthcareService?service-type=adult-hearing&near=${RIPPONDEN.latitude}|${RIPPONDEN.longitude}|3|km`),
      );
      expect(near.map((service) => service.location?.[0]?.display)).toEqual(['Ripponden clinic']);
      const siteId = near[0]!.location![0]!.reference!;
      expect(resources<HealthcareService>(await bundle(`/fhir/HealthcareService?location=${siteId}`)).map((service) => service.id)).toEqual(
        [near[0]!.id],
      );
    });
  });

  describe('errors', () => {
    it.each([
      ['an unknown search parameter', '/fhir/Organization?colour=red', 'colour'],
      ['a modifier', '/fhir/Organization?name:exact=Leeds', 'name:exact'],
      ['a repeated parameter', '/fhir/Organization?name=a&name=b', 'name'],
      ['a _count that is not a number', '/fhir/Location?_count=lots', '_count'],
      ['a near without a longitude', '/fhir/HealthcareService?near=53.7', 'near'],
      ['a reference to another type', '/fhir/Location?organization=Patient/1', 'organization'],
    ])('answers %s with a 400 OperationOutcome naming it', async (_, url, field) => {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe(FHIR_JSON);
      const outcome = response.json();
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
      expect(outcome.issue[1].expression).toEqual([field]);
    });

    it.each([
      '/fhir/Organization/00000000-0000-4000-8000-000000000000',
      '/fhir/Location/not-an-id',
      '/fhir/HealthcareService/abc',
      '/fhir/Organization/a$b',
    ])('answers %s with a 404 OperationOutcome', async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    });
  });
});
