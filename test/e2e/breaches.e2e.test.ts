import { describe, expect, it } from 'vitest';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult, EIGHT_OF_TEN_SEEN_IN_TIME } from '../support/kpi-result-rows.ts';
import { movableToday } from '../support/movable-clock.ts';

const clock = movableToday('2027-02-10');

describe('a KPI breach in Chromium', () => {
  const session = useServerAndBrowser('region', clock);

  // axe needs JavaScript; the same forms post as plain forms without it (test/int/breach-pages.int.test.ts).
  it('takes a hearing provider at 80% (8 of 10) against 90% from breach to suspension, each step audited and messaged, every page accessible', async () => {
    const { deps, baseUrl } = session.server;
    const world = await aHearingOfferWithLiveProvider(deps, clock.today());
    const result = await aStoredKpiResult(deps, world, { endMonth: '2027-01', seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    const [breachId] = await deps.db.transaction().execute((trx) => openBreachesForRun(trx, deps, result.runId));

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

    const listing = await deps.db.selectFrom('listings').select('status').where('id', '=', world.listingId).executeTakeFirstOrThrow();
    expect(listing.status).toBe('suspended');
    const audit = await deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [breachId!, world.listingId])
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
      .where('entity_id', 'in', [breachId!, world.listingId])
      .orderBy('created_at')
      .execute();
    expect(outbox.map((message) => message.subject)).toEqual([
      expect.stringMatching(/^KPI breach BR-\d+: Seen within 16 working days$/),
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
