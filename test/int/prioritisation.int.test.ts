import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { DEMO_RUN_TITLE, seedDemoPrioritisation } from '../../src/demo/prioritisation.demo-seed.ts';
import { findOrganisationByOdsCode, upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import type { Role } from '../../src/domains/identity/roles.rules.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn as csrfOf, WebClient } from '../support/web-client.ts';

/** The id of a long-list item on a page: its remove form, its option in a select, or its checkbox. */
function itemIdIn(html: string, name: string, kind: 'remove' | 'option' | 'checkbox' = 'remove'): string {
  const patterns = {
    remove: new RegExp(`long-list/([0-9a-f-]{36})/remove"[\\s\\S]{0,400}?Remove<span class="nhsuk-u-visually-hidden"> ${name}<`),
    option: new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${name}</option>`),
    checkbox: new RegExp(`value="([0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>\\s*${name}\\s*</label>`),
  };
  const match = patterns[kind].exec(html);
  if (!match) throw new Error(`No ${kind} for ${name} on the page`);
  return match[1]!;
}

describe('local engagement and prioritisation', () => {
  let t: TestApp;
  let commissionerKey: string;
  let humberKey: string;

  async function addPerson(
    email: string,
    role: Role,
    organisation: { odsCode: string; name: string; kind: 'commissioner' | 'region'; parentOds?: string },
  ) {
    const parent = organisation.parentOds ? await findOrganisationByOdsCode(t.deps.db, organisation.parentOds) : undefined;
    const { id } = await upsertOrganisation(t.deps.db, {
      odsCode: organisation.odsCode,
      name: organisation.name,
      kind: organisation.kind,
      parentId: parent?.id ?? null,
    });
    const userId = await insertUser(t.deps.db, { email, displayName: email, passwordHash: await hashPassword(DEMO_PASSWORD) });
    await insertMembership(t.deps.db, { userId, organisationId: id, role });
  }

  async function keyFor(email: string, role: Role): Promise<string> {
    const client = new WebClient(t.app);
    await client.signIn(email);
    const created = await client.submit('/api-keys', { name: `${email} tools`, role });
    return /id="api-key-token">([^<]+)</.exec(created.body)![1]!;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    await addPerson('humber@aqp.example', 'commissioner', {
      odsCode: 'QOQ',
      name: 'NHS Humber and North Yorkshire ICB',
      kind: 'commissioner',
      parentOds: 'Y63',
    });
    await addPerson('kirklees@aqp.example', 'commissioner', {
      odsCode: 'X2C4Y',
      name: 'NHS West Yorkshire ICB - X2C4Y',
      kind: 'commissioner',
      parentOds: 'QWO',
    });
    commissionerKey = await keyFor('commissioner@aqp.example', 'commissioner');
    humberKey = await keyFor('humber@aqp.example', 'commissioner');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, key = commissionerKey) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${key}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function startRun(title = 'West Yorkshire AQP 2012/13', members = ['QWO', '02T', 'X2C4Y', '03R']) {
    const created = await api('POST', '/prioritisation-runs', { title, yearLabel: '2012/13', members });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  it('takes a run from long list to an approved short list of three, notified to the region, through the API', async () => {
    const id = await startRun();
    let run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    expect(run.status).toBe('engagement');
    expect(run.longList.map((item: { serviceCode: string }) => item.serviceCode)).toContain('adult-hearing');
    expect(run.longList).toHaveLength(9);
    expect(run.members.map((member: { odsCode: string }) => member.odsCode).sort()).toEqual(['02T', '03R', 'QWO', 'X2C4Y']);
    expect(run.milestones.map((milestone: { dueOn: string }) => milestone.dueOn)).toEqual([
      '2011-09-30',
      '2011-10-31',
      '2011-10-31',
      '2011-11-01',
      '2012-04-01',
      '2012-09-30',
    ]);

    expect(
      (await api('POST', `/prioritisation-runs/${id}/items`, { name: 'Dermatology', description: 'Community dermatology' })).statusCode,
    ).toBe(201);
    expect((await api('POST', `/prioritisation-runs/${id}/items`, { name: 'dermatology' })).json().errors).toEqual([
      { field: 'name', message: 'dermatology is already on the long list' },
    ]);
    run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    const itemId = (code: string) =>
      run.longList.find((item: { serviceCode: string | null; name: string }) => item.serviceCode === code || item.name === code)
        .id as string;

    const imported = await api('POST', `/prioritisation-runs/${id}/responses/import`, {
      csv: 'service,group,priority,benefits,comment\nadult-hearing,Patients and carers,high,Shorter waits,\nDermatology,GPs,mid,Care closer to home,\npsychological-therapies,Health and Wellbeing Boards,high,Access,"Long waits, say LINks"\n',
    });
    expect(imported.json()).toEqual({ saved: 3 });
    expect(
      (
        await api('POST', `/prioritisation-runs/${id}/responses`, [
          { itemId: itemId('back-and-neck-pain'), group: 'Providers', priority: 'low', benefits: 'Choice' },
        ])
      ).statusCode,
    ).toBe(201);

    expect(
      (
        await api('PUT', `/prioritisation-runs/${id}/criteria`, [
          { kind: 'prioritisation', name: 'Patient and public views', weight: 40 },
          { kind: 'benefits', name: 'Improves access', weight: 60 },
        ])
      ).statusCode,
    ).toBe(204);
    run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    const [views, access] = run.criteria.map((criterion: { id: string }) => criterion.id);
    const scores = [
      ['adult-hearing', 5, 5],
      ['back-and-neck-pain', 4, 4],
      ['psychological-therapies', 4, 4],
      ['Dermatology', 2, 3],
    ].flatMap(([code, a, b]) => [
      { itemId: itemId(code as string), criterionId: views, score: a },
      { itemId: itemId(code as string), criterionId: access, score: b },
    ]);
    expect((await api('PUT', `/prioritisation-runs/${id}/scores`, scores)).statusCode).toBe(204);
    run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    const byName = (code: string) => run.longList.find((item: { id: string }) => item.id === itemId(code));
    expect(byName('adult-hearing')).toMatchObject({ score: 100, rank: 1, support: 3 });
    expect(byName('psychological-therapies')).toMatchObject({ score: 80, rank: 2, support: 3 });
    expect(byName('back-and-neck-pain')).toMatchObject({ score: 80, rank: 3, support: 1 });
    expect(byName('Dermatology')).toMatchObject({ score: 52, rank: 4 });

    const shortList = ['adult-hearing', 'back-and-neck-pain', 'psychological-therapies'].map(itemId);
    expect((await api('POST', `/prioritisation-runs/${id}/short-list`, { itemIds: shortList })).statusCode).toBe(204);
    expect(
      (await api('POST', `/prioritisation-runs/${id}/approval`, { boardName: 'Cluster Board', note: 'Agreed at the October meeting' }))
        .statusCode,
    ).toBe(204);
    const notified = await api('POST', `/prioritisation-runs/${id}/notification`);
    expect(notified.json()).toEqual({ regionName: 'NHS England North East and Yorkshire' });

    run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    expect(run.status).toBe('notified');
    expect(run.approval).toMatchObject({ boardName: 'Cluster Board', note: 'Agreed at the October meeting', recordedBy: null });
    expect(run.notification.organisation.name).toBe('NHS England North East and Yorkshire');
    expect(run.notification.text).toContain(
      '1. Adult hearing: score 100.0 out of 100, rank 1, stakeholder support 3.0 out of 3 from 1 responses',
    );
    expect(run.notification.text).toContain('3. MSK back and neck pain: score 80.0 out of 100, rank 3');
    expect(run.longList.filter((item: { isShortListed: boolean }) => item.isShortListed)).toHaveLength(3);

    const openApi = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/prioritisation-runs/{id}/short-list', '/api/v1/prioritisation-runs/{id}/milestones/{milestoneId}']),
    );
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_api_key_id'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'prioritisation.create',
      'prioritisation.item.add',
      'prioritisation.responses.import',
      'prioritisation.responses.add',
      'prioritisation.criteria.replace',
      'prioritisation.scores.set',
      'prioritisation.short-list',
      'prioritisation.approve',
      'prioritisation.notify',
    ]);
    expect(audit.every((row) => row.actor_api_key_id !== null)).toBe(true);
  });

  it('refuses a short list of fewer than three with a field error, and steps taken out of order with a coded 409', async () => {
    const id = await startRun('Out of order');
    const run = (await api('GET', `/prioritisation-runs/${id}`)).json();
    const [a, b, c] = run.longList.map((item: { id: string }) => item.id);
    expect((await api('POST', `/prioritisation-runs/${id}/approval`, { boardName: 'Board' })).json()).toMatchObject({
      status: 409,
      code: 'invalid-transition',
    });
    expect((await api('POST', `/prioritisation-runs/${id}/notification`)).json()).toMatchObject({
      status: 409,
      code: 'invalid-transition',
    });
    const tooFew = await api('POST', `/prioritisation-runs/${id}/short-list`, { itemIds: [a, b] });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().errors).toEqual([{ field: 'items', message: 'Choose at least 3 services for the short list (you chose 2)' }]);
    expect((await api('GET', `/prioritisation-runs/${id}`)).json().status).toBe('engagement');
    expect((await api('POST', `/prioritisation-runs/${id}/short-list`, { itemIds: [a, b, c] })).statusCode).toBe(204);
    const late = await api('POST', `/prioritisation-runs/${id}/items`, { name: 'Cataracts' });
    expect(late.json()).toMatchObject({
      status: 409,
      code: 'invalid-transition',
      detail: expect.stringContaining('only change during engagement'),
    });
    expect((await api('DELETE', `/prioritisation-runs/${id}/items/${a}`)).statusCode).toBe(409);
    expect((await api('POST', `/prioritisation-runs/${id}/notification`)).statusCode).toBe(409);
    const [first] = (await api('GET', `/prioritisation-runs/${id}`)).json().milestones;
    expect((await api('PATCH', `/prioritisation-runs/${id}/milestones/${first.id}`, { status: 'finished' })).json().errors).toEqual([
      { field: 'status', message: 'Select not started, in progress or done' },
    ]);
    expect(
      (await api('PATCH', `/prioritisation-runs/${id}/milestones/${first.id}`, { status: 'done', completedOn: '2011-10-09' })).statusCode,
    ).toBe(204);
    const milestone = (await api('GET', `/prioritisation-runs/${id}`))
      .json()
      .milestones.find((entry: { id: string }) => entry.id === first.id);
    expect(milestone).toMatchObject({ status: 'done', completedOn: '2011-10-09', dueOn: '2011-09-30', overdue: false });
    const unfinished = (await api('GET', `/prioritisation-runs/${id}`))
      .json()
      .milestones.find((entry: { status: string }) => entry.status !== 'done');
    expect(unfinished.overdue).toBe(true);
  });

  it('saves nothing from a CSV with bad rows and names each bad row and its reason', async () => {
    const id = await startRun('CSV checks');
    const csv =
      'service,group,priority,benefits,comment\nadult-hearing,Patients,high,,\nno-such-service,GPs,mid,,\npodiatry,,urgent,,\ncontinence,Staff,low,,\n';
    const response = await api('POST', `/prioritisation-runs/${id}/responses/import`, { csv });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: 'csv',
        message: 'Row 3: "no-such-service" is not on the long list (use a national service code or a local candidate’s name)',
      },
      { field: 'csv', message: 'Row 4: the stakeholder group is empty; the priority "urgent" is not high, mid or low' },
    ]);
    expect((await api('GET', `/prioritisation-runs/${id}`)).json().responses).toEqual([]);
    const noHeader = await api('POST', `/prioritisation-runs/${id}/responses/import`, { csv: 'adult-hearing,Patients,high\n' });
    expect(noHeader.json().errors[0].message).toContain('Row 1: unknown column "adult-hearing"');
  });

  it('keeps runs to their commissioners: another ICB gets 404, a member sub-ICB sees it, a provider gets 403', async () => {
    const id = await startRun('Private to West Yorkshire');
    expect((await api('GET', `/prioritisation-runs/${id}`, undefined, humberKey)).statusCode).toBe(404);
    expect((await api('POST', `/prioritisation-runs/${id}/items`, { name: 'Stolen' }, humberKey)).statusCode).toBe(404);
    expect((await api('GET', '/prioritisation-runs', undefined, humberKey)).json().total).toBe(0);
    const humber = new WebClient(t.app);
    await humber.signIn('humber@aqp.example');
    expect((await humber.get(`/prioritisation/${id}`)).statusCode).toBe(404);
    const kirklees = new WebClient(t.app);
    await kirklees.signIn('kirklees@aqp.example');
    expect((await kirklees.get(`/prioritisation/${id}`)).statusCode).toBe(200);
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    expect((await provider.get('/prioritisation')).statusCode).toBe(403);
    expect((await provider.get(`/prioritisation/${id}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/prioritisation-runs/${id}` })).statusCode).toBe(401);
    const foreignMember = await api('POST', '/prioritisation-runs', { title: 'x', yearLabel: '2013/14', members: ['QOQ'] });
    expect(foreignMember.json().errors).toEqual([
      { field: 'members', message: 'QOQ is not your organisation or one of its sub-ICB locations' },
    ]);
  });

  it('runs the same journey in the browser: forms with errors beside the fields, CSV paste, scores grid, short list, approval, notification', async () => {
    const chloe = new WebClient(t.app);
    await chloe.signIn('commissioner@aqp.example');
    const blank = await chloe.submit('/prioritisation/new', { title: '', yearLabel: '2012' });
    expect(blank.statusCode).toBe(400);
    for (const text of [
      '<title>Error: Start a prioritisation',
      'Enter a title for the prioritisation',
      'Enter the plan year like 2012/13',
      'Select the commissioners taking part',
    ])
      expect(blank.body).toContain(text);
    const form = await chloe.get('/prioritisation/new');
    const memberIds = [...form.body.matchAll(/name="members" type="checkbox" value="([^"]+)"/g)].map((match) => match[1]!);
    expect(memberIds).toHaveLength(4);
    const created = await chloe.post('/prioritisation/new', [
      ['_csrf', csrfOf(form.body)],
      ['title', 'Browser run'],
      ['yearLabel', '2026/27'],
      ...memberIds.map((id): [string, string] => ['members', id]),
      ['phases', '2012-13-priority'],
    ]);
    expect(created.statusCode).toBe(303);
    const runUrl = created.headers.location as string;
    const overview = await chloe.get(runUrl);
    expect(overview.body).toContain('Browser run has been started');
    expect(overview.body).toContain('30 September 2025');

    expect((await chloe.submit(`${runUrl}/long-list`, { add: 'local', name: '' })).body).toContain(
      'Enter the name of the local candidate service',
    );
    expect(
      (await chloe.submit(`${runUrl}/long-list`, { add: 'local', name: 'Cataracts', description: 'Any Willing Provider in Wakefield' }))
        .statusCode,
    ).toBe(303);
    expect((await chloe.submit(`${runUrl}/long-list`, { add: 'national', serviceCode: 'dermatology' })).statusCode).toBe(303);
    const longList = await chloe.get(`${runUrl}/long-list`);
    expect(longList.body).toContain('Cataracts');
    const mriId = itemIdIn(longList.body, 'MRI');
    expect((await chloe.post(`${runUrl}/long-list/${mriId}/remove`, { _csrf: csrfOf(longList.body) })).statusCode).toBe(303);
    expect((await chloe.get(`${runUrl}/long-list`)).body).not.toContain('Remove<span class="nhsuk-u-visually-hidden"> MRI');

    const badCsv = await chloe.submit(
      `${runUrl}/responses`,
      { csv: 'service,group,priority\ncataracts,GPs,high\nmri,GPs,high\nadult-hearing,GPs,top\n' },
      `${runUrl}/responses/import`,
    );
    expect(badCsv.statusCode).toBe(400);
    for (const text of [
      'No responses were saved.',
      'Row 3: &quot;mri&quot; is not on the long list',
      'Row 4: the priority &quot;top&quot; is not high, mid or low',
    ])
      expect(badCsv.body).toContain(text);
    expect((await chloe.get(`${runUrl}/responses`)).body).toContain('No responses have been recorded yet.');
    const goodCsv = await chloe.submit(
      `${runUrl}/responses`,
      { csv: 'service,group,priority,benefits\ncataracts,GPs,high,Shorter waits\nadult-hearing,Patients,high,Choice\n' },
      `${runUrl}/responses/import`,
    );
    expect(goodCsv.statusCode).toBe(303);
    const responsesPage = await chloe.get(`${runUrl}/responses`);
    expect(responsesPage.body).toContain('2 responses have been imported.');
    expect((await chloe.submit(`${runUrl}/responses`, { itemId: '', group: '', priority: '' })).body).toContain(
      'Select high, mid or low priority',
    );
    expect(
      (
        await chloe.submit(`${runUrl}/responses`, {
          itemId: itemIdIn(responsesPage.body, 'Podiatry', 'option'),
          group: 'Local Medical Committee',
          priority: 'mid',
        })
      ).statusCode,
    ).toBe(303);

    expect((await chloe.submit(`${runUrl}/criteria`, { kind: 'benefits', name: 'Improves access', weight: '101' })).body).toContain(
      'Enter a weight as a whole number from 1 to 100',
    );
    expect((await chloe.submit(`${runUrl}/criteria`, { kind: 'benefits', name: 'Improves access', weight: '60' })).statusCode).toBe(303);
    expect(
      (await chloe.submit(`${runUrl}/criteria`, { kind: 'prioritisation', name: 'Patient and public views', weight: '40' })).statusCode,
    ).toBe(303);
    const criteriaPage = await chloe.get(`${runUrl}/criteria`);
    const cells = [
      ...criteriaPage.body.matchAll(
        /<label class="nhsuk-label nhsuk-u-visually-hidden" for="(score__[^"]+)">Score of ([^<]+) for ([^<]+)<\/label>/g,
      ),
    ].map((match) => ({ name: match[1]!, item: match[2]!, criterion: match[3]! }));
    const scoreFor: Record<string, string> = { 'Adult hearing': '5', Cataracts: '4', Podiatry: '3' };
    const bad = await chloe.post(`${runUrl}/scores`, {
      _csrf: csrfOf(criteriaPage.body),
      ...Object.fromEntries(cells.map((cell) => [cell.name, cell.item === 'Podiatry' ? '9' : (scoreFor[cell.item] ?? '')])),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the score of Podiatry for Improves access as a whole number from 0 to 5');
    expect(bad.body).toContain('value="9"');
    const saved = await chloe.post(`${runUrl}/scores`, {
      _csrf: csrfOf(criteriaPage.body),
      ...Object.fromEntries(cells.map((cell) => [cell.name, scoreFor[cell.item] ?? ''])),
    });
    expect(saved.statusCode).toBe(303);

    const shortListPage = await chloe.get(`${runUrl}/short-list`);
    expect(shortListPage.body).toMatch(/Adult hearing[\s\S]*Rank 1, score 100.0 out of 100/);
    const [hearing, cataracts, podiatry] = ['Adult hearing', 'Cataracts', 'Podiatry'].map((name) =>
      itemIdIn(shortListPage.body, name, 'checkbox'),
    );
    const two = await chloe.post(`${runUrl}/short-list`, [
      ['_csrf', csrfOf(shortListPage.body)],
      ['items', hearing!],
      ['items', cataracts!],
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.body).toContain('Choose at least 3 services for the short list (you chose 2)');
    expect(
      (
        await chloe.post(`${runUrl}/short-list`, [
          ['_csrf', csrfOf(shortListPage.body)],
          ['items', hearing!],
          ['items', cataracts!],
          ['items', podiatry!],
        ])
      ).statusCode,
    ).toBe(303);
    expect((await chloe.submit(`${runUrl}/approval`, { boardName: '' })).body).toContain('Enter the name of the board');
    expect((await chloe.submit(`${runUrl}/approval`, { boardName: 'Cluster Board', note: 'October meeting' })).statusCode).toBe(303);
    const preview = await chloe.get(`${runUrl}/notification`);
    expect(preview.body).toContain('NHS England North East and Yorkshire');
    expect(preview.body).toContain('1. Adult hearing: score 100.0 out of 100');
    expect((await chloe.post(`${runUrl}/notification`, { _csrf: csrfOf(preview.body) })).statusCode).toBe(303);
    const done = await chloe.get(runUrl);
    expect(done.body.slice(done.body.indexOf('<main'), done.body.indexOf('</main>'))).toContain(
      'NHS England North East and Yorkshire has been notified of the short list.',
    );
    expect(done.body).toContain('Cluster Board');
    expect(done.body).toContain('Chloe Commissioner');

    const milestoneUrl = /href="(\/prioritisation\/[^"]+\/milestones\/[^"]+)"/.exec(done.body)![1]!;
    const badDate = await chloe.submit(milestoneUrl, { status: 'done', 'dueOn[day]': '31', 'dueOn[month]': '2', 'dueOn[year]': '2025' });
    expect(badDate.body).toContain('Enter a real due date');
    expect(badDate.body).toContain('href="#dueOn-day"');
    expect(
      (
        await chloe.submit(milestoneUrl, {
          status: 'done',
          'dueOn[day]': '30',
          'dueOn[month]': '9',
          'dueOn[year]': '2025',
          'completedOn[day]': '29',
          'completedOn[month]': '9',
          'completedOn[year]': '2025',
        })
      ).statusCode,
    ).toBe(303);
    expect((await chloe.get(runUrl)).body).toContain('29 September 2025');

    const audit = await t.deps.db
      .selectFrom('audit_events as a')
      .innerJoin('users as u', 'u.id', 'a.actor_user_id')
      .select(['a.action', 'u.email'])
      .where('a.entity_id', '=', runUrl.split('/').pop()!)
      .where('a.action', 'like', 'prioritisation.%')
      .orderBy('a.id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'prioritisation.create',
      'prioritisation.item.add',
      'prioritisation.item.add',
      'prioritisation.item.remove',
      'prioritisation.responses.import',
      'prioritisation.responses.add',
      'prioritisation.criteria.replace',
      'prioritisation.criteria.replace',
      'prioritisation.scores.set',
      'prioritisation.short-list',
      'prioritisation.approve',
      'prioritisation.notify',
      'prioritisation.milestone.update',
    ]);
    expect(new Set(audit.map((row) => row.email))).toEqual(new Set(['commissioner@aqp.example']));
  });

  it('shows a regional reviewer the runs notified to their region, read only, and nothing else', async () => {
    const notifiedId = await startRun('Notified run');
    const quiet = await startRun('Not notified yet');
    const items = (await api('GET', `/prioritisation-runs/${notifiedId}`))
      .json()
      .longList.slice(0, 3)
      .map((item: { id: string }) => item.id);
    await api('POST', `/prioritisation-runs/${notifiedId}/short-list`, { itemIds: items });
    await api('POST', `/prioritisation-runs/${notifiedId}/approval`, { boardName: 'ICB Board' });
    await api('POST', `/prioritisation-runs/${notifiedId}/notification`);
    const reviewer = new WebClient(t.app);
    await reviewer.signIn('regional.reviewer@aqp.example');
    const list = await reviewer.get('/prioritisation');
    expect(list.body).toContain('Priorities notified to your region');
    expect(list.body).toContain('Notified run');
    expect(list.body).not.toContain('Not notified yet');
    const page = await reviewer.get(`/prioritisation/${notifiedId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Notification sent to NHS England North East and Yorkshire');
    expect(page.body).not.toContain('/milestones/');
    expect((await reviewer.get(`/prioritisation/${quiet}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/prioritisation/${notifiedId}/approval`)).statusCode).toBe(403);
  });

  it('seeds the Calderdale, Kirklees and Wakefield 2011 run once: long list, responses, scores, short list of three approved and notified to Y63', async () => {
    await seedDemoPrioritisation(t.deps);
    await seedDemoPrioritisation(t.deps);
    const runs = await t.deps.db.selectFrom('prioritisation_runs').select('id').where('title', '=', DEMO_RUN_TITLE).execute();
    expect(runs).toHaveLength(1);
    const run = (await api('GET', `/prioritisation-runs/${runs[0]!.id}`)).json();
    expect(run).toMatchObject({
      status: 'notified',
      yearLabel: '2012/13',
      organisation: { name: 'NHS West Yorkshire Integrated Care Board' },
      approval: { boardName: 'Cluster Board', approvedAt: '2011-10-31T10:00:00.000Z' },
    });
    expect(run.members.map((member: { odsCode: string }) => member.odsCode).sort()).toEqual(['02T', '03R', 'X2C4Y']);
    expect(
      run.longList
        .filter((item: { isLocal: boolean }) => item.isLocal)
        .map((item: { name: string }) => item.name)
        .sort(),
    ).toEqual(['Cataracts', 'Community Ultrasound', 'Dermatology', 'Phlebotomy', 'WY Sexual Assault Referral Centre']);
    const top = run.longList.slice(0, 3);
    expect(top.map((item: { serviceCode: string }) => item.serviceCode).sort()).toEqual([
      'adult-hearing',
      'back-and-neck-pain',
      'psychological-therapies',
    ]);
    expect(top.every((item: { isShortListed: boolean }) => item.isShortListed)).toBe(true);
    expect(new Set(run.responses.map((response: { group: string }) => response.group))).toContain(
      'Greater Huddersfield Commissioning Consortium',
    );
    expect(run.notification.organisation.name).toBe('NHS England North East and Yorkshire');
    expect(
      run.milestones.every((milestone: { status: string; overdue: boolean }) => milestone.status === 'done' && !milestone.overdue),
    ).toBe(true);
    const reviewer = new WebClient(t.app);
    await reviewer.signIn('regional.reviewer@aqp.example');
    expect((await reviewer.get('/prioritisation')).body).toContain(DEMO_RUN_TITLE);
  });
});
