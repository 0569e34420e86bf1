/** Builds the AQP web application as a Fastify instance without listening, so tests use `app.inject`. */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import staticFiles from '@fastify/static';
import underPressure from '@fastify/under-pressure';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { Deps } from '../domains/deps.ts';
import { registerApi } from './api/routes.ts';
import { registerOpenReferral } from './openreferral/open-referral.routes.ts';
import { registerFhir } from './fhir/fhir.plugin.ts';
import { isApiRequest, registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerPublicReads } from './plugins/public-reads.ts';
import { registerSafeReplies } from './plugins/safe-replies.ts';
import { registerServerTiming } from './plugins/server-timing.ts';
import { registerStorableText } from './plugins/storable-text.ts';
import { postgresSessionStore } from './plugins/session-store.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { strictBodySchemas } from './plugins/validation.ts';
import { createViewEnvironment, NHSUK_DIST, PUBLIC_DIR, registerViews } from './plugins/views.ts';
import { registerHealth } from './web/health.ts';
import { federatedSignInFrom } from './web/sign-in/federated-sign-in.ts';
import { registerStylesheet } from './web/stylesheet.ts';
import { registerWebRoutes } from './web/routes.ts';
import './types.ts';

export interface AppOptions {
  config: Config & { sessionSecret: string };
  deps: Deps;
  /** Answers health/ready: whether the database can be reached. */
  isDatabaseReady?: () => Promise<boolean>;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
  /** Sees every route as it is registered, so tests can enumerate them with their schema and config. */
  onRoute?: (route: RouteOptions) => void;
}

const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

/** Registers plugins in a fixed order: security, parsing, sessions, views, auth, errors, routes. */
export async function buildApp({ config, deps, isDatabaseReady, logStream, onRoute }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(logStream ? { stream: logStream } : {}),
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    schemaController: strictBodySchemas,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (onRoute) app.addHook('onRoute', onRoute);

  registerSecurityHeaders(app);
  // Shed load when the event loop stalls for 2 s; tests share a loaded machine and must see real answers, so it is off there.
  await app.register(underPressure, { maxEventLoopDelay: config.nodeEnv === 'test' ? 0 : 2000, exposeStatusRoute: false });
  await app.register(rateLimit, { global: false });
  await app.register(formbody);
  await app.register(cookie);
  await app.register(session, {
    secret: config.sessionSecret,
    cookieName: 'aqp_session',
    saveUninitialized: false,
    rolling: false,
    cookie: { secure: 'auto', httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_MAX_AGE_MS },
    store: postgresSessionStore(deps, SESSION_MAX_AGE_MS, app.log),
  });
  await app.register(csrf, { sessionPlugin: '@fastify/session' });
  await app.register(staticFiles, {
    root: path.join(NHSUK_DIST, 'nhsuk'),
    prefix: '/nhsuk/',
    allowedPath: (pathName) => /^\/(assets\/.+|nhsuk-frontend\.min\.js(\.map)?)$/.test(pathName),
    maxAge: '1d',
  });
  await app.register(staticFiles, { root: PUBLIC_DIR, prefix: '/static/', decorateReply: false, maxAge: '1h' });

  registerViews(app, createViewEnvironment());
  registerAuth(app, deps);
  // After the role check, so strangers are sent to sign in (and denials audited) before any field is named; still before validation.
  registerStorableText(app);
  registerPublicReads(app, config.publicReadsPerMinute);
  registerErrorHandling(app);
  registerSafeReplies(app);
  registerServerTiming(app);
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method === 'POST' && !isApiRequest(request) && request.routeOptions.config.csrf !== false) {
      return app.csrfProtection(request, reply, done);
    }
    done();
  });

  registerStylesheet(app);
  registerHealth(app, isDatabaseReady ?? (async () => true));
  app.decorate('publicBaseUrl', config.publicBaseUrl ?? null);
  const federatedSignIn = federatedSignInFrom(config);
  app.decorate('federatedSignIn', { cis2: Boolean(federatedSignIn.cis2), nhsLogin: Boolean(federatedSignIn.nhsLogin) });
  registerWebRoutes(app, deps, { referenceDataDir: config.referenceDataDir, federatedSignIn });
  await registerApi(app, deps);
  await registerOpenReferral(app, deps);
  await registerFhir(app, deps);
  return app;
}
