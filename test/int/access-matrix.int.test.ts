import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ACCESS } from '../support/access-spec.api.ts';
import { FHIR_ACCESS } from '../support/access-spec.fhir.ts';
import { PAGE_ACCESS } from '../support/access-spec.pages.ts';
import { describeFailure, disallowedBecause, expectationFor, type MatrixRequest, send } from '../support/access-matrix.ts';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.ts';
import { objectResolver } from '../support/object-ids.ts';
import { pathParams, routeKey } from '../support/route-catalogue.ts';
import { changedTables, fingerprintTables } from '../support/table-fingerprint.ts';

const SPEC = { ...PAGE_ACCESS, ...API_ACCESS, ...FHIR_ACCESS };
/** Over a thousand requests each; generous because CI machines are loaded, while the matrix itself is bounded. */
const HEAVY_TIMEOUT_MS = 600_000;
/** Routes that end the caller's session go last, in this order (the patient's sign-out needs the session's CSRF token; the account's sign-out does not), so the rest of the matrix runs signed in. */
const SESSION_ENDING = ['POST /referral-status/sign-out', 'POST /sign-out'];
const endingRank = (request: MatrixRequest) => SESSION_ENDING.indexOf(routeKey(request.route));

describe('the role × route access matrix', () => {
  let world: AccessWorld;
  let requests: MatrixRequest[];
  beforeAll(async () => {
    world = await buildAccessWorld();
    const resolve = await objectResolver(world.t.deps.db, world.invitationToken);
    requests = world.routes
      .filter((route) => SPEC[routeKey(route)])
      .flatMap((route) =>
        world.callers.map((caller) => ({
          route,
          caller,
          url: resolve(route.method, route.url),
          expectation: expectationFor(route, SPEC[routeKey(route)]!, caller),
        })),
      );
  });
  afterAll(() => world.t.close());

  it('has a decision for every registered route, agreeing with the roles the route admits', () => {
    const registered = world.routes.map(routeKey);
    expect(
      registered.filter((key) => !SPEC[key]),
      'routes with no access decision',
    ).toEqual([]);
    expect(
      Object.keys(SPEC).filter((key) => !registered.includes(key)),
      'decisions for routes that no longer exist',
    ).toEqual([]);
    const disagreements = world.routes.flatMap((route) => {
      const access = SPEC[routeKey(route)]!;
      const hasObjects = pathParams(route.url).length > 0;
      if ((access.kind === 'public') !== !route.roles)
        return [`${routeKey(route)}: public in the spec but not the route, or the other way`];
      if (access.kind === 'own-organisation' && !hasObjects) return [`${routeKey(route)}: names no object; use ROLES`];
      if (access.kind === 'own-organisation' && access.everywhere.some((role) => !route.roles!.includes(role)))
        return [`${routeKey(route)}: national roles the route does not admit`];
      return [];
    });
    expect(disagreements).toEqual([]);
  });

  it(
    'refuses every role the spec does not allow and every stranger another organisation’s objects, and writes nothing',
    async () => {
      const refusals = requests.filter((request) => request.expectation !== 'allowed');
      const before = await fingerprintTables(world.t.deps.db);
      const failures = await run(refusals);
      const written = changedTables(before, await fingerprintTables(world.t.deps.db));
      console.info(
        `matrix refusals: ${refusals.length.toLocaleString('en-GB')} requests, ${failures.length} disallowed, ${written.length} tables written`,
      );
      expect(failures, failures.join('\n')).toEqual([]);
      expect(written, 'tables changed by refused requests').toEqual([]);
    },
    HEAVY_TIMEOUT_MS,
  );

  it(
    'answers every allowed role and visitor without a server error, and admitted roles see their pages',
    async () => {
      const allowed = requests.filter((request) => request.expectation === 'allowed');
      const ordered = [
        ...allowed.filter((request) => endingRank(request) < 0),
        ...allowed.filter((request) => endingRank(request) >= 0).sort((a, b) => endingRank(a) - endingRank(b)),
      ];
      const failures = await run(ordered);
      console.info(`matrix allowed: ${ordered.length.toLocaleString('en-GB')} requests, ${failures.length} disallowed`);
      expect(failures, failures.join('\n')).toEqual([]);
    },
    HEAVY_TIMEOUT_MS,
  );

  async function run(batch: MatrixRequest[]): Promise<string[]> {
    const failures: string[] = [];
    for (const request of batch) {
      const response = await send(world, request);
      const reason = disallowedBecause(request, response);
      if (reason) failures.push(describeFailure(request, response, reason));
    }
    return failures;
  }
});
