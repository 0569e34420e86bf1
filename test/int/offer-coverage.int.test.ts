import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/domains/identity/organisation.service.ts';
import { coverageChoices } from '../../src/domains/offers/offer-coverage.ts';
import { openOffer } from '../../src/domains/offers/offer.service.ts';
import { importSubIcbLocations } from '../support/commissioner-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

describe('which sub-ICB locations an offer may cover', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    await importSubIcbLocations(t.deps, ['02R', '36J', '00L']);
    token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const offerCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('offers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const open = (coverage: string[]) => call('POST', '/api/v1/offers', { serviceCode: 'adult-hearing', title: 'Adult hearing', coverage });

  it('refuses a CCG that closed in 2020, saving nothing', async () => {
    const before = await offerCount();
    const refused = await open(['02T', '02R']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'coverage', message: expect.stringContaining('02R NHS BRADFORD DISTRICTS CCG closed on 2020-03-31') }],
    });
    expect(await offerCount()).toBe(before);
  });

  it('refuses a location in another ICB and the ICB itself, which is not a sub-ICB location', async () => {
    const elsewhere = await open(['02T', '00L']);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0]).toMatchObject({
      field: 'coverage',
      message: expect.stringContaining('00L is not a sub-ICB location of NHS West Yorkshire Integrated Care Board'),
    });
    expect((await open(['QWO'])).json().errors[0].message).toContain(
      'QWO is not a sub-ICB location of NHS West Yorkshire Integrated Care Board',
    );
  });

  it('covers the open locations of the ICB, including one that replaced a closed CCG', async () => {
    const opened = await open(['02T', '36J']);
    expect(opened.statusCode, opened.body).toBe(201);
    const offer = (await call('GET', `/api/v1/offers/${opened.json().id}`)).json();
    expect(offer.coverage.map((c: { odsCode: string }) => c.odsCode).sort()).toEqual(['02T', '36J']);
    const changed = await call('PUT', `/api/v1/offers/${opened.json().id}/coverage`, { coverage: ['02R'] });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].field).toBe('coverage');
    expect((await call('GET', `/api/v1/offers/${opened.json().id}`)).json().coverage).toHaveLength(2);
  });

  it('judges openness over the offer’s dates: a CCG open today cannot be covered past its closing date', async () => {
    clock.setToday('2019-06-01');
    try {
      const opened = await open(['02R']);
      expect(opened.statusCode, opened.body).toBe(201);
      const id = opened.json().id as string;
      const details = {
        title: 'Adult hearing',
        contractStart: '2019-10-01',
        contractEnd: '2022-03-31',
        windowKind: 'rolling',
        windowOpens: '2019-07-01',
        windowCloses: null,
      };
      const refused = await call('PUT', `/api/v1/offers/${id}`, details);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({
        field: 'contractEnd',
        message: expect.stringContaining('02R NHS BRADFORD DISTRICTS CCG closes on 2020-03-31'),
      });
      expect((await call('GET', `/api/v1/offers/${id}`)).json().contract.end).toBeNull();
      expect((await open(['36J'])).json().errors[0].message).toContain('36J NHS WEST YORKSHIRE ICB - 36J opens on 2020-04-01');
    } finally {
      clock.setToday('2027-02-01');
    }
  });

  it('lets a sub-ICB location lead an offer covering the other open locations of its ICB', async () => {
    const calderdale = await t.deps.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('ods_code', '=', '02T')
      .executeTakeFirstOrThrow();
    const key = await t.deps.db
      .insertInto('api_keys')
      .values({
        organisation_id: calderdale.id,
        name: 'Calderdale tools',
        role: 'commissioner',
        prefix: 'calderdale',
        secret_hash: 'not used',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const context = {
      principal: {
        kind: 'api-key' as const,
        apiKeyId: key.id,
        name: 'test',
        organisationId: calderdale.id,
        organisationName: calderdale.name,
        role: 'commissioner' as const,
      },
      clientAddress: null,
    };
    await expect(
      openOffer(t.deps, context, { serviceCode: 'adult-hearing', title: 'Calderdale hearing', coverage: ['02T', '03R', '02R'] }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    expect(
      await openOffer(t.deps, context, { serviceCode: 'adult-hearing', title: 'Calderdale hearing', coverage: ['02T', '03R'] }),
    ).toMatchObject({ id: expect.any(String) });
  });

  it('lets a commissioner made by hand before the ODS import, with no parent and no locations, cover itself only', async () => {
    const made = await createOrganisation(
      t.deps,
      { principal: null, clientAddress: 'cli' },
      { kind: 'commissioner', name: 'NHS Example Commissioner', odsCode: 'X9Z1A' },
    );
    const key = await t.deps.db
      .insertInto('api_keys')
      .values({ organisation_id: made.id, name: 'Example tools', role: 'commissioner', prefix: 'example', secret_hash: 'not used' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const context = {
      principal: {
        kind: 'api-key' as const,
        apiKeyId: key.id,
        name: 'test',
        organisationId: made.id,
        organisationName: made.name,
        role: 'commissioner' as const,
      },
      clientAddress: null,
    };
    expect(await coverageChoices(t.deps, made.id)).toEqual([{ id: made.id, odsCode: 'X9Z1A', name: 'NHS Example Commissioner' }]);
    await expect(
      openOffer(t.deps, context, { serviceCode: 'adult-hearing', title: 'Example hearing', coverage: ['X9Z1A', '02T'] }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    expect(await openOffer(t.deps, context, { serviceCode: 'adult-hearing', title: 'Example hearing', coverage: ['X9Z1A'] })).toMatchObject(
      { id: expect.any(String) },
    );
  });

  it('offers only open locations of the ICB on the page and shows the error next to the checkboxes', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const page = await commissioner.get('/offers/new');
    expect(page.body).toContain('value="36J"');
    expect(page.body).not.toContain('value="02R"');
    expect(page.body).not.toContain('value="00L"');
    expect(page.body).not.toContain('value="QWO"');
    const refused = await commissioner.submit('/offers/new', { serviceCode: 'adult-hearing', title: 'Adult hearing', coverage: '02R' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#coverage"');
    expect(refused.body).toMatch(/nhsuk-error-message[^]*02R NHS BRADFORD DISTRICTS CCG closed on 2020-03-31/);
  });
});
