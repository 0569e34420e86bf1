import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

describe('CSV downloads of the admin lists: organisations', () => {
  let t: TestApp;
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    expect((await client.signIn(email)).statusCode).toBe(303);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    await t.deps.db
      .insertInto('organisations')
      .values(
        Array.from({ length: 30 }, (_, n) => ({ ods_code: `CSV${n + 10}`, name: `Download Practice ${n + 10}`, kind: 'gp-practice' })),
      )
      .execute();
  });
  afterAll(() => t.close());

  it('downloads every organisation the search finds, not one page, with the search carried, and refuses anyone but a platform admin', async () => {
    const admin = await signedIn('platform.admin@aqp.example');
    const page = await admin.get('/admin/organisations?q=Download%20Practice');
    expect(page.statusCode).toBe(200);
    const href = /<a href="([^"]+\.csv[^"]*)" download>Download [^<]* as CSV<\/a>/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe('/admin/organisations.csv?q=Download+Practice');
    const shown = pageTable(page.body);
    const csv = csvTable(await admin.get(href!), 'organisations');
    expectSameList(shown, csv);
    expect(csv.head).toEqual(['Name', 'ODS code', 'Kind', 'Postcode']);
    expect(shown.rows).toHaveLength(25);
    expect(csv.rows).toHaveLength(30);
    expect((await (await signedIn('national.admin@aqp.example')).get(href!)).statusCode).toBe(403);
  });
});
