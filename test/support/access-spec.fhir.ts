/** The access spec for FHIR R4 at /fhir (see access-spec.ts): one decision per FHIR route. Add each new resource type's routes here. */
import { type Access, PUBLIC } from './access-spec.ts';

export const FHIR_ACCESS: Record<string, Access> = {
  'GET /fhir/metadata': PUBLIC,
};
