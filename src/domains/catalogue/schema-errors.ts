/** Turns TypeBox validation errors into field errors a person can act on ("routes.0: choose GP, ..."). */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldError } from '../../lib/errors.ts';

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

function fieldOf(instancePath: string, params: Record<string, unknown>): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = typeof params.requiredProperties === 'object' ? (params.requiredProperties as string[])[0] : undefined;
  return [path, missing].filter(Boolean).join('.') || 'body';
}

function messageOf(issue: SchemaIssue): string {
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of: ${(issue.params.allowedValues as unknown[]).join(', ')}`;
    case 'minLength':
      return 'must not be empty';
    case 'additionalProperties':
      return `has an unknown field "${(issue.params.additionalProperties as string[] | undefined)?.[0] ?? ''}"`;
    case 'minItems':
      return `needs at least ${String(issue.params.limit)}`;
    case 'uniqueItems':
      return 'must not repeat a value';
    default:
      return issue.message;
  }
}

/** Every schema problem with the value, one per field (the first message wins). */
export function schemaFieldErrors(schema: TSchema, value: unknown): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of Value.Errors(schema, value) as Iterable<SchemaIssue>) {
    const field = fieldOf(issue.instancePath, issue.params ?? {});
    if (seen.has(field) || issue.keyword === 'anyOf') continue;
    seen.add(field);
    errors.push({ field, message: messageOf(issue) });
  }
  return errors;
}
