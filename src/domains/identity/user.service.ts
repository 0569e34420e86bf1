/** Creating people's accounts: validated together, hashed, given a membership and audited in one transaction. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from './audit.repo.ts';
import { findOrganisationById, findOrganisationByOdsCode } from './organisation.repo.ts';
import { hashPassword } from './password.ts';
import { passwordProblem } from './password-policy.rules.ts';
import type { ActionContext } from './principal.ts';
import { isRole, mayHoldRole, ROLE_LABELS, type Role } from './roles.rules.ts';
import {
  findUserByEmail,
  insertMembership,
  insertUser,
  listUsers,
  type MembershipView,
  membershipsOf,
  type UserListing,
} from './user.repo.ts';

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  organisationId: string;
  role: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors for a new account, all at once, in the order the form shows the fields. */
export function newUserFieldErrors(input: NewUserInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter the person’s full name' });
  if (!input.email.trim()) errors.push({ field: 'email', message: 'Enter an email address' });
  else if (!EMAIL.test(input.email.trim()))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.nhs.uk' });
  if (!input.organisationId)
    errors.push({ field: 'organisationCode', message: 'Enter the organisation’s ODS code, or choose an organisation without one' });
  if (!isRole(input.role)) errors.push({ field: 'role', message: 'Select a role' });
  const weakness = passwordProblem(input.password, { email: input.email, displayName: input.displayName });
  if (weakness) errors.push({ field: 'password', message: weakness });
  return errors;
}

/** Creates a person with one membership; refuses a duplicate email or a role the organisation cannot give. */
export async function createUser(deps: Deps, context: ActionContext, input: NewUserInput): Promise<{ userId: string }> {
  const errors = newUserFieldErrors(input);
  if (errors.length) throw validationFailed(errors);
  const role = input.role as Role;
  const organisation = await findOrganisationById(deps.db, input.organisationId);
  if (!organisation) throw validationFailed([{ field: 'organisationCode', message: 'There is no such organisation' }]);
  if (!mayHoldRole(organisation.kind, role)) {
    throw validationFailed([{ field: 'role', message: `${organisation.name} cannot give the role ${ROLE_LABELS[role]}` }]);
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw validationFailed([{ field: 'email', message: 'An account with this email address already exists' }]);
    }
    const userId = await insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash });
    await insertMembership(trx, { userId, organisationId: organisation.id, role });
    await recordAudit(trx, context, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      details: { organisationId: organisation.id, role },
    });
    return { userId };
  });
}

/** Creates an account in the organisation named by its ODS code or, for the few without one, chosen by id; an unknown code is refused at its field. */
export async function createUserInOrganisation(
  deps: Deps,
  context: ActionContext,
  input: Omit<NewUserInput, 'organisationId'> & { organisationCode: string; organisationId: string },
): Promise<{ userId: string }> {
  const coded = input.organisationCode ? await findOrganisationByOdsCode(deps.db, input.organisationCode) : undefined;
  if (input.organisationCode && !coded) {
    throw validationFailed([
      { field: 'organisationCode', message: `There is no organisation with the ODS code ${input.organisationCode.toUpperCase()}` },
    ]);
  }
  return createUser(deps, context, { ...input, organisationId: coded?.id ?? input.organisationId });
}

/** One page of accounts with their memberships, by name, for platform administrators. */
export async function userAccountsPage(
  deps: Deps,
  page: { limit: number; offset: number },
): Promise<{ rows: UserListing[]; total: number }> {
  return listUsers(deps.db, page);
}

/** The organisations and roles a person may act in, for choosing one after signing in. */
export async function membershipsOfUser(deps: Deps, userId: string): Promise<MembershipView[]> {
  return membershipsOf(deps.db, userId);
}

/** Raised when an account is expected but missing, e.g. a stale session after the user was removed. */
export function accountNotFound(): DomainError {
  return new DomainError('unauthenticated', 'Your account could not be found. Sign in again.');
}
