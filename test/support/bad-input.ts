/**
 * Generated bad input for a JSON body schema (fast-check): each value is either `invalid` (it breaks the schema for
 * certain, so the API must refuse it) or merely `hostile` (it may fit the schema but carries NUL, lone surrogates,
 * huge strings or numbers, deep nesting or stray properties, so the API must not fail on it).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
}

export interface BadInput {
  body: unknown;
  invalid: boolean;
  /** The one status the answer must have, where the HTTP spec names it. */
  status?: number;
  /** Where and how the input is bad, for the failure report. */
  why: string;
}

const NUL = 'before\u0000after';
const LONE_SURROGATE = 'half \ud800 a pair';
const HUGE = 'x'.repeat(200_000);
const deeplyNested = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 'bottom');

/** Strings nobody should have to store: NUL, a lone surrogate, a very long one, right-to-left and zero-width marks. */
const hostileString = fc.constantFrom(NUL, LONE_SURROGATE, HUGE, '\u202e\u200b', '<script>alert(1)</script>', "'; drop table offers; --");

const invalid = (body: unknown, why: string): BadInput => ({ body, invalid: true, why });
const hostile = (body: unknown, why: string): BadInput => ({ body, invalid: false, why });

/** A plausible value that fits the schema, so a neighbouring bad value is what gets judged. */
export function fitting(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(fitting));
  switch (typeOf(schema)) {
    case 'string':
      return fittingString(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, (schema.minimum ?? 0) + 100) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fitting(schema.items ?? {}), { maxLength: Math.min(schema.maxItems ?? 2, 2) });
    case 'object':
      return fittingObject(schema);
    default:
      return fc.constant('anything');
  }
}

function fittingString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return fc.constant('2026-03-02');
  if (schema.format === 'date-time') return fc.constant('2026-03-02T10:00:00Z');
  if (schema.format === 'email') return fc.constant('someone@example.org.uk');
  const length = Math.max(schema.minLength ?? 1, 1);
  return fc
    .constantFrom('a'.repeat(length), 'Routine', '2026-03-02', 'HX6 3AB')
    .filter((text) => text.length <= (schema.maxLength ?? Infinity));
}

function fittingObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  return fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, fitting(child)])), {
    requiredKeys: [...required].filter((key) => key in properties),
  });
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? undefined : schema.type;
}

/** Values of another type than the schema's, none of which the schema accepts without loose coercion. */
function wrongTypes(schema: JsonSchema): fc.Arbitrary<BadInput> | null {
  const wrong: Record<string, unknown[]> = {
    string: [42, true, { text: 'x' }, ['x'], null],
    integer: ['twelve', '12', 1.5, true, null, {}, [3]],
    number: ['twelve', '12.5', true, null, {}],
    boolean: ['yes', 'true', 1, 0, null, {}],
    array: [{ 0: 'x' }, 'x', 7, null],
    object: [[], 'object', 7, null, deeplyNested(2_000)],
  };
  const type = typeOf(schema);
  if (!type || !wrong[type] || schema.anyOf) return null;
  return fc.constantFrom(...wrong[type]!).map((value) => invalid(value, `${type} given ${JSON.stringify(value)?.slice(0, 40)}`));
}

/** Values just outside the schema's bounds, and hostile values inside them. */
function boundaryValues(schema: JsonSchema): fc.Arbitrary<BadInput>[] {
  const type = typeOf(schema);
  const out: fc.Arbitrary<BadInput>[] = [];
  if (type === 'string') {
    out.push(
      hostileString.map((text) =>
        schema.maxLength !== undefined && text.length > schema.maxLength
          ? invalid(text, `longer than ${schema.maxLength}`)
          : hostile(text, `string ${JSON.stringify(text.slice(0, 20))}`),
      ),
    );
    if (schema.enum || schema.const !== undefined) out.push(fc.constant(invalid('not-one-of-them', 'outside the allowed values')));
    if (schema.format === 'uuid') out.push(fc.constant(invalid('not-a-uuid', 'malformed uuid')));
  }
  if (type === 'integer' || type === 'number') {
    if (schema.maximum !== undefined) out.push(fc.constant(invalid(schema.maximum + 1, `above ${schema.maximum}`)));
    if (schema.minimum !== undefined) out.push(fc.constant(invalid(schema.minimum - 1, `below ${schema.minimum}`)));
    out.push(fc.constantFrom(2 ** 31, 1e20, -(2 ** 53), 0).map((n) => hostile(n, `number ${n}`)));
  }
  if (type === 'array' && schema.maxItems !== undefined) {
    out.push(
      fitting(schema.items ?? {}).map((item) =>
        invalid(
          Array.from({ length: schema.maxItems! + 1 }, () => item),
          `more than ${schema.maxItems} items`,
        ),
      ),
    );
  }
  return out;
}

/** Bad input for one value of the schema, possibly deep inside it. */
export function badValue(schema: JsonSchema, depth = 0): fc.Arbitrary<BadInput> {
  const options: fc.Arbitrary<BadInput>[] = [...boundaryValues(schema)];
  const wrong = wrongTypes(schema);
  if (wrong) options.push(wrong);
  if (schema.anyOf && depth < 4)
    options.push(fc.oneof(...schema.anyOf.map((branch) => badValue(branch, depth + 1))).map((bad) => ({ ...bad, invalid: false })));
  if (typeOf(schema) === 'object' && schema.properties && depth < 4) options.push(...badObject(schema, depth));
  if (typeOf(schema) === 'array' && schema.items && depth < 4)
    options.push(badValue(schema.items, depth + 1).map((bad) => ({ ...bad, body: [bad.body], why: `[0] ${bad.why}` })));
  return options.length ? fc.oneof(...options) : fc.constant(hostile(NUL, 'untyped value given NUL'));
}

function badObject(schema: JsonSchema, depth: number): fc.Arbitrary<BadInput>[] {
  const properties = schema.properties!;
  const keys = Object.keys(properties);
  const required = (schema.required ?? []).filter((key) => key in properties);
  const out: fc.Arbitrary<BadInput>[] = [];
  if (keys.length) {
    out.push(
      fc
        .tuple(fittingObject(schema), fc.constantFrom(...keys))
        .chain(([fine, key]) =>
          badValue(properties[key]!, depth + 1).map((bad) => ({ ...bad, body: { ...fine, [key]: bad.body }, why: `${key}: ${bad.why}` })),
        ),
    );
  }
  if (required.length) {
    out.push(
      fc.tuple(fittingObject(schema), fc.constantFrom(...required)).map(([fine, key]) => {
        const { [key]: _missing, ...rest } = fine;
        return invalid(rest, `${key} missing`);
      }),
    );
  }
  out.push(
    fc
      .tuple(fittingObject(schema), hostileString)
      .map(([fine, text]) => hostile({ ...fine, unexpected: text, nested: deeplyNested(500) }, 'unexpected properties')),
  );
  return out;
}
