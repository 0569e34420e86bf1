import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNationalCatalogue } from '../../src/domains/catalogue/catalogue.seed.ts';
import { NATIONAL_PACK_REVISIONS, NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { FIRST_NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs-v1.seed.ts';
import { NATIONAL_SERVICES } from '../../src/domains/catalogue/national-services.seed.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

/** How many versions the national seed gives the hearing pack, so the next one published here is one more. */
const HEARING_SEEDED = NATIONAL_PACK_REVISIONS['adult-hearing']!.length;
const upTo = (last: number) => Array.from({ length: last }, (_, index) => index + 1);

describe('the national service catalogue', () => {
  let t: TestApp;
  let nationalToken: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    const admin = new WebClient(t.app);
    await admin.signIn('national.admin@aqp.example');
    const created = await admin.submit('/api-keys', { name: 'Catalogue tools', role: 'national-admin' });
    nationalToken = /id="api-key-token">([^<]+)</.exec(created.body)![1]!;
  });
  afterAll(() => t.close());
  const asNational = { authorization: () => `Bearer ${nationalToken}` };

  it('lists every national service with its current pack version, as open data', async () => {
    const response = await t.app.inject('/api/v1/services');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; phase: string; currentPackVersion: number | null }[];
    expect(items).toHaveLength(NATIONAL_SERVICES.length);
    const latest = (code: string) => NATIONAL_PACK_REVISIONS[code]!.length;
    expect(items.filter((s) => s.phase === '2012-13-priority').map((s) => [s.code, s.currentPackVersion])).toEqual(
      items.filter((s) => s.phase === '2012-13-priority').map((s) => [s.code, latest(s.code)]),
    );
    expect(items.find((s) => s.code === 'psychological-therapies')?.currentPackVersion).toBe(5);
    expect(items.find((s) => s.code === 'ct')?.currentPackVersion).toBeNull();
    const priority = await t.app.inject('/api/v1/services?phase=2013-14-candidate');
    expect(priority.json().items.map((s: { code: string }) => s.code)).toContain('speech-and-language-therapy');
  });

  it('shows a service’s pack on its public page: hearing 55+, ENT exclusions, 16 working days', async () => {
    const page = await t.app.inject('/catalogue/adult-hearing');
    expect(page.statusCode).toBe(200);
    for (const text of ['55 and over', 'Vertigo?', 'Do not refer to AQP: refer to ENT.', '95% within 16 working days', 'at least 3 years'])
      expect(page.body).toContain(text);
    expect((await t.app.inject('/catalogue/psychological-therapies')).body).toContain('£47.20 per session');
    expect((await t.app.inject('/catalogue/no-such-service')).statusCode).toBe(404);
  });

  it('lets a national admin add a service in the browser, with errors beside the fields first, audited', async () => {
    const admin = new WebClient(t.app);
    await admin.signIn('national.admin@aqp.example');
    const invalid = await admin.submit('/catalogue/new', {
      name: '',
      code: 'Bad Code',
      category: '',
      phase: 'someday',
      definition: '',
      sourceUrl: 'javascript:alert(1)',
    });
    expect(invalid.statusCode).toBe(400);
    for (const text of [
      'Enter the service name',
      'Enter a code of lower-case letters',
      'Enter a category',
      'Select the phase',
      'Enter the national definition',
      'Enter the source as a web address',
    ])
      expect(invalid.body).toContain(text);
    const created = await admin.submit('/catalogue/new', {
      name: 'Audiology for children',
      code: 'childrens-audiology',
      category: 'Audiology',
      phase: 'wider-list',
      definition: 'Hearing assessment for children.',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/catalogue/childrens-audiology');
    const duplicate = await admin.submit('/catalogue/new', {
      name: 'Adult hearing',
      code: 'adult-hearing-2',
      category: 'Audiology',
      phase: 'wider-list',
      definition: 'x',
    });
    expect(duplicate.body).toContain('A service with this name already exists');
    const edited = await admin.submit('/catalogue/childrens-audiology/edit', {
      name: 'Children’s audiology',
      category: 'Audiology',
      phase: 'wider-list',
      definition: 'Hearing tests for children.',
    });
    expect(edited.statusCode).toBe(303);
    expect((await admin.get('/catalogue/childrens-audiology')).body).toContain('Hearing tests for children.');
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'service').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['service.create', 'service.update']);
  });

  it('keeps catalogue changes to national admins', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    expect((await commissioner.get('/catalogue/new')).statusCode).toBe(403);
    expect((await commissioner.get('/catalogue')).statusCode).toBe(200);
    const page = await commissioner.get('/api-keys');
    const forged = await commissioner.post('/catalogue/new', {
      _csrf: csrfTokenIn(page.body),
      name: 'X',
      code: 'x',
      category: 'X',
      phase: 'wider-list',
      definition: 'X',
    });
    expect(forged.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/services', payload: {} })).statusCode).toBe(401);
  });

  it('validates API bodies and answers with a coded problem listing the fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: { authorization: asNational.authorization() },
      payload: { name: 'X', code: 5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('validation-failed');
    expect(response.json().errors.length).toBeGreaterThan(0);
  });

  it('publishes a new pack version through the API while the old one stays as it was', async () => {
    const content = structuredClone(NATIONAL_PACKS['adult-hearing']!.content);
    content.kpis[0]!.thresholdPercent = 90;
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services/adult-hearing/packs',
      headers: { authorization: asNational.authorization() },
      payload: { changeNote: 'KPI share set to 90%.', content },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({ version: HEARING_SEEDED + 1 });
    const detail = (await t.app.inject('/api/v1/services/adult-hearing')).json();
    expect(detail.service.currentPackVersion).toBe(HEARING_SEEDED + 1);
    expect(
      detail.packs.map((p: { version: number; content: { kpis: { thresholdPercent: number }[] } }) => [
        p.version,
        p.content.kpis[0]!.thresholdPercent,
      ]),
    ).toEqual([
      [HEARING_SEEDED + 1, 90],
      ...upTo(HEARING_SEEDED)
        .reverse()
        .map((version) => [version, 95]),
    ]);
  });

  it('refuses an invalid protocol with field-level errors and saves nothing', async () => {
    const content = structuredClone(NATIONAL_PACKS['adult-hearing']!.content) as unknown as {
      protocol: Record<string, unknown> & { exclusions: Record<string, string>[] };
    };
    content.protocol.ageMin = 55;
    content.protocol.ageMax = 50;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services/adult-hearing/packs',
      headers: { authorization: asNational.authorization() },
      payload: { changeNote: 'Bad', content },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'protocol.ageMax', message: 'The maximum age (50) cannot be below the minimum age (55)' }],
    });
    content.protocol.ageMax = 90;
    content.protocol.exclusions[0]!.redirectAdvice = '';
    content.protocol.routes = ['carrier-pigeon'];
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services/adult-hearing/packs',
      headers: { authorization: asNational.authorization() },
      payload: { changeNote: 'Bad', content },
    });
    expect(both.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'protocol.routes.0',
      'protocol.exclusions.0.redirectAdvice',
    ]);
    const versions = await t.deps.db
      .selectFrom('implementation_packs as p')
      .innerJoin('services as s', 's.id', 'p.service_id')
      .select('p.version')
      .where('s.code', '=', 'adult-hearing')
      .execute();
    expect(versions.map((row) => row.version).sort()).toEqual(upTo(HEARING_SEEDED + 1));
  });

  it('shows the wheelchair pack’s pathway and currency with the source of each section, flagging assumptions', async () => {
    const page = (await t.app.inject('/catalogue/wheelchair-services')).body;
    for (const text of [
      'Implementation pack, version 3',
      'Repairs and maintenance',
      'who owns the chairs',
      'Per provision',
      'LOW-NEED',
      'Department of Health, <a href="http://webarchive.nationalarchives.gov.uk/20130805112926/http:/healthandcare.dh.gov.uk/any-qualified-provider-2/">“Any Qualified Provider”',
      'not confirmed by the source',
      'Sources for the rest of the pack',
    ])
      expect(page).toContain(text);
    expect(page).not.toContain('up to 6 sessions');
  });

  it('cites the original documents on every pack page, with their web addresses, and never our internal file names', async () => {
    for (const code of Object.keys(NATIONAL_PACKS)) {
      const page = (await t.app.inject(`/catalogue/${code}`)).body;
      expect({ code, internal: page.match(/shared\/context|seeds\/\d{3}_|aqp-domain-brief/g) }).toEqual({ code, internal: null });
    }
    const wheelchairs = (await t.app.inject('/catalogue/wheelchair-services')).body;
    expect(wheelchairs).toContain(
      '<a href="http://webarchive.nationalarchives.gov.uk/20130805112926/http:/healthandcare.dh.gov.uk/any-qualified-provider-2/"',
    );
  });

  it('adds versions 2 and 3 to a database that holds only version 1, leaving version 1 exactly as it was', async () => {
    const wheelchairs = await t.deps.db
      .selectFrom('services')
      .select('id')
      .where('code', '=', 'wheelchair-services')
      .executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('implementation_packs').where('service_id', '=', wheelchairs.id).where('version', '>=', 2).execute();
    const first = await t.deps.db
      .selectFrom('implementation_packs')
      .select(['id', 'content', 'published_at'])
      .where('service_id', '=', wheelchairs.id)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(await seedNationalCatalogue(t.deps)).toEqual({ servicesAdded: 0, packsAdded: 2 });
    const versions = await t.deps.db
      .selectFrom('implementation_packs')
      .select(['id', 'version', 'content', 'published_at'])
      .where('service_id', '=', wheelchairs.id)
      .orderBy('version')
      .execute();
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    expect(versions[0]).toEqual({ ...first, version: 1 });
    expect(versions[0]!.content).toEqual(FIRST_NATIONAL_PACKS['wheelchair-services']!.content);
    expect(versions[1]!.content).toEqual(NATIONAL_PACK_REVISIONS['wheelchair-services']![1]!.content);
    expect(versions[2]!.content).toEqual(NATIONAL_PACKS['wheelchair-services']!.content);
    expect(await seedNationalCatalogue(t.deps)).toEqual({ servicesAdded: 0, packsAdded: 0 });
  });
});
