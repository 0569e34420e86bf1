/**
 * Issue #16 item 2: every FHIR resource the demo produces passes base R4 (an independent validator) and the UK Core rules, with
 * 0 errors. The walk covers every registered resource type: a new type is walked as soon as it is registered; a type that needs a
 * key names the demo organisation and role to ask as in WALK_AS.
 */
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_RESOURCE_TYPES } from '../../src/http/fhir/fhir-resources.ts';
import { UK_CORE_PROFILES } from '../../src/lib/uk-core.rules.ts';
import { fhirErrorsIn } from '../support/fhir-validator.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Who reads a restricted type in the walk: a demo organisation (ODS code) and a role its readRoles admit. */
const WALK_AS: Partial<Record<ResourceType, { odsCode: string; role: string }>> = {
  ServiceRequest: { odsCode: 'B84001', role: 'referrer' },
  Patient: { odsCode: 'B84001', role: 'referrer' },
  Appointment: { odsCode: 'B84001', role: 'referrer' },
};

describe('FHIR resources from the demo, validated', () => {
  let t: TestApp;
  const walked = new Map<string, Resource[]>();
  const bundles: Bundle[] = [];

  async function headersFor(type: ResourceType): Promise<Record<string, string>> {
    const as = WALK_AS[type];
    if (!as) return {};
    const organisation = await t.deps.db
      .selectFrom('organisations')
      .select('id')
      .where('ods_code', '=', as.odsCode)
      .executeTakeFirstOrThrow();
    return { authorization: `Bearer ${await tokenFor(t.deps, organisation.id, as.role)}` };
  }

  /** Every resource a type's search gives, page by page through the Bundles' next links. */
  async function walk(type: ResourceType): Promise<Resource[]> {
    const headers = await headersFor(type);
    const resources: Resource[] = [];
    let url: string | undefined = `/fhir/${type}?_count=100`;
    while (url) {
      const response = await t.app.inject({ url, headers });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      const bundle = response.json() as Bundle;
      bundles.push(bundle);
      resources.push(...(bundle.entry ?? []).map((entry) => entry.resource!));
      const next = bundle.link?.find((link) => link.relation === 'next')?.url;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
    }
    return resources;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'full' });
    for (const type of FHIR_RESOURCE_TYPES.filter((each) => each.search)) walked.set(type.type, await walk(type.type));
  }, 300_000);
  afterAll(async () => t?.close());

  it('finds resources of every registered type in the demo', () => {
    const empty = FHIR_RESOURCE_TYPES.filter((type) => (walked.get(type.type) ?? []).length === 0).map((type) => type.type);
    expect(empty).toEqual([]);
  });

  it('walks every referral, patient and appointment the demo holds (all its referrals are the demo practice’s)', async () => {
    const count = async (table: 'referrals' | 'patients' | 'referral_contacts') =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(walked.get('ServiceRequest')).toHaveLength(await count('referrals'));
    expect(walked.get('Patient')).toHaveLength(await count('patients'));
    expect(walked.get('Appointment')).toHaveLength(await count('referral_contacts'));
  });

  it('gives resources that pass base FHIR R4 and the UK Core rules with 0 errors', () => {
    const errors = [...walked.values()].flat().flatMap(fhirErrorsIn);
    expect(errors).toEqual([]);
  });

  it('gives searchset Bundles, the CapabilityStatement and an OperationOutcome that pass base FHIR R4', async () => {
    const statement = (await t.app.inject('/fhir/metadata')).json() as Resource;
    const outcome = (await t.app.inject('/fhir/Organization/not-a-stored-id')).json() as Resource;
    const errors = [...bundles.map((bundle) => ({ ...bundle, entry: bundle.entry?.slice(0, 5) })), statement, outcome].flatMap(
      fhirErrorsIn,
    );
    expect(errors).toEqual([]);
  });

  it('reads each walked resource back by id, the same as the search gave it', async () => {
    for (const [type, resources] of walked) {
      const sample = resources.filter((_, index) => index % Math.ceil(resources.length / 5) === 0);
      for (const resource of sample) {
        const read = await t.app.inject({ url: `/fhir/${type}/${resource.id}`, headers: await headersFor(type as ResourceType) });
        expect(read.json(), `${type}/${resource.id}`).toEqual(resource);
      }
    }
  });

  it('names a UK Core profile in meta.profile only for the types that claim one, and the validator fails a resource that breaks a rule', () => {
    const claimed = [...walked.values()].flat().flatMap((resource) => resource.meta?.profile ?? []);
    expect(new Set(claimed)).toEqual(new Set(Object.values(UK_CORE_PROFILES)));
    const organisation = walked.get('Organization')!.find((resource) => resource.meta?.profile)!;
    expect(
      fhirErrorsIn({
        ...organisation,
        identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'not ods' }],
      } as Resource),
    ).toHaveLength(1);
    expect(fhirErrorsIn({ ...organisation, active: 'yes' } as unknown as Resource).length).toBeGreaterThan(0);
  });
});
