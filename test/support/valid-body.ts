/**
 * A plain JSON body that fits a route's body schema: every property filled, enums' first value, formats and bounds
 * respected (a reason given, a list with one item). The access matrix sends it so a write is judged on who sends it, not refused for its shape first.
 */
import fc from 'fast-check';
import type { JsonSchema } from './bad-input.ts';

export interface BodySchema extends JsonSchema {
  minItems?: number;
  exclusiveMinimum?: number;
}

/** A body the schema accepts (the seed only picks the text for a `pattern`), so only access can refuse the request. */
export function validBody(schema: BodySchema, seed: number): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return validBody(schema.anyOf.find((branch) => branch.type !== 'null') ?? schema.anyOf[0]!, seed);
  const type = Array.isArray(schema.type) ? schema.type.find((each) => each !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return validString(schema, seed);
    case 'integer':
      return Math.ceil(validNumber(schema));
    case 'number':
      return validNumber(schema);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? 1) }, () =>
        validBody(schema.items ?? {}, seed),
      );
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validBody(property, seed)]));
    default:
      return 'anything';
  }
}

const FORMATTED: Record<string, string> = {
  uuid: '7c1f4a52-3f6e-4b8e-9d2a-5e0b8c9f1a23',
  date: '2026-03-02',
  'date-time': '2026-03-02T10:00:00Z',
  email: 'someone@example.org.uk',
  uri: 'https://example.org.uk/',
};

function validString(schema: BodySchema, seed: number): string {
  if (schema.format && FORMATTED[schema.format]) return FORMATTED[schema.format]!;
  const maxLength = schema.maxLength ?? Infinity;
  if (schema.pattern) {
    const matching = fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= (schema.minLength ?? 0) && text.length <= maxLength);
    return fc.sample(matching, { seed, numRuns: 1 })[0]!;
  }
  return 'Routine'.padEnd(schema.minLength ?? 0, 'x').slice(0, maxLength);
}

function validNumber(schema: BodySchema): number {
  const lowest = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  return Math.min(Math.max(lowest ?? 1, 1), schema.maximum ?? Infinity);
}
