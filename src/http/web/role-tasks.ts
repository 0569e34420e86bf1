/** The tasks each role's home page lists: only what the platform can do today, linked to where it is done. */
import type { Role } from '../../domains/identity/roles.rules.ts';

export interface Task {
  title: string;
  href: string;
  description: string;
}

const YOUR_ORGANISATION: Task = {
  title: 'Your organisation',
  href: '/organisation',
  description: 'See your organisation’s details and the people who work in it on AQP.',
};
const API_KEYS: Task = {
  title: 'API keys',
  href: '/api-keys',
  description: 'Create and revoke keys that let your systems use the AQP API.',
};
const MESSAGES: Task = {
  title: 'Messages',
  href: '/messages',
  description: 'Notices from AQP: assurance reminders, suspensions and clarification questions.',
};
const AQP_MAP: Task = { title: 'AQP map', href: '/map', description: 'Which commissioners offer which services, with national uptake.' };
const PROVIDER_REFERRALS: Task = {
  title: 'Referrals',
  href: '/worklists/provider',
  description: 'Referrals patients chose you for: accept or return them, record appointments and sessions, discharge.',
};
const ALL_REFERRALS: Task = {
  title: 'All referrals',
  href: '/worklists/referrals',
  description:
    'Every referral, open and closed: filter by status, service and date, find one by NHS number or reference, and download them as a CSV file.',
};
const STATEMENTS: Task = {
  title: 'Statements',
  href: '/payments/statements',
  description: 'Monthly statements of activity paid at the offer’s fixed price: check them, see the lines behind them and download files.',
};
const LINE_QUERIES: Task = {
  title: 'Queries on activity lines',
  href: '/payments/queries',
  description: 'Queries commissioners raise on activity lines: answer them, or resolve them paid or not paid, before their dates.',
};
const ACTIVITY_AND_PAYMENTS: Task = {
  title: 'Activity and payments',
  href: '/payments/activity',
  description: 'Your activity lines by month, accepted and priced or refused with a reason; upload lines from a CSV file.',
};
const BUDGETS: Task = {
  title: 'Budgets',
  href: '/payments/budgets',
  description: 'Plans per service and financial year, actual spend from statements, the forecast to year end and its alerts.',
};
const COMMISSIONER_DASHBOARD: Task = {
  title: 'Dashboard',
  href: '/dashboards/commissioner',
  description: 'Referrals by month and provider, market share, waits, KPI status and spend against budget, with tables and CSV files.',
};
const PROVIDER_DASHBOARD: Task = {
  title: 'Dashboard',
  href: '/dashboards/provider',
  description: 'Your KPIs month by month, your patients’ feedback and your referrals by month, with tables and CSV files.',
};
const BREACHES: Task = {
  title: 'KPI breaches',
  href: '/quality/breaches',
  description: 'Where a provider fell short of a KPI: contract performance notices, responses, remedial action plans and escalation.',
};
const API_DOCS: Task = { title: 'API documentation', href: '/api/v1/docs', description: 'Explore the AQP JSON API your systems can use.' };

