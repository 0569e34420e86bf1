/** The access spec for FHIR R4 at /fhir (see access-spec.ts): one decision per FHIR route. Add each new resource type's routes here. */
import { type Access, OWN, PUBLIC, ROLES } from './access-spec.ts';

export const FHIR_ACCESS: Record<string, Access> = {
  'GET /fhir/metadata': PUBLIC,
  'GET /fhir/Organization': PUBLIC,
  'GET /fhir/Organization/:id': PUBLIC,
  'GET /fhir/Location': PUBLIC,
  'GET /fhir/Location/:id': PUBLIC,
  'GET /fhir/HealthcareService': PUBLIC,
  'GET /fhir/HealthcareService/:id': PUBLIC,
  'GET /fhir/ServiceRequest': ROLES,
  'GET /fhir/ServiceRequest/:id': OWN,
  'POST /fhir/ServiceRequest': ROLES,
  'GET /fhir/Patient': ROLES,
  'GET /fhir/Patient/:id': OWN,
  'GET /fhir/Appointment': ROLES,
  'GET /fhir/Appointment/:id': OWN,
};
