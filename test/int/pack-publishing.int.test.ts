import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../support/application-rows.ts';
import { publishPackVersion } from '../../src/domains/catalogue/catalogue.service.ts';
import { NATIONAL_PACK_REVISIONS, NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { type PackFormValues, packFormValues } from '../../src/http/web/catalogue/pack-form.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const HEARING = NATIONAL_PACKS['adult-hearing']!.content;
/** How many versions the national seed gives each pack, so the next one published here is one more. */
const HEARING_SEEDED = NATIONAL_PACK_REVISIONS['adult-hearing']!.length;
const MRI_SEEDED = NATIONAL_PACK_REVISIONS.mri!.length;
const upTo = (last: number) => Array.from({ length: last }, (_, index) => index + 1);

/** The form as the page fills it from the current pack, with a person's edits, as the pairs a browser posts. */
function edited(changes: PackFormValues, base: PackFormValues = packFormValues(HEARING)): [string, string][] {
  return Object.entries({ ...base, ...changes }).flatMap(([name, value]) => [value].flat().map((item): [string, string] => [name, item]));
}

describe('publishing an implementation pack version from the catalogue pages', () => {
  let t: TestApp;
  let admin: WebClient;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    admin = new WebClient(t.app);
    await admin.signIn('national.admin@aqp.example');
  });
  afterAll(() => t.close());

  const versionsOf = async (code: string) =>
    await t.deps.db
      .selectFrom('implementation_packs as p')
      .innerJoin('services as s', 's.id', 'p.service_id')
      .select(['p.version', 'p.content'])
      .where('s.code', '=', code)
      .orderBy('p.version')
      .execute();
  async function post(url: string, form: [string, string][]) {
    const page = await admin.get('/catalogue/adult-hearing/packs/new');
    return admin.post(url, [['_csrf', csrfTokenIn(page.body)], ...form]);
  }

  it('starts the new version from the current one, with the price, ages and indicators as real form fields', async () => {
    const service = await admin.get('/catalogue/adult-hearing');
    expect(service.body).toContain('href="/catalogue/adult-hearing/packs/new"');
    expect((await t.app.inject('/catalogue/adult-hearing')).body).not.toContain('/packs/new');
    const form = await admin.get('/catalogue/adult-hearing/packs/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`New version ${HEARING_SEEDED + 1} of the implementation pack`);
    expect(form.body).toMatch(/name="ageMin"[^>]*value="55"/);
    expect(form.body).toMatch(/name="kpi-0-code"[^>]*value="seen-within-16-working-days"/);
    expect(form.body).toMatch(/name="price"/);
    expect(form.body).toContain('name="kpi-2-code"');
    expect(form.body).toMatch(/<textarea[^>]*name="rest"[^>]*>[^<]*complexityBands/);
  });

  it('names every problem beside its field, JSON problems in plain words, keeps everything typed and publishes nothing', async () => {
    const rest = JSON.parse(packFormValues(HEARING).rest as string) as { complexityBands: { code: string; description: string }[] };
    rest.complexityBands[0]!.description = '';
    const refused = await post(
      '/catalogue/adult-hearing/packs/new',
      edited({
        changeNote: '',
        tariffKind: 'national',
        price: 'four hundred',
        'kpi-1-thresholdPercent': '150',
        scope: 'A wider scope, typed with care.',
        rest: JSON.stringify(rest),
      }),
    );
    expect(refused.statusCode).toBe(400);
    for (const text of [
      'Say what changed in this version',
      'Enter the price in pounds and pence, like 450.00',
      'href="#price"',
      'Complexity band 1: description must not be empty',
      'href="#rest"',
      'Key performance indicator 2: threshold (%) must be 100 or less',
      'href="#kpi-1-thresholdPercent"',
    ])
      expect(refused.body).toContain(text);
    expect(refused.body).toContain('value="four hundred"');
    expect(refused.body).toContain('A wider scope, typed with care.');
    const badJson = await post('/catalogue/adult-hearing/packs/new', edited({ changeNote: 'x', rest: '{ "complexityBands": [' }));
    expect(badJson.body).toContain('The other parts of the pack are not valid JSON');
    expect(badJson.body).toContain('{ &quot;complexityBands&quot;: [');
    expect((await versionsOf('adult-hearing')).map((row) => row.version)).toEqual(upTo(HEARING_SEEDED));
  });

  it('shows each error inside its own field’s group, and a form opened afresh after a refusal shows the current version without them', async () => {
    const refused = await post(
      '/catalogue/adult-hearing/packs/new',
      edited({ changeNote: 'Ages', ageMin: 'fifty', 'kpi-0-withinDays': 'ten' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(
      /<span class="nhsuk-error-message" id="ageMin-error">[\s\S]*?<input[^>]*id="ageMin" name="ageMin"[^>]*value="fifty"/,
    );
    expect(refused.body).toMatch(/<input[^>]*id="ageMin"[^>]*aria-describedby="ageMin-error"/);
    expect(refused.body).toMatch(/id="kpi-0-withinDays-error"[\s\S]*?<input[^>]*name="kpi-0-withinDays"[^>]*value="ten"/);
    const afresh = await admin.get('/catalogue/adult-hearing/packs/new');
    expect(afresh.statusCode).toBe(200);
    expect(afresh.body).toMatch(/name="ageMin"[^>]*value="55"/);
    expect(afresh.body).not.toContain('nhsuk-error-message');
    expect(afresh.body).not.toContain('value="fifty"');
  });

  it('previews the changes against the current version field by field, then publishes them as the next version', async () => {
    const changed = await post(
      '/catalogue/adult-hearing/packs/new',
      edited({
        changeNote: 'Price set nationally; ages from 50.',
        tariffKind: 'national',
        price: '450.00',
        ageMin: '50',
        'kpi-0-thresholdPercent': '90',
        scope: `${HEARING.specification.scope} Home visits for housebound patients.`,
      }),
    );
    expect(changed.statusCode, changed.body.slice(0, 2000)).toBe(303);
    expect(changed.headers.location).toBe('/catalogue/adult-hearing/packs/preview');
    const preview = await admin.get('/catalogue/adult-hearing/packs/preview');
    expect(preview.statusCode).toBe(200);
    for (const text of [
      `Compared with version ${HEARING_SEEDED}`,
      'Price set nationally; ages from 50.',
      'Tariff: price',
      '£450.00',
      'Referral protocol: minimum age',
      'Key performance indicator “seen-within-16-working-days”: threshold (%)',
      'Specification: scope',
      `Publish version ${HEARING_SEEDED + 1}`,
    ])
      expect(preview.body).toContain(text);
    expect(preview.body).toMatch(/<ins><span class="nhsuk-u-visually-hidden">added: <\/span>[^<]*Home visits for housebound patients\./);
    expect(preview.body).not.toContain('Specification: outcomes');
    expect(await versionsOf('adult-hearing')).toHaveLength(HEARING_SEEDED);
    const back = await admin.get('/catalogue/adult-hearing/packs/new');
    expect(back.body).toMatch(/name="price"[^>]*value="450.00"/);

    const published = await admin.post('/catalogue/adult-hearing/packs/preview', [['_csrf', csrfTokenIn(preview.body)]]);
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/catalogue/adult-hearing');
    const versions = await versionsOf('adult-hearing');
    expect(versions.map((row) => row.version)).toEqual(upTo(HEARING_SEEDED + 1));
    expect(versions[HEARING_SEEDED]!.content).toMatchObject({
      tariff: { kind: 'national', pricePence: 45_000 },
      protocol: { ageMin: 50 },
      complexityBands: HEARING.complexityBands,
      sources: HEARING.sources,
    });
    expect(versions[HEARING_SEEDED - 1]!.content).toEqual(HEARING);
    const page = await admin.get('/catalogue/adult-hearing');
    expect(page.body).toContain(`Version ${HEARING_SEEDED + 1} of the implementation pack has been published`);
    expect(page.body).toContain('£450.00 per pathway');
  });

  it('starts the next form from the version just published, not from the form shown before it', async () => {
    const form = await admin.get('/catalogue/adult-hearing/packs/new');
    expect(form.body).toContain(`New version ${HEARING_SEEDED + 2} of the implementation pack`);
    expect(form.body).toContain(`The form starts from version ${HEARING_SEEDED + 1}.`);
    expect(form.body).toMatch(/name="ageMin"[^>]*value="50"/);
    expect(form.body).toMatch(/name="price"[^>]*value="450.00"/);
    expect(form.body).toMatch(/name="kpi-0-thresholdPercent"[^>]*value="90"/);
    expect(form.body).toMatch(/<textarea[^>]*name="changeNote"[^>]*><\/textarea>/);
  });

  it('refuses to publish over a version published after the preview, and shows the changes against it first', async () => {
    const base = packFormValues(NATIONAL_PACKS['mri']!.content);
    const changed = await post(
      '/catalogue/mri/packs/new',
      edited({ changeNote: 'Deadline of 5 working days.', acceptanceDeadlineWorkingDays: '5' }, base),
    );
    expect(changed.statusCode).toBe(303);
    await publishPackVersion(
      t.deps,
      await contextOf(t.deps.db, 'national.admin@aqp.example', 'national-admin'),
      'mri',
      { ...NATIONAL_PACKS['mri']!.content, tariff: { kind: 'indicative', pricePence: 12_000, note: 'Set elsewhere.' } },
      'Published through the API meanwhile',
    );
    const preview = await admin.get('/catalogue/mri/packs/preview');
    const stale = await admin.post('/catalogue/mri/packs/preview', [['_csrf', csrfTokenIn(preview.body)]]);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(`Version ${MRI_SEEDED + 1} of this pack was published after you began`);
    expect(stale.body).toContain(`Compared with version ${MRI_SEEDED + 1}`);
    expect((await versionsOf('mri')).map((row) => row.version)).toEqual(upTo(MRI_SEEDED + 1));
    const published = await admin.post('/catalogue/mri/packs/preview', [['_csrf', csrfTokenIn(stale.body)]]);
    expect(published.statusCode).toBe(303);
    expect((await versionsOf('mri')).map((row) => row.version)).toEqual(upTo(MRI_SEEDED + 2));
  });

  it('keeps pack publishing to national admins', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    expect((await commissioner.get('/catalogue/adult-hearing/packs/new')).statusCode).toBe(403);
    expect((await t.app.inject('/catalogue/adult-hearing/packs/new')).statusCode).toBe(303);
  });
});
