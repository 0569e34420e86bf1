import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, buildAccessWorld, type Caller } from '../support/access-world.ts';
import { type BadInput, badValue, type JsonSchema } from '../support/bad-input.ts';
import { badForm, encodeForm } from '../support/bad-form.ts';
import { type FormIndex, indexForms } from '../support/form-index.ts';
import { type FuzzCase, runFuzzBatch } from '../support/fuzz-batch.ts';
import { objectResolver } from '../support/object-ids.ts';
import { type RegisteredRoute, routeKey } from '../support/route-catalogue.ts';

/** A fixed seed (plus the route's index) keeps CI repeatable and bounded (about a minute and a half); set FUZZ_SEED and FUZZ_RUNS to explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS_PER_API_ROUTE = Number(process.env.FUZZ_RUNS ?? 14);
const RUNS_PER_FORM = Math.ceil(RUNS_PER_API_ROUTE / 2);
/** Hundreds of requests each; generous because CI machines are loaded, while the run counts keep the work bounded. */
const HEAVY_TIMEOUT_MS = 600_000;
/** Forms that take no input and end the caller's session. */
const NOT_FUZZED = new Set(['POST /sign-out', 'POST /referral-status/sign-out']);

describe('generated bad input', () => {
  let world: AccessWorld;
  let resolve: (method: string, url: string) => string;
  beforeAll(async () => {
    world = await buildAccessWorld({ as: 'owners' });
    resolve = await objectResolver(world.t.deps.db, world.invitationToken);
  });
  afterAll(() => world.t.close());

  /** The demo's own person in the route's first role (so refusals are about the input, not who sends it), or nobody on public routes. */
  const ownerFor = (route: RegisteredRoute): Caller => world.callers.find((caller) => caller.role === (route.roles?.[0] ?? 'anonymous'))!;

  it(
    'refuses bad JSON bodies on every API route with a body schema, without a server error or a write',
    async () => {
      const routes = world.routes.filter((route) => route.isApi && route.bodySchema);
      const failures: string[] = [];
      let sent = 0;
      for (const [index, route] of routes.entries()) {
        const inputs = [
          OVERSIZED_BODY,
          ...fc.sample(badValue(route.bodySchema as JsonSchema), { numRuns: RUNS_PER_API_ROUTE, seed: SEED + index }),
        ];
        const cases = inputs.map((input) => apiCase(route, input));
        sent += cases.length;
        failures.push(...(await runFuzzBatch(world.t.deps.db, routeKey(route), cases)));
      }
      console.info(
        `fuzz api: ${routes.length} routes, ${sent.toLocaleString('en-GB')} requests, ${failures.length} failures (seed ${SEED})`,
      );
      expect(failures, failures.join('\n')).toEqual([]);
    },
    HEAVY_TIMEOUT_MS,
  );

  it(
    'answers bad form posts on every page form without a server error, and refusals write nothing',
    async () => {
      const routes = world.routes.filter((route) => !route.isApi && route.method === 'POST' && !NOT_FUZZED.has(routeKey(route)));
      const forms = await indexForms(world.routes, world.callers, resolve);
      const failures: string[] = [];
      let sent = 0;
      const fieldless: string[] = [];
      for (const [index, route] of routes.entries()) {
        const caller = ownerFor(route);
        const url = resolve(route.method, route.url);
        const fields = forms.fields.get(routeKey(route)) ?? [];
        if (!fields.length) fieldless.push(routeKey(route));
        const cases = fc.sample(badForm(fields), { numRuns: RUNS_PER_FORM, seed: SEED + index }).map((pairs): FuzzCase => ({
          send: () => caller.web.postEncoded(url, encodeForm([['_csrf', caller.csrfToken], ...pairs])),
          mustRefuse: false,
          describe: `as ${caller.role} with ${describePairs(pairs)}`,
        }));
        sent += cases.length;
        failures.push(...fieldsLeftOut(forms, route, fields), ...(await runFuzzBatch(world.t.deps.db, routeKey(route), cases)));
      }
      const unseen = fieldless.filter((key) => !forms.seen.has(key));
      console.info(
        `fuzz forms: ${routes.length} forms (${fieldless.length} with no known fields, ${unseen.length} of them on no visited page), ${forms.pagesVisited} pages visited, ${sent.toLocaleString('en-GB')} requests, ${failures.length} failures (seed ${SEED})`,
      );
      if (unseen.length) console.info(`forms on no visited page: ${unseen.join(', ')}`);
      expect(failures, failures.join('\n')).toEqual([]);
    },
    HEAVY_TIMEOUT_MS,
  );

  function apiCase(route: RegisteredRoute, input: BadInput): FuzzCase {
    const caller = ownerFor(route);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(caller.apiKey ? { authorization: `Bearer ${caller.apiKey}` } : {}),
    };
    const url = resolve(route.method, route.url);
    const payload = JSON.stringify(input.body) ?? 'null';
    return {
      send: () => world.t.app.inject({ method: route.method as 'POST', url, headers, payload }),
      mustRefuse: input.invalid,
      status: input.status,
      describe: `as ${caller.role} with ${input.why}`,
    };
  }
});

/** A body over the 1 MB limit, sent once to each route first, which must be refused as too large. */
const OVERSIZED_BODY: BadInput = { body: { padding: 'x'.repeat(1_100_000) }, invalid: true, status: 413, why: 'a body over 1 MB' };

/** A failure for each field some visited page's form for this route shows that the fuzzing did not send. */
function fieldsLeftOut(forms: FormIndex, route: RegisteredRoute, fuzzed: string[]): string[] {
  const missing = (forms.fields.get(routeKey(route)) ?? []).filter((field) => !fuzzed.includes(field));
  return missing.length ? [`${routeKey(route)}: fuzzed without the fields ${missing.join(', ')} its form shows`] : [];
}

function describePairs(pairs: [string, string][]): string {
  return (
    pairs
      .map(([name, value]) => `${name}=${JSON.stringify(value.length > 24 ? `${value.slice(0, 12)}…(${value.length})` : value)}`)
      .join('&') || 'no fields'
  );
}
