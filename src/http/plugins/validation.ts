/** Request validation: API bodies must have the declared JSON types, while path parameters and query strings (always text) are still coerced. */
import ajvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

const pool = ajvCompiler();

/**
 * Builds two validators from Fastify's own compiler and options: one as Fastify configures it (type coercion on) for params,
 * querystring and headers, where every value arrives as text; one with coercion off for bodies, so `"title": true` or
 * `"graceDays": null` is refused rather than stored as "true" or 0.
 */
const buildValidator: ajvCompiler.BuildCompilerFromPool = (externalSchemas, options) => {
  const coercing = pool(externalSchemas, options);
  const strict = pool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } } as typeof options);
  // Fastify passes the route definition ({ schema, httpPart, ... }), though the compiler's types name it a schema.
  const compile = (route: ajvCompiler.RouteDefinition) => (route.httpPart === 'body' ? strict : coercing)(route as never);
  return compile as unknown as ReturnType<typeof pool>;
};

/** The Fastify `schemaController` option that applies the rule above to every route. */
export const strictBodySchemas: FastifyServerOptions['schemaController'] = { compilersFactory: { buildValidator } };
