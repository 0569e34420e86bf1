import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monthAfter } from '../../src/domains/payments/month.rules.ts';
import { runPaymentMonth } from '../../src/domains/payments/payment-run.service.ts';
import { formatPence } from '../../src/lib/money.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { movableToday } from '../support/movable-clock.ts';

const clock = movableToday(new Date().toISOString().slice(0, 10));

describe('from sessions to a payment file, in Chromium', () => {
  const session = useServerAndBrowser('full', clock);

  async function recordSession(page: Page, day: string): Promise<void> {
    await page.getByRole('button', { name: 'Record an appointment or session' }).click();
    await expectAccessible(page);
    await page.getByRole('group', { name: 'What are you recording?' }).getByLabel('A session that has taken place').check();
    const date = page.getByRole('group', { name: 'Date' });
    await date.getByLabel('Day').fill(String(Number(day.slice(8))));
    await date.getByLabel('Month').fill(String(Number(day.slice(5, 7))));
    await date.getByLabel('Year').fill(day.slice(0, 4));
    await page.getByLabel('Time').fill('00:05');
    await page.getByRole('group', { name: 'Did the patient attend?' }).getByLabel('Attended', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectAccessible(page);
  }

  it('a provider records sessions, the month closes, finance queries a line, the provider answers, a second officer approves and the payment file downloads', async () => {
    const { baseUrl, deps } = session.server;
    const today = clock.today();
    const month = today.slice(0, 7);
    const arthur = await deps.db
      .selectFrom('referrals as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select('r.ubrn')
      .where('p.family_name', '=', 'Sutcliffe')
      .executeTakeFirstOrThrow();

    const provider = await signedInPage(session, 'admin@demo9.aqp.example');
    await provider.goto(`${baseUrl}/referrals/${arthur.ubrn}`);
    await provider.getByRole('button', { name: 'Accept referral' }).click();
    await expectAccessible(provider);
    await recordSession(provider, today);
    expect(await provider.locator('main').textContent()).toContain('Sessions attended: 1');

    clock.setToday(monthAfter(month));
    await runPaymentMonth(deps, { principal: null, clientAddress: null }, { month, triggeredBy: 'e2e' });
    // The demo's own weekly sessions (told relative to today) can fall in this month too, so the statement is checked by its lines.
    const payable = await deps.db
      .selectFrom('statements as s')
      .innerJoin('statement_lines as sl', 'sl.statement_id', 's.id')
      .innerJoin('activity_lines as a', 'a.id', 'sl.line_id')
      .select(['a.referral_reference', 'sl.price_pence'])
      .where('s.reference', '=', `AQP-${month}-DEMO9-02T`)
      .where('sl.payment', '=', 'payable')
      .execute();
    expect(payable.map((line) => line.referral_reference)).toContain(arthur.ubrn);
    expect(payable.every((line) => line.price_pence === 24_000)).toBe(true);
    const payablePence = 24_000 * payable.length;

    const finance = await signedInPage(session, 'finance@aqp.example');
    await finance.getByRole('link', { name: 'Statements', exact: true }).first().click();
    await expectAccessible(finance);
    await finance.getByRole('link', { name: `AQP-${month}-DEMO9-02T` }).click();
    await expectAccessible(finance);
    const statementUrl = finance.url();
    expect(await finance.locator('main').textContent()).toContain(`Payable: ${formatPence(payablePence)}`);
    await finance.getByRole('link', { name: 'See the lines behind this statement' }).click();
    await expectAccessible(finance);
    await finance
      .getByRole('link', { name: /^platform:contact:/ })
      .first()
      .click();
    await expectAccessible(finance);
    await finance.getByLabel('The backing data does not show this activity').check();
    await finance.getByRole('button', { name: 'Query this line' }).click();
    expect(await finance.locator('.nhsuk-notification-banner--success').textContent()).toContain('Query raised');
    await expectAccessible(finance);
    const queryUrl = finance.url();

    await provider.goto(`${baseUrl}/payments/queries`);
    await expectAccessible(provider);
    await provider.goto(queryUrl);
    await provider.getByLabel('Your answer').fill('The patient attended; the session note is on the record.');
    await provider.getByRole('button', { name: 'Send answer' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('Answer sent');
    await expectAccessible(provider);

    await finance.goto(queryUrl);
    await finance.getByLabel('Paid', { exact: true }).check();
    await finance.getByRole('button', { name: 'Record the decision' }).click();
    await expectAccessible(finance);
    await finance.goto(statementUrl);
    await finance.getByRole('button', { name: 'Submit for approval' }).click();
    expect(await finance.locator('.nhsuk-notification-banner--success').textContent()).toContain('Statement submitted for approval');
    await expectAccessible(finance);

    const approver = await signedInPage(session, 'finance.approver@aqp.example');
    await approver.goto(statementUrl);
    await approver.getByRole('button', { name: 'Approve the statement' }).click();
    expect(await approver.locator('.nhsuk-notification-banner--success').textContent()).toContain('Statement approved');
    await expectAccessible(approver);
    const [download] = await Promise.all([
      approver.waitForEvent('download'),
      approver.getByRole('link', { name: 'Download the payment file (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`AQP-${month}-DEMO9-02T-payment.csv`);
    const file = await streamText(await download.createReadStream());
    expect(file).toContain(`total,AQP-${month}-DEMO9-02T,DEMO9`);
    expect(file).toContain(`,${payable.length},${payablePence},${(payablePence / 100).toFixed(2)},`);
    expect(file).not.toContain('Sutcliffe');
    await approver.goto(`${statementUrl}/print`);
    await expectAccessible(approver);
    for (const page of [provider, finance, approver]) await page.context().close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
