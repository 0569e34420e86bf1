/** The identifier and code systems our FHIR resources use, in one place: NHS ones as the e-Referral Service and UK Core name them (shared/context/standards/uk-core-r4), and AQP's own. */

/** The NHS number, as UK Core Patient's `identifier:nhsNumber` slice fixes it (UKCore-Patient.xml). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** The e-Referral Service's 12-digit Unique Booking Reference Number (eRS-ServiceRequest, A041). */
export const UBRN_SYSTEM = 'https://fhir.nhs.uk/Id/UBRN';
/** An organisation's ODS code, as UK Core Organization's `identifier:odsOrganisationCode` slice fixes it (UKCore-Organization.xml). */
export const ODS_ORGANISATION_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** The e-Referral Service's ServiceRequest categories: `referral` or `request` (eRS-ServiceRequest). */
export const SERVICE_REQUEST_CATEGORY_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/message-category-servicerequest';
/** AQP's national service catalogue codes ("adult-hearing"), the service type of a listing and a referral. */
export const AQP_SERVICE_SYSTEM = 'https://aqp.example.nhs.uk/fhir/CodeSystem/aqp-service';
/** The eligibility engine's reason codes ("too-young", "exclusion"), given with each issue of a refused referral. */
export const AQP_ELIGIBILITY_REASON_SYSTEM = 'https://aqp.example.nhs.uk/fhir/CodeSystem/eligibility-reason';

/** UK Core profiles named in `meta.profile` only by resources that conform to them. */
export const UK_CORE_PROFILES = {
  Patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
  ServiceRequest: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest',
  Appointment: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment',
} as const;
