/** Who may reach the prioritisation pages: commissioners change runs; regional reviewers also read the runs notified to them. */

export const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
export const READERS = { config: { roles: ['commissioner', 'regional-reviewer'] as const } };

/** The run id from a `/prioritisation/:id/...` route. */
export function runIdOf(params: unknown): string {
  return (params as { id: string }).id;
}
