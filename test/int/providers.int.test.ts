import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aRegistrationForm, aSiteForm, insertTestPostcodes } from '../support/provider-fixtures.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';
import { hashInvitationToken } from '../../src/domains/providers/invitation.rules.ts';

const clock = movableToday('2027-02-01');

describe('provider registration, profile and sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    await insertTestPostcodes(t.deps.db);
  });
  afterAll(() => t.close());

  async function registeredAdmin(
    overrides: Record<string, string> = {},
    address = '10.0.0.1',
  ): Promise<{ client: WebClient; form: Record<string, string> }> {
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
      const profile = await t.deps.db
        .selectFrom('provider_profiles')
        .selectAll()
        .where('organisation_id', '=', organisation.id)
        .executeTakeFirstOrThrow();
      expect(profile).toMatchObject({ provider_type: 'independent', companies_house_number: '01234567', email: form.email });
      const membership = await t.deps.db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.role', 'u.email'])
        .where('m.organisation_id', '=', organisation.id)
        .execute();
      expect(membership).toEqual([{ role: 'provider-admin', email: form.adminEmail }]);
      const audit = await t.deps.db
        .selectFrom('audit_events')
        .select(['action', 'entity_id'])
        .where('action', '=', 'provider.register')
        .where('entity_id', '=', organisation.id)
        .execute();
      expect(audit).toHaveLength(1);
      const profilePage = await client.get('/provider/profile');
      expect(profilePage.statusCode).toBe(200);
      expect(profilePage.body).toContain(form.name);
    });

    it('shows every problem next to its field and creates nothing', async () => {
      const client = new WebClient(t.app, '10.0.0.3');
      const before = await t.deps.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const response = await client.submit(
        '/providers/register',
        aRegistrationForm({
          name: '',
          providerType: 'independent',
          companiesHouseNumber: '',
          adminPassword: 'short',
          odsCode: 'not an ods code',
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain('href="#name"');
      expect(response.body).toContain('Enter the Companies House number of an independent sector provider');
      expect(response.body).toContain('An ODS code is 3 to 6 letters and numbers');
      expect(response.body).toContain('href="#adminPassword"');
      const after = await t.deps.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses an ODS code or an email address that is already registered', async () => {
      const client = new WebClient(t.app, '10.0.0.4');
      const response = await client.submit(
        '/providers/register',
        aRegistrationForm({ odsCode: 'DEMO1', adminEmail: 'provider.admin@aqp.example' }),
      );
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
      for (let attempt = 0; attempt < 6; attempt += 1)
        statuses.push((await client.submit('/providers/register', aRegistrationForm({ name: '' }))).statusCode);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });
  });

  describe('profile', () => {
    it('lets a provider administrator change the profile and records it in the audit log', async () => {
      const { client, form } = await registeredAdmin({}, '10.0.1.1');
      const saved = await client.submit('/provider/profile', {
        ...form,
        name: `${form.name} Ltd`,
        description: 'Adult hearing assessments and hearing aids.',
      });
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
      const added = await client.submit(
        '/provider/sites/new',
        aSiteForm({ 'openingTimes-saturday-opens': '9:30', 'openingTimes-saturday-closes': '12.30' }),
      );
      expect(added.statusCode).toBe(303);
      const site = await t.deps.db
        .selectFrom('sites')
        .selectAll()
        .where('name', '=', 'Halifax audiology clinic')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(site).toMatchObject({
        postcode: 'HX1 1UJ',
        latitude: 53.72436,
        longitude: -1.8607,
        delivery_mode: 'clinic',
        accessibility: 'Step-free access and a hearing loop',
        phone: '01422 123456',
      });
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
      const response = await client.submit(
        '/provider/sites/new',
        aSiteForm({
          'openingTimes-monday-opens': '25:00',
          'openingTimes-tuesday-opens': '17:00',
          'openingTimes-tuesday-closes': '09:00',
          'openingTimes-wednesday-closes': '',
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#openingTimes-monday-opens"');
      expect(response.body).toContain('Tuesday must close after it opens');
      expect(response.body).toContain('Enter the time Wednesday closes');
    });

    it('changes a site, moves it to another postcode, refuses a duplicate name and closes it', async () => {
      const { client } = await registeredAdmin({}, '10.0.2.4');
      await client.submit('/provider/sites/new', aSiteForm({ name: 'Wakefield clinic', postcode: 'WF1 4DG' }));
      await client.submit('/provider/sites/new', aSiteForm({ name: 'Halifax clinic' }));
      const site = await t.deps.db
        .selectFrom('sites')
        .select('id')
        .where('name', '=', 'Halifax clinic')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const duplicate = await client.submit(`/provider/sites/${site.id}`, aSiteForm({ name: 'Wakefield clinic' }));
      expect(duplicate.body).toContain('You already have a site called Wakefield clinic');
      const moved = await client.submit(
        `/provider/sites/${site.id}`,
        aSiteForm({ name: 'Halifax clinic', postcode: 'WF1 4DG', deliveryMode: 'both' }),
      );
      expect(moved.statusCode).toBe(303);
      expect(
        await t.deps.db
          .selectFrom('sites')
          .select(['postcode', 'latitude', 'delivery_mode'])
          .where('id', '=', site.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ postcode: 'WF1 4DG', latitude: 53.69242, delivery_mode: 'both' });
      const closed = await client.submit(`/provider/sites/${site.id}`, {}, `/provider/sites/${site.id}/close`);
      expect(closed.statusCode).toBe(303);
      expect((await t.deps.db.selectFrom('sites').select('closed_on').where('id', '=', site.id).executeTakeFirstOrThrow()).closed_on).toBe(
        '2027-02-01',
      );
      const actions = await t.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', site.id)
        .orderBy('occurred_at')
        .execute();
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

  describe('invitations', () => {
    async function invite(admin: WebClient, form: Record<string, string>): Promise<string> {
      const created = await admin.submit('/provider/invitations', form);
      expect(created.statusCode, created.body.slice(0, 500)).toBe(201);
      return /\/invitations\/([A-Za-z0-9_-]{43})</.exec(created.body)![1]!;
    }

    it('invites a clinician with a single-use link, stores only its hash, tells the outbox, and lets the invitee join', async () => {
      const { client: admin } = await registeredAdmin({}, '10.0.3.1');
      const token = await invite(admin, { displayName: 'Carys Clinician', email: 'carys@brighouse.example', role: 'provider-clinician' });
      const stored = await t.deps.db
        .selectFrom('invitations')
        .selectAll()
        .where('email', '=', 'carys@brighouse.example')
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).toBe(hashInvitationToken(token));
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
      const message = await t.deps.db
        .selectFrom('outbox_messages')
        .select(['organisation_id', 'subject'])
        .where('entity_id', '=', stored.id)
        .executeTakeFirstOrThrow();
      expect(message).toEqual({ organisation_id: stored.organisation_id, subject: 'Invitation sent to carys@brighouse.example' });

      const invitee = new WebClient(t.app, '10.0.3.2');
      const page = await invitee.get(`/invitations/${token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Carys Clinician');
      expect((await invitee.submit(`/invitations/${token}`, { password: 'short' })).body).toContain(
        'Password must be 12 characters or more',
      );
      expect((await invitee.submit(`/invitations/${token}`, { password: 'clinician at the clinic' })).body).toContain(
        'Password must not include your name',
      );
      const joined = await invitee.submit(`/invitations/${token}`, { password: 'otter lantern kettle' });
      expect(joined.statusCode).toBe(303);
      expect((await invitee.signIn('carys@brighouse.example', 'otter lantern kettle')).statusCode).toBe(303);
      expect((await invitee.get('/provider/sites')).statusCode).toBe(200);
      expect((await invitee.get('/provider/sites/new')).statusCode).toBe(403);

      const again = await new WebClient(t.app, '10.0.3.3').get(`/invitations/${token}`);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('This invitation has already been used');
      const actions = await t.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', stored.id)
        .orderBy('occurred_at')
        .execute();
      expect(actions.map((row) => row.action)).toEqual(['invitation.create', 'invitation.accept']);
    });

    it('refuses expired and withdrawn links clearly, and links that never existed', async () => {
      const { client: admin } = await registeredAdmin({}, '10.0.3.4');
      const expiring = await invite(admin, { displayName: 'Late Larry', email: 'larry@brighouse.example', role: 'provider-clinician' });
      await t.deps.db
        .updateTable('invitations')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('email', '=', 'larry@brighouse.example')
        .execute();
      const expired = await new WebClient(t.app, '10.0.3.5').get(`/invitations/${expiring}`);
      expect(expired.statusCode).toBe(409);
      expect(expired.body).toContain('This invitation has expired');

      const withdrawn = await invite(admin, { displayName: 'Wendy Withdrawn', email: 'wendy@brighouse.example', role: 'provider-admin' });
      const invitation = await t.deps.db
        .selectFrom('invitations')
        .select('id')
        .where('email', '=', 'wendy@brighouse.example')
        .executeTakeFirstOrThrow();
      const invitee = new WebClient(t.app, '10.0.3.6');
      const form = await invitee.get(`/invitations/${withdrawn}`);
      expect((await admin.submit('/provider/invitations', {}, `/provider/invitations/${invitation.id}/revoke`)).statusCode).toBe(303);
      const refused = await invitee.post(`/invitations/${withdrawn}`, { _csrf: csrfTokenIn(form.body), password: 'wendy-long-password' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('This invitation has been withdrawn');
      expect(
        await t.deps.db.selectFrom('users').select('id').where('email', '=', 'wendy@brighouse.example').executeTakeFirst(),
      ).toBeUndefined();

      expect((await invitee.get('/invitations/not-a-real-token')).statusCode).toBe(404);
    });

    it('adds the membership to an existing account once its password is given', async () => {
      const { client: admin, form } = await registeredAdmin({}, '10.0.3.7');
      const token = await invite(admin, { displayName: 'Dr Rosa Referrer', email: 'referrer@aqp.example', role: 'provider-clinician' });
      const invitee = new WebClient(t.app, '10.0.3.8');
      expect((await invitee.get(`/invitations/${token}`)).body).toContain('You already have an AQP account');
      expect((await invitee.submit(`/invitations/${token}`, { password: 'not-the-password' })).body).toContain(
        'Enter the password of your existing AQP account',
      );
      expect((await invitee.submit(`/invitations/${token}`, { password: 'aqp-demo-password' })).statusCode).toBe(303);
      const memberships = await t.deps.db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['o.name', 'm.role'])
        .where('u.email', '=', 'referrer@aqp.example')
        .orderBy('m.role')
        .execute();
      expect(memberships).toContainEqual({ name: form.name, role: 'provider-clinician' });
      expect(memberships).toHaveLength(2);
    });

    it('shows the invitation form again, with the wait beside the password and Retry-After, while the existing account is locked', async () => {
      const { client: admin } = await registeredAdmin({}, '10.0.3.11');
      const token = await invite(admin, { displayName: 'Aled Assessor', email: 'assessor@aqp.example', role: 'provider-clinician' });
      const invitee = new WebClient(t.app, '10.0.3.12');
      for (let attempt = 1; attempt <= 5; attempt += 1)
        expect((await invitee.submit(`/invitations/${token}`, { password: `not the password ${attempt}` })).statusCode).toBe(400);
      const locked = await invitee.submit(`/invitations/${token}`, { password: 'aqp-demo-password' });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('60');
      expect(locked.body).toContain('Join ');
      expect(locked.body).toContain('href="#password"');
      expect(locked.body).toContain('There have been too many attempts to sign in with this email address. Wait 1 minute, then try again.');
    });

    it('lets only provider administrators invite, and refuses a colleague who already belongs', async () => {
      const clinician = new WebClient(t.app, '10.0.3.9');
      await clinician.signIn('clinician@aqp.example');
      expect((await clinician.get('/provider/invitations')).statusCode).toBe(403);
      const admin = new WebClient(t.app, '10.0.3.10');
      await admin.signIn('provider.admin@aqp.example');
      const refused = await admin.submit('/provider/invitations', {
        displayName: 'Callum',
        email: 'Clinician@aqp.example',
        role: 'provider-clinician',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('already belongs to your organisation');
    });
  });

  describe('through the API', () => {
    const register = (payload: object, remoteAddress = '10.0.4.1') =>
      t.app.inject({ method: 'POST', url: '/api/v1/provider-registrations', payload, remoteAddress });
    const aRegistration = (overrides: object = {}) => {
      const form = aRegistrationForm();
      return {
        name: form.name,
        providerType: 'voluntary',
        charityNumber: '1123456',
        email: form.email,
        admin: { displayName: 'Ava Api', email: form.adminEmail, password: form.adminPassword },
        ...overrides,
      };
    };

    async function providerToken(registration = aRegistration()): Promise<string> {
      expect((await register(registration, '10.0.4.2')).statusCode).toBe(201);
      const admin = new WebClient(t.app, '10.0.4.3');
      await admin.signIn(registration.admin.email!, registration.admin.password);
      return /id="api-key-token">([^<]+)</.exec(
        (await admin.submit('/api-keys', { name: 'Provider tools', role: 'provider-admin' })).body,
      )![1]!;
    }

    it('registers a provider and refuses a registration with problems, naming each field', async () => {
      const registered = await register(aRegistration({ odsCode: 'NX9' }));
      expect(registered.statusCode).toBe(201);
      expect(registered.json()).toEqual({ organisationId: expect.any(String), userId: expect.any(String) });
      const refused = await register(
        aRegistration({ odsCode: 'NX9', providerType: 'corporate', admin: { displayName: '', email: 'nobody', password: 'x' } }),
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual([
        'providerType',
        'adminDisplayName',
        'adminEmail',
        'adminPassword',
      ]);
      const duplicate = await register(aRegistration({ odsCode: 'nx9' }));
      expect(duplicate.json().errors).toEqual([
        { field: 'odsCode', message: 'An organisation with the ODS code NX9 is already registered' },
      ]);
    });

    it('reads and replaces the profile and adds, changes and closes sites with an API key', async () => {
      const token = await providerToken();
      const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      const profile = (await call('GET', '/api/v1/provider/profile')).json();
      expect(profile).toMatchObject({ providerType: 'voluntary', charityNumber: '1123456' });
      expect(
        (
          await call('PUT', '/api/v1/provider/profile', {
            ...profile,
            companiesHouseNumber: profile.companiesHouseNumber ?? undefined,
            website: 'https://www.example.org.uk',
            phone: undefined,
            description: 'Talking therapies',
          })
        ).statusCode,
      ).toBe(204);
      expect((await call('GET', '/api/v1/provider/profile')).json()).toMatchObject({
        website: 'https://www.example.org.uk',
        description: 'Talking therapies',
      });

      const site = {
        name: 'Wakefield talking therapies',
        address: '2 Westgate, Wakefield',
        postcode: 'WF1 4DG',
        deliveryMode: 'both',
        openingTimes: [{ day: 'monday', opens: '09:00', closes: '17:00' }],
      };
      const added = await call('POST', '/api/v1/provider/sites', site);
      expect(added.statusCode, added.body).toBe(201);
      const { id } = added.json();
      expect((await call('GET', '/api/v1/provider/sites')).json().items).toEqual([
        expect.objectContaining({
          id,
          postcode: 'WF1 4DG',
          latitude: 53.69242,
          longitude: -1.48856,
          deliveryMode: 'both',
          openingTimes: [{ day: 'monday', opens: '09:00', closes: '17:00' }],
          closedOn: null,
        }),
      ]);
      const unknown = await call('PUT', `/api/v1/provider/sites/${id}`, { ...site, postcode: 'WF1 9ZZ' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        { field: 'postcode', message: 'We cannot find the postcode WF1 9ZZ. Check it and try again.' },
      ]);
      const badHours = await call('PUT', `/api/v1/provider/sites/${id}`, {
        ...site,
        openingTimes: [{ day: 'funday', opens: '09:00', closes: '17:00' }],
      });
      expect(badHours.json().errors).toEqual([{ field: 'openingTimes', message: 'funday is not a day of the week' }]);
      expect((await call('PUT', `/api/v1/provider/sites/${id}`, { ...site, postcode: 'HX1 1UJ' })).statusCode).toBe(204);
      expect((await call('POST', `/api/v1/provider/sites/${id}/close`)).statusCode).toBe(204);
      const closedAgain = await call('POST', `/api/v1/provider/sites/${id}/close`);
      expect(closedAgain.statusCode).toBe(409);

      const demoSite = await t.deps.db
        .selectFrom('sites')
        .select('id')
        .where('name', '=', 'Halifax hearing clinic')
        .executeTakeFirstOrThrow();
      expect((await call('PUT', `/api/v1/provider/sites/${demoSite.id}`, site)).statusCode).toBe(404);
    });

    it('refuses profile and site changes without a key or with another role’s key', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/provider/profile' })).statusCode).toBe(401);
      const commissioner = new WebClient(t.app, '10.0.4.4');
      await commissioner.signIn('commissioner@aqp.example');
      const token = /id="api-key-token">([^<]+)</.exec(
        (await commissioner.submit('/api-keys', { name: 'Commissioning', role: 'commissioner' })).body,
      )![1]!;
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/provider/sites', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(403);
    });
  });
});
