/** Seeds the demo providers: profiles, sites and complete, verified national assurance; running it again changes nothing. */
import { addDays } from '../lib/working-days.ts';
import type { Deps } from '../domains/deps.ts';
import { requiredDemoActor } from './demo-actor.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';
import type { ActionContext } from '../domains/identity/principal.ts';
import { findUserByEmail } from '../domains/identity/user.repo.ts';
import { createUser } from '../domains/identity/user.service.ts';
import { currentEvidenceOf } from '../domains/providers/assurance.repo.ts';
import { recordEvidence } from '../domains/providers/assurance.service.ts';
import { tinyPdf } from './demo-document.ts';
import { EVIDENCE_LABELS, type EvidenceKind } from '../domains/providers/evidence-kinds.rules.ts';
import { findProvider } from '../domains/providers/provider-profile.repo.ts';
import { changeProfile } from '../domains/providers/provider-profile.service.ts';
import { registerProvider } from '../domains/providers/provider-registration.service.ts';
import { insertProviderSite, sitesOfProvider, updateProviderSite } from '../domains/providers/provider-site.repo.ts';
import {
  DEMO_EXPIRING_INSURANCE_DAYS,
  DEMO_EXPIRING_INSURANCE_ODS,
  DEMO_OPENING_HOURS,
  DEMO_PROVIDERS,
  type DemoProvider,
} from './providers.demo-data.ts';
import { judgeEvidence } from '../domains/providers/verification.service.ts';
import { DEMO_PASSWORD } from './region.demo-seed.ts';

const SEED: ActionContext = { principal: null, clientAddress: null };

/** The provider organisation with a profile and an administrator: registered afresh, or the identity seed's organisation completed. */
async function ensureProvider(deps: Deps, provider: DemoProvider): Promise<string> {
  const profile = {
    name: provider.name,
    providerType: provider.providerType,
    companiesHouseNumber: provider.companiesHouseNumber ?? '',
    charityNumber: provider.charityNumber ?? '',
    website: '',
    phone: '',
    email: `contact@${provider.odsCode.toLowerCase()}.aqp.example`,
    description: provider.description,
  };
  const existing = await findOrganisationByOdsCode(deps.db, provider.odsCode);
  if (!existing) {
    const admin = {
      displayName: `${provider.name.replace(' (demo)', '')} administrator`,
      email: provider.adminEmail,
      password: DEMO_PASSWORD,
    };
    return (await registerProvider(deps, SEED, { ...profile, odsCode: provider.odsCode, admin })).organisationId;
  }
  if (!(await findUserByEmail(deps.db, provider.adminEmail))) {
    await createUser(deps, SEED, {
      email: provider.adminEmail,
      displayName: `${provider.name.replace(' (demo)', '')} administrator`,
      password: DEMO_PASSWORD,
      organisationId: existing.id,
      role: 'provider-admin',
    });
  }
  const stored = await findProvider(deps.db, existing.id);
  if (!stored?.email)
    await changeProfile(deps, await requiredDemoActor(deps, { role: 'provider-admin', email: provider.adminEmail }), profile);
  return existing.id;
}

/** Sites at hard-coded coordinates (the demo must seed before any postcodes are imported), completed with their details. */
async function ensureSites(deps: Deps, organisationId: string, provider: DemoProvider): Promise<void> {
  const existing = await sitesOfProvider(deps.db, organisationId);
  for (const demoSite of provider.sites) {
    const details = {
      name: demoSite.name,
      siteCode: null,
      address: demoSite.address,
      postcode: demoSite.postcode,
      latitude: demoSite.latitude,
      longitude: demoSite.longitude,
      deliveryMode: demoSite.deliveryMode,
      accessibility: demoSite.accessibility,
      openingTimes: DEMO_OPENING_HOURS,
      phone: '01422 000000',
    };
    const found = existing.find((candidate) => candidate.name === demoSite.name);
    if (!found) await insertProviderSite(deps.db, organisationId, details);
    else if (!found.accessibility) await updateProviderSite(deps.db, found.id, details);
  }
}

