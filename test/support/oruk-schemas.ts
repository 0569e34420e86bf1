/**
 * The Open Referral UK profile 3.0 JSON schemas, read at test time from the shared context beside the checkout (never copied into the
 * repository): AQP_CONTEXT_DIR, else ../shared/context. Each file gets the address the profile's openapi.json refers to it by, so its
 * `$ref`s resolve to these local copies; Ajv's 2020-12 dialect (openapi `jsonSchemaDialect`), strict mode off for the files' own keywords.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from './cli-server.ts';

export const CONTEXT_DIR = process.env.AQP_CONTEXT_DIR
  ? path.resolve(process.env.AQP_CONTEXT_DIR)
  : path.resolve(REPO_ROOT, '../shared/context');
export const ORUK_SCHEMA_DIR = path.join(CONTEXT_DIR, 'standards/oruk-uk-profile-3.0/schema');
const PUBLISHED_AT = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ORUK_SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;

interface ProfileOpenapi {
  paths: { '/': { get: { responses: { '200': { content: { 'application/json': { schema: object } } } } } } };
  components: { schemas: { Page: { properties: Record<string, unknown> } } };
}

function profileAjv(): { ajv: Ajv2020; openapi: ProfileOpenapi } {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const files = [
    ...readdirSync(ORUK_SCHEMA_DIR).filter((name) => name.endsWith('.json') && name !== 'openapi.json'),
    ...readdirSync(path.join(ORUK_SCHEMA_DIR, 'compiled'))
      .filter((name) => name.endsWith('.json') && !name.endsWith('_package.json'))
      .map((name) => `compiled/${name}`),
  ];
  for (const file of files) ajv.addSchema({ ...readJson(file), $id: `${PUBLISHED_AT}${file}` });
  return { ajv, openapi: readJson('openapi.json') as unknown as ProfileOpenapi };
}

export type OrukSchema =
  | 'about'
  | 'page'
  | 'compiled/service.json'
  | 'compiled/service_list.json'
  | 'compiled/service_at_location.json'
  | 'compiled/service_at_location_list.json'
  | 'compiled/organization.json'
  | 'compiled/organization_list.json'
  | 'taxonomy.json'
  | 'taxonomy_term.json';

/** A validator per schema, compiled once: the root and page schemas from openapi.json, the rest by file. */
export function orukValidators(): (schema: OrukSchema) => ValidateFunction {
  const { ajv, openapi } = profileAjv();
  const compiled = new Map<OrukSchema, ValidateFunction>();
  const schemaOf = (name: OrukSchema) => {
    if (name === 'about') return openapi.paths['/'].get.responses['200'].content['application/json'].schema;
    if (name === 'page') return { ...openapi.components.schemas.Page, required: Object.keys(openapi.components.schemas.Page.properties) };
    return { $ref: `${PUBLISHED_AT}${name}` };
  };
  return (name) => {
    if (!compiled.has(name)) compiled.set(name, ajv.compile(schemaOf(name)));
    return compiled.get(name)!;
  };
}

/** The schema errors of a value (empty when it conforms), as readable lines for a failing expectation. */
export function orukErrors(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
