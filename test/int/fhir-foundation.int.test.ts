import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('FHIR R4 at /fhir', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
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
