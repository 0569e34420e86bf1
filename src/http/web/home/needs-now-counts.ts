/** The counts each role's home page shows besides referrals and messages (issue #15 item 8): one read each, through the service of the list it links to. */
import { assessorQueue } from '../../../domains/applications/assessment-queue.service.ts';
import { providerApplications } from '../../../domains/applications/application-view.service.ts';
import { DUE_SOON_DAYS } from '../../../domains/compliance/compliance.rules.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { ActionContext, Principal } from '../../../domains/identity/principal.ts';
import type { Role } from '../../../domains/identity/roles.rules.ts';
import { lineQueriesFor } from '../../../domains/payments/line-query-read.service.ts';
import { listStatements } from '../../../domains/payments/statement.service.ts';
import { proposalsFor } from '../../../domains/proposals/proposal-queries.service.ts';
import { ownAssurance } from '../../../domains/providers/assurance.service.ts';
import { openBreachCount } from '../../../domains/provider-quality/breach-read.service.ts';
import { qualityReturnsToDo } from '../../../domains/provider-quality/quality-return.service.ts';

type Context = ActionContext & { principal: Principal };

/** One count on a home page: who sees it, how it is read, its words for one and many, and the list of exactly what it counts. */
export interface NeedCount {
  roles: readonly Role[];
  count: (deps: Deps, context: Context) => Promise<number>;
  one: string;
  many: string;
  href: string;
}

const PROVIDERS = ['provider-admin', 'provider-clinician'] as const;

/**
 * In the order a person in the role usually works through them. A new count is one entry here, reading the list its
 * page shows.
 */
export const NEED_COUNTS: readonly NeedCount[] = [
  {
    roles: ['assessor'],
    count: async (deps, context) => (await assessorQueue(deps, context, { limit: 0, offset: 0 })).total,
    one: 'application awaiting assessment',
    many: 'applications awaiting assessment',
    href: '/assessment',
  },
  {
    roles: ['regional-reviewer'],
    count: async (deps, context) => (await proposalsFor(deps, context.principal, { statuses: ['submitted'], limit: 0, offset: 0 })).total,
    one: 'local service proposal awaiting your assessment',
    many: 'local service proposals awaiting your assessment',
    href: '/proposals/review?status=submitted',
  },
  {
    roles: ['provider-admin'],
    count: async (deps, context) => (await providerApplications(deps, context, { limit: 0, offset: 0 }, 'clarification')).total,
    one: 'application waiting for your answer to a clarification question',
    many: 'applications waiting for your answer to a clarification question',
    href: '/applications?status=clarification',
  },
  {
    roles: ['provider-admin'],
    count: async (deps, context) =>
      (await ownAssurance(deps, context)).summary.items.filter(
        (item) => item.expired || (item.dueWithinDays !== null && item.dueWithinDays <= DUE_SOON_DAYS),
      ).length,
    one: `item of assurance evidence expired or expiring within ${DUE_SOON_DAYS} days`,
    many: `items of assurance evidence expired or expiring within ${DUE_SOON_DAYS} days`,
    href: '/provider/assurance',
  },
  {
    roles: PROVIDERS,
    count: async (deps, context) => (await lineQueriesFor(deps, context, 'raised')).length,
    one: 'query on an activity line waiting for your answer',
    many: 'queries on activity lines waiting for your answer',
    href: '/payments/queries?state=raised',
  },
  {
    roles: ['commissioner-finance'],
    count: async (deps, context) => (await listStatements(deps, context, { status: 'awaiting-approval' })).length,
    one: 'statement to approve',
    many: 'statements to approve',
    href: '/payments/statements?status=awaiting-approval',
  },
  {
    roles: ['commissioner-finance'],
    count: async (deps, context) => (await lineQueriesFor(deps, context, 'answered')).length,
    one: 'query answered by the provider, waiting for your decision',
    many: 'queries answered by providers, waiting for your decision',
    href: '/payments/queries?state=answered',
  },
  {
    roles: ['commissioner', 'provider-admin', 'provider-clinician'],
    count: (deps, context) => openBreachCount(deps, context.principal),
    one: 'KPI breach open',
    many: 'KPI breaches open',
    href: '/quality/breaches?state=open',
  },
  {
    roles: ['provider-admin'],
    count: async (deps, context) => {
      const { due, overdue } = await qualityReturnsToDo(deps, context.principal.organisationId!);
      return due + overdue;
    },
    one: 'quality return due or late',
    many: 'quality returns due or late',
    href: '/quality/returns',
  },
];
