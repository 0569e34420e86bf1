import { describe, expect, it } from 'vitest';
import { runKpis } from '../../src/domains/provider-quality/kpi-run.service.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aKpiReferral, aMeasuredOffer } from '../support/kpi-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';

const clock = movableToday('2027-02-10');
const SYSTEM = { principal: null, clientAddress: null };

describe('a KPI breach in Chromium', () => {
  const session = useServerAndBrowser('region', clock);

  // axe needs JavaScript; the same forms post as plain forms without it (test/int/breach-pages.int.test.ts).
  it('takes a hearing provider at 80% (8 of 10) against 90% from breach to suspension, each step audited and messaged, every page accessible', async () => {
    const { deps, baseUrl } = session.server;
    // The ICB's hearing offer at its own 90% threshold since December; 10 patients referred on 17 December 2026, 8 first seen
    // on the 16th working day after (13 January 2027: Christmas, Boxing Day's substitute and New Year's Day are not working days).
    clock.setToday('2026-12-01');
    const world = await aMeasuredOffer(deps, 'adult-hearing', ['DEMO1'], clock.today(), 'QWO');
    const set = await fetch(`${baseUrl}/api/v1/offers/${world.offerId}/kpis/seen-within-16-working-days`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await tokenFor(deps, world.commissionerId, 'commissioner')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ thresholdPercent: 90, reason: 'Local waiting-time ambition' }),
    });
    expect(set.status).toBe(204);
    for (let index = 0; index < 8; index += 1)
      await aKpiReferral(deps, world, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-13' }] });
    await aKpiReferral(deps, world, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-14' }] });
    await aKpiReferral(deps, world, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-05', attended: false }] });
    clock.setToday('2027-02-10');
    const run = await runKpis(deps, SYSTEM, { endMonth: '2027-01', trigger: 'on-demand' });
    const [breachId] = run.breachesOpened;
    expect(run.breachesOpened).toHaveLength(1);
    const listingId = world.providers.DEMO1!.listingId;

    const commissioner = await signedInPage(session, 'commissioner@aqp.example');
    await commissioner.goto(`${baseUrl}/quality/breaches?state=open`);
    await expectAccessible(commissioner);
    await commissioner.getByRole('link', { name: /^BR-/ }).first().click();
    expect(await commissioner.locator('main').textContent()).toContain('80.0% (8 of 10) against at least 90%');
    await expectAccessible(commissioner);
    await commissioner.getByRole('button', { name: 'Issue the notice' }).click();
    expect(await commissioner.getByRole('alert').textContent()).toContain('Write the notice');
    await expectAccessible(commissioner);
    await commissioner.getByLabel('Contract performance notice').fill('Only 80% of patients were seen within 16 working days in January.');
    await commissioner.getByRole('button', { name: 'Issue the notice' }).click();
    expect(await commissioner.locator('.nhsuk-notification-banner--success').textContent()).toContain('respond by 2027-02-17');
    await expectAccessible(commissioner);
    const breachUrl = commissioner.url();

    const provider = await signedInPage(session, 'provider.admin@aqp.example');
    await provider.goto(breachUrl);
    await expectAccessible(provider);
    await provider.getByLabel('Your response').fill('An audiologist left; a locum starts this month and we will add Saturday clinics.');
    await provider.getByRole('button', { name: 'Send the response' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('Response sent');

    clock.setToday('2027-02-12');
    await commissioner.goto(breachUrl);
    await commissioner.getByLabel('Milestone 1', { exact: true }).fill('Saturday clinics running');
    await commissioner.locator('[id="plan-milestones.0.dueOn-day"]').fill('1');
    await commissioner.locator('[id="plan-milestones.0.dueOn-month"]').fill('3');
    await commissioner.locator('[id="plan-milestones.0.dueOn-year"]').fill('2027');
    await commissioner.getByRole('button', { name: 'Record the plan' }).click();
    expect(await commissioner.locator('.nhsuk-notification-banner--success').textContent()).toContain('Remedial action plan recorded');
    await expectAccessible(commissioner);

    clock.setToday('2027-03-02');
    await commissioner.goto(breachUrl);
    await commissioner.getByLabel('Missed').check();
    await commissioner.getByRole('button', { name: 'Record milestone 1' }).click();
    await commissioner.getByLabel('Escalate the breach').fill('The Saturday clinics did not start by 1 March.');
    await commissioner.getByRole('button', { name: 'Escalate the breach' }).click();
    await expectAccessible(commissioner);
    await commissioner.getByLabel('Suspend the provider’s listing').fill('Patients are waiting too long for a first appointment.');
    await commissioner.getByRole('button', { name: 'Suspend the listing' }).click();
    expect(await commissioner.locator('main .nhsuk-tag').first().textContent()).toContain('Listing suspended');
    expect(await commissioner.locator('main').textContent()).toContain('Milestone missed');
    await expectAccessible(commissioner);

    const listing = await deps.db.selectFrom('listings').select('status').where('id', '=', listingId).executeTakeFirstOrThrow();
    expect(listing.status).toBe('suspended');
    const audit = await deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [breachId!, listingId])
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'breach.open',
      'breach.notice',
      'breach.response',
      'breach.plan',
      'breach.milestone-missed',
      'breach.escalate',
      'listing.suspended',
      'breach.suspend',
    ]);
    const outbox = await deps.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('entity_id', 'in', [breachId!, listingId])
      .orderBy('created_at')
      .execute();
    expect(outbox.map((message) => message.subject)).toEqual([
      expect.stringMatching(/^KPI breach BR-\d+: Seen within 16 working days of referral$/),
      expect.stringMatching(/^KPI breach BR-\d+: /),
      expect.stringMatching(/^Contract performance notice BR-/),
      expect.stringMatching(/^Response to contract performance notice BR-/),
      expect.stringMatching(/^Remedial action plan agreed/),
      expect.stringMatching(/^Milestone missed/),
      expect.stringMatching(/^KPI breach BR-\d+ escalated/),
      'Listing suspended',
    ]);
    await commissioner.context().close();
    await provider.context().close();
  });
});
