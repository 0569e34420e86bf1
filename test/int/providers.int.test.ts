import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aRegistrationForm, aSiteForm, insertTestPostcodes } from '../support/provider-fixtures.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

describe('provider registration, profile and sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
    await insertTestPostcodes(t.deps.db);
  });
  afterAll(() => t.close());

  async function registeredAdmin(overrides: Record<string, string> = {}, address = '10.0.0.1'): Promise<{ client: WebClient; form: Record<string, string> }> {
    const form = aRegistrationForm(overrides);
    const client = new WebClient(t.app, address);
    const registered = await client.submit('/providers/register', form);
    expect(registered.statusCode).toBe(303);
    expect(registered.headers.location).toBe('/sign-in?returnTo=%2Fprovider%2Fprofile');
    expect((await client.signIn(form.adminEmail!, form.adminPassword)).statusCode).toBe(303);
    return { client, form };
  }

  describe('registration', () => {
    it('registers an independent provider with its profile and first administrator, audited, and lets the administrator sign in', async () => {
      const { client, form } = await registeredAdmin({ odsCode: 'nx1' }, '10.0.0.2');
      const organisation = await t.deps.db.selectFrom('organisations').selectAll().where('ods_code', '=', 'NX1').executeTakeFirstOrThrow();
      expect(organisation).toMatchObject({ name: form.name, kind: 'provider' });
      const profile = await t.deps.db.selectFrom('provider_profiles').selectAll().where('organisation_id', '=', organisation.id).executeTakeFirstOrThrow();
      expect(profile).toMatchObject({ provider_type: 'independent', companies_house_number: '01234567', email: form.email });
      const membership = await t.deps.db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.role', 'u.email']).where('m.organisation_id', '=', organisation.id).execute();
      expect(membership).toEqual([{ role: 'provider-admin', email: form.adminEmail }]);
      const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'provider.register').where('entity_id', '=', organisation.id).execute();
      expect(audit).toHaveLength(1);
      const profilePage = await client.get('/provider/profile');
      expect(profilePage.statusCode).toBe(200);
      expect(profilePage.body).toContain(form.name);
    });

    it('shows every problem next to its field and creates nothing', async () => {
      const client = new WebClient(t.app, '10.0.0.3');
      const before = await t.deps.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const response = await client.submit('/providers/register', aRegistrationForm({ name: '', providerType: 'independent', companiesHouseNumber: '', adminPassword: 'short', odsCode: 'not an ods code' }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain('href="#name"');
      expect(response.body).toContain('Enter the Companies House number of an independent sector provider');
      expect(response.body).toContain('An ODS code is 3 to 6 letters and numbers');
      expect(response.body).toContain('href="#adminPassword"');
      const after = await t.deps.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses an ODS code or an email address that is already registered', async () => {
      const client = new WebClient(t.app, '10.0.0.4');
      const response = await client.submit('/providers/register', aRegistrationForm({ odsCode: 'DEMO1', adminEmail: 'provider.admin@aqp.example' }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('An organisation with the ODS code DEMO1 is already registered');
      expect(response.body).toContain('An account with this email address already exists');
    });

    it('lets a voluntary provider register with a charity number and no company number', async () => {
      await registeredAdmin({ providerType: 'voluntary', companiesHouseNumber: '', charityNumber: '1123456' }, '10.0.0.5');
    });

    it('limits registrations from one address to five in ten minutes', async () => {
      const client = new WebClient(t.app, '10.0.0.6');
      const statuses = [];
      for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await client.submit('/providers/register', aRegistrationForm({ name: '' }))).statusCode);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });
  });

  describe('profile', () => {
    it('lets a provider administrator change the profile and records it in the audit log', async () => {
      const { client, form } = await registeredAdmin({}, '10.0.1.1');
      const saved = await client.submit('/provider/profile', { ...form, name: `${form.name} Ltd`, description: 'Adult hearing assessments and hearing aids.' });
      expect(saved.statusCode).toBe(303);
      const page = await client.get('/provider/profile');
      expect(page.body).toContain(`${form.name} Ltd`);
      expect(page.body).toContain('Adult hearing assessments and hearing aids.');
    });

    it('shows the profile to a clinician but refuses their changes', async () => {
      const clinician = new WebClient(t.app);
      await clinician.signIn('clinician@aqp.example');
      const page = await clinician.get('/provider/profile');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Only your organisation’s provider administrators can change the profile');
      const refused = await clinician.post('/provider/profile', { name: 'Taken over' });
      expect(refused.statusCode).toBe(403);
    });

    it('refuses people who do not work for a provider', async () => {
      const commissioner = new WebClient(t.app);
      await commissioner.signIn('commissioner@aqp.example');
      expect((await commissioner.get('/provider/profile')).statusCode).toBe(403);
    });
  });

  describe('sites', () => {
    it('adds a site at a real postcode with its coordinates, delivery mode, accessibility and opening times', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.1');
      const added = await client.submit('/provider/sites/new', aSiteForm({ 'openingTimes-saturday-opens': '9:30', 'openingTimes-saturday-closes': '12.30' }));
      expect(added.statusCode).toBe(303);
      const site = await t.deps.db.selectFrom('sites').selectAll().where('name', '=', 'Halifax audiology clinic').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(site).toMatchObject({ postcode: 'HX1 1UJ', latitude: 53.72436, longitude: -1.8607, delivery_mode: 'clinic', accessibility: 'Step-free access and a hearing loop', phone: '01422 123456' });
      expect(site.opening_times).toContainEqual({ day: 'saturday', opens: '09:30', closes: '12:30' });
      expect(site.opening_times).toHaveLength(6);
      const list = await client.get('/provider/sites');
      expect(list.body).toContain('Halifax audiology clinic');
      expect(list.body).toContain('Saturday 09:30 to 12:30');
    });

    it('puts an unknown or closed postcode’s problem next to the postcode field', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.2');
      const unknown = await client.submit('/provider/sites/new', aSiteForm({ postcode: 'HX9 9ZZ' }));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('href="#postcode"');
      expect(unknown.body).toContain('We cannot find the postcode HX9 9ZZ');
      const closed = await client.submit('/provider/sites/new', aSiteForm({ postcode: 'HX1 1ZZ' }));
      expect(closed.statusCode).toBe(400);
      expect(closed.body).toContain('The postcode HX1 1ZZ is no longer in use');
      const malformed = await client.submit('/provider/sites/new', aSiteForm({ postcode: 'HX1' }));
      expect(malformed.body).toContain('Enter a full postcode');
    });

    it('refuses opening times that are not times or close before they open', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.3');
      const response = await client.submit('/provider/sites/new', aSiteForm({ 'openingTimes-monday-opens': '25:00', 'openingTimes-tuesday-opens': '17:00', 'openingTimes-tuesday-closes': '09:00', 'openingTimes-wednesday-closes': '' }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#openingTimes-monday-opens"');
      expect(response.body).toContain('Tuesday must close after it opens');
      expect(response.body).toContain('Enter the time Wednesday closes');
    });

    it('changes a site, moves it to another postcode, refuses a duplicate name and closes it', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.4');
      await client.submit('/provider/sites/new', aSiteForm({ name: 'Wakefield clinic', postcode: 'WF1 4DG' }));
      await client.submit('/provider/sites/new', aSiteForm({ name: 'Halifax clinic' }));
      const site = await t.deps.db.selectFrom('sites').select('id').where('name', '=', 'Halifax clinic').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      const duplicate = await client.submit(`/provider/sites/${site.id}`, aSiteForm({ name: 'Wakefield clinic' }));
      expect(duplicate.body).toContain('You already have a site called Wakefield clinic');
      const moved = await client.submit(`/provider/sites/${site.id}`, aSiteForm({ name: 'Halifax clinic', postcode: 'WF1 4DG', deliveryMode: 'both' }));
      expect(moved.statusCode).toBe(303);
      expect(await t.deps.db.selectFrom('sites').select(['postcode', 'latitude', 'delivery_mode']).where('id', '=', site.id).executeTakeFirstOrThrow()).toEqual({ postcode: 'WF1 4DG', latitude: 53.69242, delivery_mode: 'both' });
      const closed = await client.submit(`/provider/sites/${site.id}`, {}, `/provider/sites/${site.id}/close`);
      expect(closed.statusCode).toBe(303);
      expect((await t.deps.db.selectFrom('sites').select('closed_on').where('id', '=', site.id).executeTakeFirstOrThrow()).closed_on).toBe('2027-02-01');
      const actions = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', site.id).orderBy('occurred_at').execute();
      expect(actions.map((row) => row.action)).toEqual(['site.add', 'site.change', 'site.close']);
    });

    it('hides another provider’s site and lets clinicians read but not add sites', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.5');
      await client.submit('/provider/sites/new', aSiteForm({ name: 'Private clinic' }));
      const site = await t.deps.db.selectFrom('sites').select('id').where('name', '=', 'Private clinic').executeTakeFirstOrThrow();
      const otherAdmin = new WebClient(t.app);
      await otherAdmin.signIn('provider.admin@aqp.example');
      expect((await otherAdmin.get(`/provider/sites/${site.id}`)).statusCode).toBe(404);
      const clinician = new WebClient(t.app);
      await clinician.signIn('clinician@aqp.example');
      expect((await clinician.get('/provider/sites')).body).toContain('Halifax hearing clinic');
      expect((await clinician.get('/provider/sites/new')).statusCode).toBe(403);
    });
  });
});
