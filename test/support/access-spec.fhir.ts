/** The access spec for FHIR R4 at /fhir (see access-spec.ts): one decision per FHIR route. Add each new resource type's routes here. */
import { type Access, PUBLIC } from './access-spec.ts';

export const FHIR_ACCESS: Record<string, Access> = {
  'GET /fhir/metadata': PUBLIC,
  'GET /fhir/Organization': PUBLIC,
  'GET /fhir/Organization/:id': PUBLIC,
  'GET /fhir/Location': PUBLIC,
  'GET /fhir/Location/:id': PUBLIC,
  'GET /fhir/HealthcareService': PUBLIC,
  'GET /fhir/HealthcareService/:id': PUBLIC,
};