/** The evidence each demo provider records: one of each kind, its Monitor licence or exemption, a year or more ahead. */
function evidenceFor(
  provider: DemoProvider,
  today: string,
  index: number,
): { kind: EvidenceKind; reference: string; expiresOn: string | null }[] {
  const ahead = (days: number) => addDays(today, 366 + days + index * 17);
  const insuranceExpiry = provider.odsCode === DEMO_EXPIRING_INSURANCE_ODS ? addDays(today, DEMO_EXPIRING_INSURANCE_DAYS) : ahead(30);
  return [
    { kind: 'cqc-registration', reference: `1-10${String(index + 1).padStart(7, '0')}`, expiresOn: null },
    provider.monitor === 'licence'
      ? { kind: 'monitor-licence', reference: `LIC-${provider.odsCode}`, expiresOn: null }
      : { kind: 'monitor-exemption', reference: '', expiresOn: null },
    { kind: 'indemnity-insurance', reference: `POL-${provider.odsCode}-01`, expiresOn: insuranceExpiry },
    { kind: 'information-governance', reference: `DSPT-${provider.odsCode}`, expiresOn: ahead(90) },
    { kind: 'safeguarding', reference: '', expiresOn: ahead(120) },
    { kind: 'clinical-governance', reference: '', expiresOn: ahead(150) },
  ];
}

/** Records each missing kind of evidence as the provider's administrator, then verifies whatever is pending as the national centre. */
async function ensureAssurance(
  deps: Deps,
  organisationId: string,
  provider: DemoProvider,
  index: number,
  verifier: ActionContext,
): Promise<number> {
  const admin = await requiredDemoActor(deps, { role: 'provider-admin', email: provider.adminEmail });
  const held = new Set((await currentEvidenceOf(deps.db, organisationId)).map((row) => row.kind));
  let recorded = 0;
  for (const item of evidenceFor(provider, deps.clock.today(), index)) {
    if (held.has(item.kind) || (item.kind.startsWith('monitor-') && (held.has('monitor-licence') || held.has('monitor-exemption'))))
      continue;
    const exempt = item.kind === 'monitor-exemption';
    const document = exempt
      ? undefined
      : { fileName: `${item.kind}.pdf`, content: tinyPdf(`${provider.name}: ${EVIDENCE_LABELS[item.kind]}`), truncated: false };
    await recordEvidence(deps, admin, {
      kind: item.kind,
      reference: item.reference,
      cqcStatus: 'registered',
      expiresOn: item.expiresOn,
      declaresTurnoverUnder10m: exempt,
      document,
    });
    recorded += 1;
  }
  for (const row of await currentEvidenceOf(deps.db, organisationId)) {
    if (row.verificationStatus === 'pending')
      await judgeEvidence(deps, verifier, row.id, {
        decision: 'verified',
        note: 'Demo evidence checked by the national qualification centre',
      });
  }
  return recorded;
}

/** Seeds at least seven demo providers (hearing, back and neck pain, talking therapies) in Calderdale, Kirklees and Wakefield; needs the demo region seeded first (region.demo-seed.ts). */
export async function seedDemoProviders(deps: Deps): Promise<{ providers: number; evidenceRecorded: number }> {
  const verifier = await requiredDemoActor(deps, { role: 'national-admin', email: 'national.admin@aqp.example' });
  let evidenceRecorded = 0;
  for (const [index, provider] of DEMO_PROVIDERS.entries()) {
    const organisationId = await ensureProvider(deps, provider);
    await ensureSites(deps, organisationId, provider);
    evidenceRecorded += await ensureAssurance(deps, organisationId, provider, index, verifier);
  }
  return { providers: DEMO_PROVIDERS.length, evidenceRecorded };
}
