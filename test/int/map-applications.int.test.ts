import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { anOffer } from '../support/offer-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Figures {
  received: number;
  qualified: number;
  inAssessment: number;
  refused: Record<string, number | null>;
}
interface MapJson {
  services: { code: string; applications: Figures }[];
  commissioners: { odsCode: string; applications: ({ service: string; refusedTotal: number; suppressed: boolean } & Figures)[] }[];
}

const refused = (
  counts: Partial<Record<'rejects-price' | 'rejects-local-standards' | 'fails-quality-standards' | 'incomplete', number>>,
) => ({ 'rejects-price': 0, 'rejects-local-standards': 0, 'fails-quality-standards': 0, incomplete: 0, ...counts });
const withheld = { 'rejects-price': null, 'rejects-local-standards': null, 'fails-quality-standards': null, incomplete: null };

describe('application figures on the public AQP map', () => {
  let t: TestApp;
  const offerIds: Record<string, string> = {};

  /** A real application row from a new provider, in the state an assessment leaves it. */
  async function anApplication(offerId: string, n: number, status: string, refusalGround: string | null = null, submitted = true) {
    const provider = await upsertOrganisation(t.deps.db, {
      odsCode: `AP${n}`,
      name: `Applicant Provider ${n} Ltd`,
      kind: 'provider',
      postcode: 'WF1 4DG',
    });
    const at = new Date();
    await t.deps.db
      .insertInto('applications')
      .values({
        offer_id: offerId,
        provider_organisation_id: provider.id,
        status,
        refusal_ground: refusalGround,
        answers: '{}',
        submitted_at: submitted ? at : null,
        decided_at: ['qualified', 'not-qualified'].includes(status) ? at : null,
        decision_reasons: refusalGround ? 'Did not meet the standard.' : null,
        updated_at: at,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'catalogue' });
    const db = t.deps.db;
    const icb = await db
      .insertInto('organisations')
      .values({ ods_code: 'QA1', name: 'NHS Applications Test ICB', kind: 'commissioner', ods_type: 'icb' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organisations')
      .values([
        { ods_code: 'A01', name: 'Applications Sub-ICB One', kind: 'commissioner', ods_type: 'sub-icb', parent_id: icb.id },
        { ods_code: 'A02', name: 'Applications Sub-ICB Two', kind: 'commissioner', ods_type: 'sub-icb', parent_id: icb.id },
      ])
      .execute();
    const hearing = (offerIds.hearing = (
      await anOffer(db).forService('adult-hearing').coveringOds('A01', 'A02').withStatus('open').insert()
    ).id);
    const podiatry = (await anOffer(db).forService('podiatry').coveringOds('A02').withStatus('open').insert()).id;
    await anApplication(hearing, 1, 'qualified');
    await anApplication(hearing, 2, 'qualified');
    await anApplication(hearing, 3, 'not-qualified', 'rejects-price');
    await anApplication(hearing, 4, 'not-qualified', 'fails-quality-standards');
    await anApplication(hearing, 5, 'clarification');
    await anApplication(hearing, 6, 'draft', null, false);
    await anApplication(podiatry, 7, 'not-qualified', 'incomplete');
    await anApplication(podiatry, 8, 'submitted');
    const ultrasound = (offerIds.ultrasound = (
      await anOffer(db).forService('non-obstetric-ultrasound').coveringOds('A01').withStatus('open').insert()
    ).id);
    for (let n = 9; n <= 14; n += 1) await anApplication(ultrasound, n, 'not-qualified', 'rejects-price');
  });
  afterAll(() => t.close());

  it('withholds every ground on a public offer page when one is 1 to 4, as the map does, showing only the number not qualified', async () => {
    const tableOf = (html: string) =>
      html
        .slice(html.indexOf('<h2>Applications</h2>'), html.indexOf('<h2>Compliance rule</h2>'))
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    const hearing = tableOf((await t.app.inject(`/offers/${offerIds.hearing}`)).body);
    expect(hearing).toContain('Not qualified: rejects the price withheld');
    expect(hearing).toContain('Not qualified, all grounds 2');
    expect(hearing).not.toMatch(/Not qualified: [a-z ,]+ 1 /);
    const ultrasound = tableOf((await t.app.inject(`/offers/${offerIds.ultrasound}`)).body);
    expect(ultrasound).toContain('Not qualified: rejects the price 6');
    expect(ultrasound).not.toContain('withheld');
  });

  const hearingFigures = {
    received: 5,
    qualified: 2,
    inAssessment: 1,
    refused: refused({ 'rejects-price': 1, 'fails-quality-standards': 1 }),
  };
  const podiatryFigures = { received: 2, qualified: 0, inAssessment: 1, refused: refused({ incomplete: 1 }) };
  const ultrasoundFigures = { received: 6, qualified: 0, inAssessment: 0, refused: refused({ 'rejects-price': 6 }) };

  it('gives the JSON each service’s exact national figures, each application once, and each commissioner’s per service it offers, refusals by ground withheld when any is 1 to 4', async () => {
    const map = (await t.app.inject('/api/v1/map?icb=QA1')).json() as MapJson;
    expect(map.services.find((s) => s.code === 'adult-hearing')!.applications).toEqual(hearingFigures);
    expect(map.services.find((s) => s.code === 'mri')!.applications).toEqual({
      received: 0,
      qualified: 0,
      inAssessment: 0,
      refused: refused({}),
    });
    const byOds = Object.fromEntries(map.commissioners.map((c) => [c.odsCode, c.applications]));
    expect(byOds.A01).toEqual([
      { service: 'adult-hearing', ...hearingFigures, refused: withheld, refusedTotal: 2, suppressed: true },
      { service: 'non-obstetric-ultrasound', ...ultrasoundFigures, refusedTotal: 6, suppressed: false },
    ]);
    expect(byOds.A02).toEqual([
      { service: 'adult-hearing', ...hearingFigures, refused: withheld, refusedTotal: 2, suppressed: true },
      { service: 'podiatry', ...podiatryFigures, refused: withheld, refusedTotal: 1, suppressed: true },
    ]);
  });

  it('explains the withheld refusals in the OpenAPI description of the map', async () => {
    const path = JSON.stringify((await t.app.inject('/api/v1/openapi.json')).json().paths['/api/v1/map']);
    expect(path).toContain('Small-number suppression: when any ground of refusal has 1 to 4 applications');
  });

  it('adds the figures to each commissioner × service row of the CSV', async () => {
    const records = parse((await t.app.inject('/map.csv?icb=QA1')).body, { columns: true, bom: true }) as Record<string, string>[];
    const row = (ods: string, service: string) => records.find((r) => r.commissioner_ods_code === ods && r.service_code === service)!;
    expect(row('A02', 'podiatry')).toMatchObject({
      applications_received: '2',
      applications_qualified: '0',
      applications_in_assessment: '1',
      applications_refused_incomplete: '',
      applications_refused_rejects_price: '',
      applications_refused_total: '1',
      applications_refused_by_ground_suppressed: 'true',
    });
    expect(row('A01', 'adult-hearing')).toMatchObject({
      applications_received: '5',
      applications_qualified: '2',
      applications_in_assessment: '1',
      applications_refused_rejects_price: '',
      applications_refused_rejects_local_standards: '',
      applications_refused_fails_quality_standards: '',
      applications_refused_incomplete: '',
      applications_refused_total: '2',
      applications_refused_by_ground_suppressed: 'true',
    });
    expect(row('A01', 'non-obstetric-ultrasound')).toMatchObject({
      applications_refused_rejects_price: '6',
      applications_refused_rejects_local_standards: '0',
      applications_refused_fails_quality_standards: '0',
      applications_refused_incomplete: '0',
      applications_refused_total: '6',
      applications_refused_by_ground_suppressed: 'false',
    });
  });

  it('shows the figures on the map page in responsive NHS tables, naming no provider', async () => {
    const page = await t.app.inject('/map?icb=QA1');
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('<h2 id="applications">'));
    expect(section).toContain('nhsuk-table--responsive');
    expect(section).toContain('Refused: rejects the price');
    const rowText = (label: string) => {
      const start = section.indexOf(label);
      return section
        .slice(start, section.indexOf('</tr>', start))
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    };
    expect(rowText('Adult hearing')).toBe(
      'Adult hearing Received 5 Qualified 2 Being assessed 1 Refused: rejects the price 1 ' +
        'Refused: rejects local standards, pathways or referral thresholds 0 Refused: fails quality standards 1 Refused: incomplete application 0',
    );
    expect(section).toContain('Applications Sub-ICB Two');
    const byCommissioner = section.slice(section.indexOf('<h3>By commissioner</h3>'));
    expect(byCommissioner).toContain('A ground of refusal with 1 to 4 applications');
    const commissionerRow = (name: string, service: string) => {
      const start = byCommissioner.indexOf(name);
      const at = byCommissioner.indexOf(service, start);
      return byCommissioner
        .slice(at, byCommissioner.indexOf('</tr>', at))
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    };
    expect(commissionerRow('Applications Sub-ICB One', 'Adult hearing')).toBe(
      'Adult hearing Received 5 Qualified 2 Being assessed 1 Refused in all 2 Refused: rejects the price withheld ' +
        'Refused: rejects local standards, pathways or referral thresholds withheld Refused: fails quality standards withheld Refused: incomplete application withheld',
    );
    expect(commissionerRow('Applications Sub-ICB One', 'Ultrasound scans')).toContain(
      'Refused in all 6 Refused: rejects the price 6 Refused: rejects local standards, pathways or referral thresholds 0',
    );
    expect(page.body).not.toContain('Applicant Provider');
  });
});