/** Tasks by role, in the order a person in that role usually needs them. */
export const TASKS_BY_ROLE: Record<Role, Task[]> = {
  'national-admin': [
    {
      title: 'National service catalogue',
      href: '/catalogue',
      description: 'Add and edit services on the national list and see their implementation packs.',
    },
    {
      title: 'Verify national assurance',
      href: '/assurance/verification',
      description: 'Check providers’ CQC registration, licences, insurance and governance evidence, and record CQC status changes.',
    },
    AQP_MAP,
    {
      title: 'National dashboard',
      href: '/dashboards/national',
      description: 'Uptake over time, qualified providers per service, NHS, independent and voluntary shares, and the KPI spread.',
    },
    {
      title: 'National budget totals',
      href: '/payments/budgets/national',
      description: 'Commissioners’ budget plans, spend and forecasts added up by service.',
    },
    YOUR_ORGANISATION,
    API_KEYS,
    API_DOCS,
  ],
  'regional-reviewer': [
    {
      title: 'Priorities notified to your region',
      href: '/prioritisation',
      description: 'See the short lists commissioners in your region have chosen, with scores and board approval.',
    },
    {
      title: 'Proposals to assess',
      href: '/proposals/review',
      description: 'Assess services proposed by commissioners in your region and decide them with reasons.',
    },
    AQP_MAP,
    YOUR_ORGANISATION,
  ],
  'commissioner-finance': [STATEMENTS, LINE_QUERIES, BUDGETS, COMMISSIONER_DASHBOARD, MESSAGES, YOUR_ORGANISATION, API_DOCS],
  commissioner: [
    {
      title: 'AQP offers',
      href: '/offers',
      description: 'Open services to any qualified provider: adopt a pack, set the local protocol and prices, publish.',
    },
    {
      title: 'Commissioning',
      href: '/commissioning',
      description: 'Your commissioning organisation, its sub-ICB locations and your team.',
    },
    {
      title: 'Local engagement and prioritisation',
      href: '/prioritisation',
      description:
        'Engage stakeholders on a long list, score it, choose a short list of three or more, record the board’s approval and notify the region.',
    },
    {
      title: 'Providers on your offers',
      href: '/listings',
      description: 'See qualified providers’ contracts and listings; suspend, reinstate or terminate them.',
    },
    {
      title: 'Local service proposals',
      href: '/proposals',
      description: 'Propose a service that is not on the national list to your region and see its decision and reasons.',
    },
    STATEMENTS,
    BUDGETS,
    COMMISSIONER_DASHBOARD,
    BREACHES,
    AQP_MAP,
    MESSAGES,
    YOUR_ORGANISATION,
    API_KEYS,
  ],
  assessor: [
    {
      title: 'Applications to assess',
      href: '/assessment',
      description: 'Mark each criterion on the submission, ask clarifications and decide with reasons.',
    },
    { title: 'Commissioning', href: '/commissioning', description: 'The commissioning organisation you assess applications for.' },
    YOUR_ORGANISATION,
  ],
  'provider-admin': [
    PROVIDER_REFERRALS,
    ALL_REFERRALS,
    PROVIDER_DASHBOARD,
    ACTIVITY_AND_PAYMENTS,
    STATEMENTS,
    LINE_QUERIES,
    BREACHES,
    {
      title: 'Open offers',
      href: '/provider/offers',
      description: 'Services commissioners have opened to any qualified provider: apply on your national assurance.',
    },
    {
      title: 'Your applications',
      href: '/applications',
      description: 'Applications you have made, clarification questions to answer and decisions with their reasons.',
    },
    {
      title: 'Your listings',
      href: '/listings',
      description: 'The offers you qualified for: accept contracts and see when your sites are live.',
    },
    {
      title: 'National assurance',
      href: '/provider/assurance',
      description: 'Record your CQC registration, licence, insurance and governance evidence once, for every application.',
    },
    {
      title: 'Profile and sites',
      href: '/provider/profile',
      description: 'Your organisation’s details, and the sites where you see patients.',
    },
    {
      title: 'Sites',
      href: '/provider/sites',
      description: 'Add and change your sites: address, postcode, access information and opening times.',
    },
    { title: 'Invite colleagues', href: '/provider/invitations', description: 'Give colleagues access to AQP with a single-use link.' },
    MESSAGES,
    YOUR_ORGANISATION,
    API_KEYS,
    API_DOCS,
  ],
  'provider-clinician': [
    PROVIDER_REFERRALS,
    ALL_REFERRALS,
    PROVIDER_DASHBOARD,
    ACTIVITY_AND_PAYMENTS,
    STATEMENTS,
    LINE_QUERIES,
    {
      title: 'Your listings',
      href: '/listings',
      description: 'The offers your organisation qualified for and the sites that deliver them.',
    },
    { title: 'Sites', href: '/provider/sites', description: 'Your organisation’s sites, with access information and opening times.' },
    MESSAGES,
    YOUR_ORGANISATION,
  ],
  referrer: [
    {
      title: 'Refer a patient',
      href: '/referrals/new',
      description:
        'Check eligibility against the local protocol, offer the patient a choice of every qualified provider and send the referral.',
    },
    {
      title: 'Referrals needing attention',
      href: '/worklists/referrer',
      description: 'Referrals returned to you, not accepted in time, waiting for the patient’s choice, or closed and needing re-referral.',
    },
    ALL_REFERRALS,
    MESSAGES,
    YOUR_ORGANISATION,
  ],
  'platform-admin': [
    { title: 'Users', href: '/admin/users', description: 'Create accounts and see who has access to AQP.' },
    { title: 'Organisations', href: '/admin/organisations', description: 'Search NHS organisations by name, ODS code or postcode.' },
    { title: 'Audit log', href: '/admin/audit', description: 'See who did what, when, and from where.' },
    {
      title: 'Reference data',
      href: '/admin/reference-data',
      description: 'See which postcodes, GP practices and commissioners are loaded, and import runs.',
    },
    API_KEYS,
    API_DOCS,
  ],
};
