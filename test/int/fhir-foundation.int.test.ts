import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFhir } from '../../src/http/fhir/fhir.plugin.ts';
import type { FhirResourceType } from '../../src/http/fhir/fhir-resource-type.ts';
import { organizationResourceType } from '../../src/http/fhir/organization.resource.ts';
import { registerAuth } from '../../src/http/plugins/auth.ts';
import { DomainError } from '../../src/lib/errors.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('FHIR R4 at /fhir', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(async () => t?.close());

  it('answers /fhir/metadata with a FHIR 4.0.1 CapabilityStatement in application/fhir+json', async () => {
    const response = await t.app.inject('/fhir/metadata');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const statement = response.json();
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    expect(statement.format).toContain('json');
    expect(statement.rest[0].mode).toBe('server');
  });

  it('accepts _format=json and Accept: application/json', async () => {
    expect((await t.app.inject('/fhir/metadata?_format=json')).statusCode).toBe(200);
    const asJson = await t.app.inject({ url: '/fhir/metadata', headers: { accept: 'application/json' } });
    expect(asJson.statusCode).toBe(200);
    expect(asJson.json().resourceType).toBe('CapabilityStatement');
  });

  it('refuses _format=xml with a 400 OperationOutcome naming _format', async () => {
    const response = await t.app.inject('/fhir/metadata?_format=xml');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const outcome = response.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
    expect(outcome.issue[1].expression).toEqual(['_format']);
  });

  it('answers an unknown resource type with a 404 OperationOutcome, not a page or problem+json', async () => {
    const response = await t.app.inject('/fhir/Spaceship/1');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(response.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', details: { coding: [{ code: 'not-found' }] } }],
    });
  });

  it('leaves the JSON API answering problem+json', async () => {
    const response = await t.app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('FHIR errors and access, through resource types declared as a new one would be', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let keyFor: (odsCode: string, role: string) => Promise<string>;

  /** Organization for commissioners only, and types whose calls fail the ways a service can. */
  const TYPES: FhirResourceType[] = [
    { ...organizationResourceType, readRoles: ['commissioner'] },
    {
      type: 'Basic',
      searchParams: [],
      read: async () => {
        throw new Error('a bug');
      },
      search: async () => {
        throw new DomainError('business-rule', 'The patient is not eligible', {
          fieldErrors: [{ field: 'subject', message: 'Too young' }],
        });
      },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    app = Fastify({ logger: false });
    app.decorate('publicBaseUrl', null);
    registerAuth(app, t.deps);
    await registerFhir(app, t.deps, TYPES);
    await app.ready();
    keyFor = async (odsCode, role) => {
      const organisation = await t.deps.db
        .selectFrom('organisations')
        .select('id')
        .where('ods_code', '=', odsCode)
        .executeTakeFirstOrThrow();
      return tokenFor(t.deps, organisation.id, role);
    };
  });
  afterAll(async () => (await app?.close(), await t?.close()));

  const outcomeOf = async (url: string, key?: string) => {
    const response = await app.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    return { status: response.statusCode, body: response.json() };
  };

  it('answers a restricted type without a key with a 401 OperationOutcome (login), not a sign-in redirect', async () => {
    const { status, body } = await outcomeOf('/fhir/Organization');
    expect(status).toBe(401);
    expect(body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'login', details: { coding: [{ code: 'unauthenticated' }] } }],
    });
  });

  it('answers a key in a role the type does not admit with a 403 OperationOutcome (forbidden), and admits the role it names', async () => {
    const { status, body } = await outcomeOf('/fhir/Organization', await keyFor('DEMO1', 'provider-admin'));
    expect(status).toBe(403);
    expect(body.issue[0].code).toBe('forbidden');
    expect((await outcomeOf('/fhir/Organization', await keyFor('02T', 'commissioner'))).status).toBe(200);
  });

  it('answers a broken rule with a 422 OperationOutcome (business-rule) listing each reason', async () => {
    const { status, body } = await outcomeOf('/fhir/Basic');
    expect(status).toBe(422);
    expect(body.issue).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'business-rule',
        details: expect.objectContaining({ text: 'The patient is not eligible' }),
      }),
      expect.objectContaining({ expression: ['subject'], details: { text: 'Too young' } }),
    ]);
  });

  it('answers an unexpected failure with a 500 OperationOutcome that hides its detail', async () => {
    const { status, body } = await outcomeOf('/fhir/Basic/1');
    expect(status).toBe(500);
    expect(body.issue[0]).toMatchObject({ severity: 'fatal', code: 'exception' });
    expect(JSON.stringify(body)).not.toContain('a bug');
  });

  it('lists each declared type with its interactions and search parameters in the CapabilityStatement', async () => {
    const { body } = await outcomeOf('/fhir/metadata');
    expect(body.rest[0].resource.map((resource: { type: string }) => resource.type)).toEqual(['Organization', 'Basic']);
    expect(body.rest[0].resource[0]).toMatchObject({
      interaction: [{ code: 'read' }, { code: 'search-type' }],
      searchParam: expect.arrayContaining([expect.objectContaining({ name: 'identifier', type: 'token' })]),
      supportedProfile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization'],
    });
  });
});
